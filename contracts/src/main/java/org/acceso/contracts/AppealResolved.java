package org.acceso.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/**
 * A coordinator resolved the appeal.
 *
 * @param decision {@code UPHELD} (the requester was right), {@code PARTIALLY_UPHELD} or {@code DISMISSED}
 */
@EventType("AppealResolved")
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppealResolved(
        String trackingNumber,
        String agencyCode,
        String decision,
        String text,
        Instant resolvedAt) implements RequestEvent {
}
