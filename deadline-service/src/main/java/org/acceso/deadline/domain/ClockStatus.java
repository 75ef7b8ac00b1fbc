package org.acceso.deadline.domain;

/** Whether a legal clock is still counting. */
public enum ClockStatus {
    RUNNING, STOPPED
}
