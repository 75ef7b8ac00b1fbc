package org.acceso.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes and reads the wire format. One mapper, configured once, shared by producers and consumers
 * so both sides agree on dates (ISO-8601 strings, offsets kept) and ignore what they don't know.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private EventCodec() {
    }

    /** The type name on the wire: the payload record's simple name (past tense). */
    public static String typeOf(Object event) {
        return event.getClass().getSimpleName();
    }

    public static Envelope envelope(UUID eventId, UUID requestId, Instant occurredAt, Object event) {
        return new Envelope(eventId, typeOf(event), requestId, occurredAt, MAPPER.valueToTree(event));
    }

    public static String write(Envelope envelope) {
        try {
            return MAPPER.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot serialise event " + envelope.type(), e);
        }
    }

    /**
     * Reads an envelope. Throws {@link MalformedEventException} when the text is not an envelope
     * at all (no id, no type): such a message belongs in the dead-letter topic.
     */
    public static Envelope read(String json) {
        Envelope envelope;
        try {
            envelope = MAPPER.readValue(json, Envelope.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("Not a JSON event envelope: " + e.getMessage(), e);
        }
        if (envelope == null || envelope.eventId() == null || envelope.type() == null || envelope.requestId() == null) {
            throw new MalformedEventException("Event envelope lacks eventId, type or requestId", null);
        }
        return envelope;
    }

    /** The payload as the given record, if the envelope's type is that record's name. */
    public static <T> Optional<T> payload(Envelope envelope, Class<T> type) {
        if (!type.getSimpleName().equals(envelope.type())) {
            return Optional.empty();
        }
        try {
            return Optional.of(MAPPER.treeToValue(envelope.payload(), type));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("Malformed " + envelope.type() + " payload in event " + envelope.eventId(), e);
        }
    }

    /** The shared mapper, for tests that compare JSON trees. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A message that cannot be read as an event. */
    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
