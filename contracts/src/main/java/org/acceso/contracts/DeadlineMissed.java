package org.acceso.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A response deadline passed while the clock was still running: no answer was given in time. Silence counts
 * as a denial (request-service moves the request to DEEMED_DENIED) and the appeal window opens. Published
 * once per clock.
 *
 * @param appealDueOn the last day to appeal the deemed denial
 * @param appealDueAt the end of that day, with its offset
 */
@EventType("DeadlineMissed")
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeadlineMissed(
        String trackingNumber,
        LocalDate dueOn,
        OffsetDateTime dueAt,
        LocalDate appealDueOn,
        OffsetDateTime appealDueAt) implements DeadlineEvent {
}
