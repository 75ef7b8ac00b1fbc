package org.acceso.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The requester may now appeal, until {@code dueAt}: after a denial, a partial grant or a deemed denial.
 *
 * @param cause {@code DENIED}, {@code PARTIALLY_GRANTED} or {@code DEEMED_DENIED}
 */
@EventType("AppealWindowOpened")
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppealWindowOpened(
        String trackingNumber,
        String cause,
        LocalDate opensOn,
        LocalDate dueOn,
        OffsetDateTime dueAt,
        int days,
        String dayUnit) implements DeadlineEvent {
}
