package org.acceso.deadline.domain;

/** The appeal window: open and counting, stopped by an appeal, or closed with no appeal. */
public enum AppealStatus {
    RUNNING, STOPPED, CLOSED
}
