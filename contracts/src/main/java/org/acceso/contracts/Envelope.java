package org.acceso.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * What travels on every topic. {@code eventId} is the idempotency key, {@code type} the past-tense
 * name of the payload record, {@code requestId} the Kafka key.
 * Readers are tolerant: unknown fields are ignored, unknown types are skipped.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Envelope(UUID eventId, String type, UUID requestId, Instant occurredAt, JsonNode payload) {
}
