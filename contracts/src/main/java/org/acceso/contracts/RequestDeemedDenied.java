package org.acceso.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The deadline passed with no answer: by law the silence counts as a denial (request-service applies
 * deadline-service's {@link DeadlineMissed}). The requester may appeal.
 *
 * @param missedDueAt the deadline that passed
 */
@EventType("RequestDeemedDenied")
@JsonIgnoreProperties(ignoreUnknown = true)
public record RequestDeemedDenied(
        String trackingNumber,
        String agencyCode,
        OffsetDateTime missedDueAt,
        Instant deemedAt) implements RequestEvent {
}
