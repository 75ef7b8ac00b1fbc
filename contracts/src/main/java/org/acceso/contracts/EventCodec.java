package org.acceso.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes and reads the wire format. One mapper, configured once, shared by producers and consumers
 * so both sides agree on dates (ISO-8601 strings, offsets kept) and ignore what they don't know.
 * Type names come from each record's {@link EventType} annotation, never from its class name.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Every event type Acceso knows, by wire name, in the order of the sealed families. */
    private static final Map<String, Class<? extends AccesoEvent>> TYPES = collectTypes();

    private EventCodec() {
    }

    /** The type name on the wire, from the record's {@link EventType} annotation. */
    public static String typeOf(AccesoEvent event) {
        return typeName(event.getClass());
    }

    /** The wire name of an event record class. */
    public static String typeName(Class<? extends AccesoEvent> type) {
        EventType name = type.getAnnotation(EventType.class);
        if (name == null) {
            throw new IllegalStateException(type.getName() + " has no @EventType wire name");
        }
        return name.value();
    }

    /** Every known event type by wire name (unmodifiable). */
    public static Map<String, Class<? extends AccesoEvent>> types() {
        return TYPES;
    }

    public static Envelope envelope(UUID eventId, UUID requestId, Instant occurredAt, AccesoEvent event) {
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
        if (envelope == null || envelope.eventId() == null || envelope.type() == null) {
            throw new MalformedEventException("Event envelope lacks eventId or type", null);
        }
        return envelope;
    }

    /**
     * The event of {@code family} that the envelope carries, or empty when its type is not a member of that
     * family (a tolerant reader skips types it does not know). Events about a request must name it (agency, policy and
     * staff events are about no request). Throws {@link MalformedEventException} when a known type's payload cannot be
     * read.
     */
    public static <F extends AccesoEvent> Optional<F> decode(Envelope envelope, Class<F> family) {
        Class<? extends AccesoEvent> type = TYPES.get(envelope.type());
        if (type == null || !family.isAssignableFrom(type)) {
            return Optional.empty();
        }
        if (envelope.requestId() == null && !AgencyEvent.class.isAssignableFrom(type)
                && !PolicyEvent.class.isAssignableFrom(type) && !StaffEvent.class.isAssignableFrom(type)) {
            throw new MalformedEventException(envelope.type() + " event " + envelope.eventId() + " names no request", null);
        }
        return Optional.of(family.cast(readPayload(envelope, type)));
    }

    /** The payload as the given record, if the envelope's type is that record's wire name. */
    public static <T extends AccesoEvent> Optional<T> payload(Envelope envelope, Class<T> type) {
        if (!typeName(type).equals(envelope.type())) {
            return Optional.empty();
        }
        return Optional.of(readPayload(envelope, type));
    }

    private static <T> T readPayload(Envelope envelope, Class<T> type) {
        try {
            T value = envelope.payload() == null ? null : MAPPER.treeToValue(envelope.payload(), type);
            if (value == null) {
                throw new MalformedEventException(envelope.type() + " event " + envelope.eventId() + " has no payload", null);
            }
            return value;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("Malformed " + envelope.type() + " payload in event " + envelope.eventId(), e);
        }
    }

    /** The shared mapper, for tests that compare JSON trees. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Class<? extends AccesoEvent>> collectTypes() {
        Map<String, Class<? extends AccesoEvent>> types = new LinkedHashMap<>();
        for (Class<?> family : AccesoEvent.class.getPermittedSubclasses()) {
            for (Class<?> type : family.getPermittedSubclasses()) {
                Class<? extends AccesoEvent> event = (Class<? extends AccesoEvent>) type;
                Class<?> previous = types.put(typeName(event), event);
                if (previous != null) {
                    throw new IllegalStateException("Wire name " + typeName(event) + " used by " + previous.getName()
                            + " and " + type.getName());
                }
            }
        }
        return Collections.unmodifiableMap(types);
    }

    /** A message that cannot be read as an event. */
    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
