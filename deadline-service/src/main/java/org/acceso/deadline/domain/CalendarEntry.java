package org.acceso.deadline.domain;

import java.time.LocalDate;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A dated fact of a calendar that the holiday rules do not know: a holiday or non-working day set by
 * decree or resolution, an administrative closure or a deadline suspension. Covers
 * {@code startsOn..endsOn}, both inclusive, and names its legal instrument (e.g. "Decreto 1027/2024").
 */
public record CalendarEntry(EntryKind kind, LocalDate startsOn, LocalDate endsOn, String instrument, String description) {

    public CalendarEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(startsOn, "startsOn");
        Objects.requireNonNull(endsOn, "endsOn");
        Objects.requireNonNull(instrument, "instrument");
        if (endsOn.isBefore(startsOn)) {
            throw new IllegalArgumentException("endsOn " + endsOn + " is before startsOn " + startsOn);
        }
        if (instrument.isBlank()) {
            throw new IllegalArgumentException("instrument must not be blank");
        }
    }

    /** An entry of a single day. */
    public static CalendarEntry day(EntryKind kind, LocalDate date, String instrument, String description) {
        return new CalendarEntry(kind, date, date, instrument, description);
    }

    /** Whether {@code date} lies in this entry. */
    public boolean covers(LocalDate date) {
        return !date.isBefore(startsOn) && !date.isAfter(endsOn);
    }

    /** The days of this entry, in order. */
    public Stream<LocalDate> dates() {
        return startsOn.datesUntil(endsOn.plusDays(1));
    }
}
