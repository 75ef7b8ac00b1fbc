package org.acceso.deadline.domain;

/** Whether a response clock counts: running, paused (waiting for a clarification) or stopped for good. */
public enum ClockStatus {
    RUNNING, PAUSED, STOPPED
}
