package org.acceso.deadline.domain;

/** What a referral to another agency of the same body does to the response clock (a referral outside stops it). */
public enum ReferralEffect {
    /** The clock keeps running: the body is the same, only the agency that works the request changes. */
    CONTINUE,
    /** A full term starts again, the referral being day 0. */
    RESTART
}
