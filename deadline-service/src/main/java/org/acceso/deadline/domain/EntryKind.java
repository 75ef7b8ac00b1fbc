package org.acceso.deadline.domain;

/** The kinds of hand-made calendar entries, and what each does to the legal clock. */
public enum EntryKind {
    /** A feriado: offices are closed. */
    HOLIDAY,
    /**
     * A día no laborable (bridge days, Jueves Santo): offices are closed only if the calendar
     * {@linkplain JurisdictionCalendar#closesOnNonWorkingDays() closes on non-working days}.
     */
    NON_WORKING_DAY,
    /** A closure of the administration by decree (municipal workers' day, year-end closure): offices are closed. */
    ADMINISTRATIVE_CLOSURE,
    /** A range in which deadlines do not run; offices may be open and still receive requests. */
    DEADLINE_SUSPENSION,
    /**
     * A working day by the year's official list on a date the holiday rules close (a holiday moved by decree):
     * the official list overrides the rule engine in both directions. It never reopens a weekend, and a hand
     * closure on the same day still closes it.
     */
    WORKING_DAY;

    /** Whether a day of this kind is not a business day in a calendar with the given setting. */
    public boolean closesOffices(boolean closesOnNonWorkingDays) {
        return switch (this) {
            case HOLIDAY, ADMINISTRATIVE_CLOSURE -> true;
            case NON_WORKING_DAY -> closesOnNonWorkingDays;
            case DEADLINE_SUSPENSION, WORKING_DAY -> false;
        };
    }

    /** Whether days of this kind stop deadlines from running. */
    public boolean suspendsDeadlines() {
        return this == DEADLINE_SUSPENSION;
    }

    /** Whether days of this kind reopen a day that the holiday rules close. */
    public boolean reopens() {
        return this == WORKING_DAY;
    }
}
