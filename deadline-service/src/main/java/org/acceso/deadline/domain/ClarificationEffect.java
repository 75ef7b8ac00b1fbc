package org.acceso.deadline.domain;

/** What a request for clarification does to the response clock. */
public enum ClarificationEffect {
    /** The clock pauses; on the reply it resumes with the counting days that were left. */
    PAUSE,
    /** The clock waits; on the reply a full term starts again, the reply being day 0. */
    RESTART
}
