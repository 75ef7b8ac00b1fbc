package org.acceso.deadline.domain;

/** How a policy counts its days. */
public enum DayUnit {
    /** Only business days of the calendar count (weekends, holidays and closures are skipped). */
    BUSINESS,
    /**
     * Every calendar day counts; a deadline whose last day is not a business day moves to the next
     * business day (the usual rule, e.g. Spain's Ley 39/2015 art. 30.5).
     */
    CALENDAR,
    /**
     * Whole months (Spain's Ley 39/2015 art. 30.4): the term ends on the same day number of the N-th month after
     * day 0, or on that month's last day when it has no such day; a last day that is not a business day moves to
     * the next business day. Suspended days push the end by as many days.
     */
    MONTH;

    /** The unit in which days left of a paused term are kept: months are kept as calendar days. */
    public DayUnit counting() {
        return this == MONTH ? CALENDAR : this;
    }
}
