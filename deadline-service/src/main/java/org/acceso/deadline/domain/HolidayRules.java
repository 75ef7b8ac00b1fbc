package org.acceso.deadline.domain;

import java.util.List;
import java.util.Objects;

/**
 * Where a calendar's rule-based holidays come from: a jollyday rule file of the project ({@code calendar} names
 * {@code /holidays/<calendar>.xml} with its texts in {@code /holidays/<calendar>.properties}) or, written
 * {@code jollyday:<CODE>}, one of jollyday's bundled country calendars. {@code subdivisions} is the path below
 * the country (the holiday rule level), e.g. {@code [s, rosario]}: empty for national rules only.
 */
public record HolidayRules(String calendar, List<String> subdivisions) {

    public static final String BUNDLED = "jollyday:";

    public HolidayRules {
        Objects.requireNonNull(calendar, "calendar");
        subdivisions = List.copyOf(subdivisions);
        if (calendar.isBlank()) {
            throw new IllegalArgumentException("calendar must not be blank");
        }
    }

    /** Whether this names one of jollyday's bundled calendars. */
    public boolean bundled() {
        return calendar.startsWith(BUNDLED);
    }

    /** The bundled calendar's country code (e.g. {@code cl}); only for {@link #bundled()} rules. */
    public String countryCode() {
        return calendar.substring(BUNDLED.length()).toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return subdivisions.isEmpty() ? calendar : calendar + "/" + String.join("/", subdivisions);
    }
}
