package org.acceso.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * What travels on every topic. {@code eventId} is the idempotency key, {@code type} the payload's
 * {@link EventType wire name}, {@code requestId} the request the event is about (and the Kafka key of request and
 * deadline events; null for agency events, keyed by agency code, and policy events).
 * Readers are tolerant: unknown fields are ignored, unknown types are skipped.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Envelope(UUID eventId, String type, UUID requestId, Instant occurredAt, JsonNode payload) {
}
