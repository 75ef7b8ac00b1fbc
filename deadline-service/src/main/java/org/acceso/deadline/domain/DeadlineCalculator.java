package org.acceso.deadline.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The legal clock's arithmetic, as pure functions of (calendar, policy, instant): no clock reads, no I/O.
 *
 * <p>The rule (Law 27.275 as applied in Rosario):
 * <ul>
 *   <li>Day 0 is the local date of the filing in the policy's zone. If that date is not a business day, or
 *       the filing is after the policy's cut-off time (when one is set), day 0 is the next business day.</li>
 *   <li>Day 1 is the first counting day after day 0. With {@link DayUnit#BUSINESS} a counting day is a
 *       business day that is not suspended; with {@link DayUnit#CALENDAR} it is any day that is not
 *       suspended, and a last day that is not a business day moves to the next business day.</li>
 *   <li>The deadline is the end of the N-th counting day (N = {@code responseDays}): 23:59:59 local time.</li>
 * </ul>
 * Example: filed on a Saturday, received on Monday (day 0), day 1 is Tuesday.
 *
 * <p>A suspension does not move day 0: a request filed while deadlines are suspended is received on that
 * business day, and its day 1 is the first counting day after the suspension.
 */
public final class DeadlineCalculator {

    /** The end of a day, as written on receipts. */
    public static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    /** A calendar with no business day in ten years is a broken calendar, not a long deadline. */
    private static final int MAX_SCAN_DAYS = 3660;

    private DeadlineCalculator() {
    }

    /** The deadline of a request filed at {@code filedAt}. */
    public static Deadline schedule(BusinessCalendar calendar, DeadlinePolicy policy, Instant filedAt) {
        LocalDate receivedOn = receivedOn(calendar, policy, filedAt);
        LocalDate dueOn = addDays(calendar, policy.dayUnit(), receivedOn, policy.responseDays());
        return new Deadline(receivedOn, dueOn, endOfDay(dueOn, policy.zone()));
    }

    /** Day 0 of a request filed at {@code filedAt}: always a business day, never before the local filing date. */
    public static LocalDate receivedOn(BusinessCalendar calendar, DeadlinePolicy policy, Instant filedAt) {
        Objects.requireNonNull(filedAt, "filedAt");
        LocalDateTime local = LocalDateTime.ofInstant(filedAt, policy.zone());
        LocalDate day = local.toLocalDate();
        if (policy.cutoff() != null && local.toLocalTime().isAfter(policy.cutoff())) {
            day = day.plusDays(1);
        }
        return firstBusinessDayFrom(calendar, day);
    }

    /**
     * The {@code days}-th counting day after {@code dayZero} (see the class comment): the last day of a term
     * that starts on {@code dayZero}. Also gives an extension: {@code addDays(calendar, BUSINESS, dueOn, 15)}.
     */
    public static LocalDate addDays(BusinessCalendar calendar, DayUnit unit, LocalDate dayZero, int days) {
        Objects.requireNonNull(unit, "unit");
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative: " + days);
        }
        if (unit == DayUnit.MONTH) {
            return addMonths(calendar, dayZero, days);
        }
        LocalDate day = dayZero;
        int counted = 0;
        int scanned = 0;
        while (counted < days) {
            day = day.plusDays(1);
            if (counts(calendar, unit, day)) {
                counted++;
            }
            guard(++scanned, dayZero);
        }
        if (unit == DayUnit.CALENDAR && days > 0) {
            day = firstCountingBusinessDayFrom(calendar, day);
        }
        return day;
    }

    /**
     * {@code months} months after {@code dayZero}: the same day number (or the month's last day), pushed by one
     * day for each suspended day in between, then moved to the next counting business day.
     */
    private static LocalDate addMonths(BusinessCalendar calendar, LocalDate dayZero, int months) {
        if (months == 0) {
            return dayZero;
        }
        LocalDate day = dayZero.plusMonths(months);
        int suspended = 0;
        for (LocalDate d = dayZero.plusDays(1); !d.isAfter(day); d = d.plusDays(1)) {
            if (calendar.isSuspended(d)) {
                suspended++;
            }
        }
        int scanned = 0;
        while (suspended > 0) {
            day = day.plusDays(1);
            if (!calendar.isSuspended(day)) {
                suspended--;
            }
            guard(++scanned, dayZero);
        }
        return firstCountingBusinessDayFrom(calendar, day);
    }

    /**
     * The counting days of a term still ahead when it pauses on {@code pausedOn}: those in
     * {@code (pausedOn, dueOn]}, in the unit's {@linkplain DayUnit#counting() counting unit}; 0 when it is due.
     */
    public static int remainingDays(BusinessCalendar calendar, DayUnit unit, LocalDate pausedOn, LocalDate dueOn) {
        return countDays(calendar, unit.counting(), pausedOn, dueOn);
    }

    /**
     * The last day of a paused term that resumes at {@code resumedAt}: the resumption counts like a new receipt
     * (day 0, moved to the next business day or past the cut-off like a filing), and the {@code remaining}
     * counting days run from there. So the resumed term keeps exactly the days that were left.
     */
    public static Deadline resume(BusinessCalendar calendar, DeadlinePolicy policy, Instant resumedAt, int remaining) {
        LocalDate dayZero = receivedOn(calendar, policy, resumedAt);
        LocalDate dueOn = addDays(calendar, policy.dayUnit().counting(), dayZero, remaining);
        return new Deadline(dayZero, dueOn, endOfDay(dueOn, policy.zone()));
    }

    /**
     * The first day from which only {@code days} counting days of {@code unit} remain until {@code dueOn}: the
     * earliest {@code d} with {@code countDays(d, dueOn) == days}, a counting day itself (the {@code days + 1}-th
     * counting day back from {@code dueOn}). A reminder "n days left" belongs to its start.
     */
    public static LocalDate daysBefore(BusinessCalendar calendar, DayUnit unit, LocalDate dueOn, int days) {
        LocalDate day = dueOn;
        int counted = 0;
        int scanned = 0;
        while (true) {
            if (counts(calendar, unit.counting(), day)) {
                if (counted == days) {
                    return day;
                }
                counted++;
            }
            day = day.minusDays(1);
            guard(++scanned, dueOn);
        }
    }

    /**
     * How many counting days of {@code unit} lie in {@code (fromExclusive, toInclusive]}; 0 when
     * {@code toInclusive} is not after {@code fromExclusive}. For audits ("business days to answer").
     */
    public static int countDays(BusinessCalendar calendar, DayUnit unit, LocalDate fromExclusive, LocalDate toInclusive) {
        int counted = 0;
        for (LocalDate day = fromExclusive.plusDays(1); !day.isAfter(toInclusive); day = day.plusDays(1)) {
            if (counts(calendar, unit, day)) {
                counted++;
            }
        }
        return counted;
    }

    /** The end of {@code date} in {@code zone}: 23:59:59 local time, with the zone's offset on that day. */
    public static OffsetDateTime endOfDay(LocalDate date, ZoneId zone) {
        return date.atTime(END_OF_DAY).atZone(zone).toOffsetDateTime();
    }

    private static boolean counts(BusinessCalendar calendar, DayUnit unit, LocalDate day) {
        if (calendar.isSuspended(day)) {
            return false;
        }
        return unit != DayUnit.BUSINESS || calendar.isBusinessDay(day);
    }

    private static LocalDate firstBusinessDayFrom(BusinessCalendar calendar, LocalDate start) {
        LocalDate day = start;
        for (int scanned = 1; !calendar.isBusinessDay(day); scanned++) {
            guard(scanned, start);
            day = day.plusDays(1);
        }
        return day;
    }

    private static LocalDate firstCountingBusinessDayFrom(BusinessCalendar calendar, LocalDate start) {
        LocalDate day = start;
        for (int scanned = 1; !counts(calendar, DayUnit.BUSINESS, day); scanned++) {
            guard(scanned, start);
            day = day.plusDays(1);
        }
        return day;
    }

    private static void guard(int scanned, LocalDate from) {
        if (scanned > MAX_SCAN_DAYS) {
            throw new IllegalStateException("no business day within " + MAX_SCAN_DAYS + " days after " + from);
        }
    }
}
