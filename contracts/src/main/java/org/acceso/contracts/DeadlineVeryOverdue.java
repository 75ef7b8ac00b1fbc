package org.acceso.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A missed deadline is now {@code daysOverdue} days behind, past the policy's "very overdue" line. Once per clock. */
@EventType("DeadlineVeryOverdue")
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeadlineVeryOverdue(
        String trackingNumber,
        LocalDate dueOn,
        OffsetDateTime dueAt,
        int daysOverdue) implements DeadlineEvent {
}
