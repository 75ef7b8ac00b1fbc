package org.acceso.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A clerk answered the request. The outcome and grounds travel here because the compliance figures are
 * computed from events, not from request-service's database.
 *
 * @param outcome     {@code GRANTED}, {@code PARTIALLY_GRANTED}, {@code DENIED} or {@code NOT_HELD}
 * @param grounds     codes of the exemption grounds cited (see {@code GET /api/exemption-grounds}); at least one
 *                    for {@code DENIED} and {@code PARTIALLY_GRANTED}, none otherwise
 * @param documentIds the documents released with the answer
 */
@EventType("RequestAnswered")
@JsonIgnoreProperties(ignoreUnknown = true)
public record RequestAnswered(
        String trackingNumber,
        String agencyCode,
        String outcome,
        String text,
        List<String> grounds,
        List<UUID> documentIds,
        Instant answeredAt) implements RequestEvent {
}
