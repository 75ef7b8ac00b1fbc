package org.acceso.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/**
 * A publication was withdrawn (a court order, a mistake): the register forgets the request and its documents. The
 * reason stays in the request's history, inside request-service (it may name people).
 */
@EventType("PublicationWithdrawn")
@JsonIgnoreProperties(ignoreUnknown = true)
public record PublicationWithdrawn(
        String trackingNumber,
        Instant withdrawnAt) implements PublicationEvent {
}
