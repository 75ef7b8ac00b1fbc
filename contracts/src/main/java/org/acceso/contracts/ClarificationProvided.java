package org.acceso.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/** The requester answered a clarification question; the clock resumes or restarts, per policy. */
@EventType("ClarificationProvided")
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClarificationProvided(
        String trackingNumber,
        String agencyCode,
        String reply,
        Instant providedAt) implements RequestEvent {
}
