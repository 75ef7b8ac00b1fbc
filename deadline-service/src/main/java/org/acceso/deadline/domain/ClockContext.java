package org.acceso.deadline.domain;

import java.util.Objects;

/**
 * What a clock's moves compute with: the policy it was started under (in its own zone) and the current calendar
 * of its jurisdiction, at {@code calendarVersion}.
 */
public record ClockContext(DeadlinePolicy policy, JurisdictionCalendar calendar, long calendarVersion) {

    public ClockContext {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(calendar, "calendar");
    }
}
