package org.acceso.deadline.domain;

/** How a policy counts its days. */
public enum DayUnit {
    /** Only business days of the calendar count (weekends, holidays and closures are skipped). */
    BUSINESS,
    /**
     * Every calendar day counts; a deadline whose last day is not a business day moves to the next
     * business day (the usual rule, e.g. Spain's Ley 39/2015 art. 30.5).
     */
    CALENDAR
}
