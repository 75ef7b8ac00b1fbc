package org.acceso.deadline.domain;

import java.time.LocalDate;

/**
 * Which days the legal clock counts. A business day is one on which the administration is open;
 * a suspended day is one on which deadlines do not run (open or not).
 */
@FunctionalInterface
public interface BusinessCalendar {

    /** Whether the administration is open on {@code date}: not a weekend, holiday or closure. */
    boolean isBusinessDay(LocalDate date);

    /** Whether deadlines are suspended on {@code date}. None are, unless the calendar says so. */
    default boolean isSuspended(LocalDate date) {
        return false;
    }
}
