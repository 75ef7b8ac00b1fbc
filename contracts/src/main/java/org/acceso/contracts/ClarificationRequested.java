package org.acceso.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/** A clerk asked the requester to clarify the request; the clock pauses or will restart, per policy. */
@EventType("ClarificationRequested")
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClarificationRequested(
        String trackingNumber,
        String agencyCode,
        String question,
        Instant requestedAt) implements RequestEvent {
}
