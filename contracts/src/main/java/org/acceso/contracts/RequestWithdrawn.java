package org.acceso.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/** The requester withdrew the request while it was open; its clock stops. */
@EventType("RequestWithdrawn")
@JsonIgnoreProperties(ignoreUnknown = true)
public record RequestWithdrawn(
        String trackingNumber,
        String agencyCode,
        String reason,
        Instant withdrawnAt) implements RequestEvent {
}
