package org.acceso.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A running deadline is {@code daysLeft} days away (one of the policy's reminder offsets). Published once
 * per clock and offset.
 */
@EventType("DeadlineApproaching")
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeadlineApproaching(
        String trackingNumber,
        LocalDate dueOn,
        OffsetDateTime dueAt,
        int daysLeft,
        String dayUnit) implements DeadlineEvent {
}
