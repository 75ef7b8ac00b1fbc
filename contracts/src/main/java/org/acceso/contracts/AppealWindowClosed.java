package org.acceso.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** The appeal window passed with no appeal: request-service refuses appeals from now on. Once per window. */
@EventType("AppealWindowClosed")
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppealWindowClosed(
        String trackingNumber,
        LocalDate dueOn,
        OffsetDateTime dueAt) implements DeadlineEvent {
}
