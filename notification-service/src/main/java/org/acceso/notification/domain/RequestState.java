package org.acceso.notification.domain;

/** Where a request stands for the digests: on an agency's plate, past its deadline without an answer, or done with. */
public enum RequestState {
    /** Filed and not yet answered, withdrawn or referred outside (its clock runs or is paused). */
    OPEN,
    /** Its deadline passed without an answer (silence counts as denial) until the appeal is resolved or its window closes. */
    OVERDUE,
    /** Answered, withdrawn, referred outside, or its appeal resolved or never filed in time. */
    CLOSED
}
