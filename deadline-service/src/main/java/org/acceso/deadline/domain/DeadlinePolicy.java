package org.acceso.deadline.domain;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How a jurisdiction runs its response deadline: {@code responseDays} days of {@code dayUnit}, counted in
 * the time zone {@code zone}. A filing after {@code cutoff} local time (when not null) is received on the
 * next business day.
 */
public record DeadlinePolicy(String jurisdiction, ZoneId zone, int responseDays, DayUnit dayUnit, LocalTime cutoff) {

    /** Rosario's time zone: UTC-3 all year, no daylight saving. */
    public static final ZoneId ROSARIO_ZONE = ZoneId.of("America/Argentina/Cordoba");

    public DeadlinePolicy {
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(dayUnit, "dayUnit");
        if (responseDays < 1) {
            throw new IllegalArgumentException("responseDays must be positive: " + responseDays);
        }
    }

    /** Rosario: 15 business days in America/Argentina/Cordoba, no cut-off hour. */
    public static DeadlinePolicy rosario() {
        return new DeadlinePolicy("rosario", ROSARIO_ZONE, 15, DayUnit.BUSINESS, null);
    }
}
