package org.acceso.eventing;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Unremovable;
import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.IncomingInterceptor;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.acceso.observability.Correlation;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, for each incoming Kafka record while it is processed, the correlation id ({@code X-Request-Id}
 * header) and trace context it came with, by event id ({@code ce_id} header), so that
 * {@link IdempotentConsumer} can restore them around the effect without every consumer taking the record.
 * Applies to every incoming channel of the service. Counts the records given up on (nacked: with the
 * {@code dead-letter-queue} failure strategy, sent to the dead-letter topic) as
 * {@code acceso_messages_dead_lettered_total{topic}}.
 */
@ApplicationScoped
@Unremovable // found by SmallRye Reactive Messaging through Instance<IncomingInterceptor>
public class IncomingTrails implements IncomingInterceptor {

    /** What a record came with. */
    public record Trail(String correlationId, Context trace) {
    }

    private final Map<UUID, Trail> inFlight = new ConcurrentHashMap<>();
    private final MeterRegistry registry;

    public IncomingTrails(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Message<?> afterMessageReceive(Message<?> message) {
        message.getMetadata(IncomingKafkaRecordMetadata.class).ifPresent(record -> {
            Headers headers = record.getHeaders();
            eventId(headers).ifPresent(eventId -> {
                String correlationId = text(headers, Correlation.HEADER);
                // the connector's receive span when it traced the record, else the producer's traceparent
                Context trace = TracingMetadata.fromMessage(message).map(TracingMetadata::getCurrentContext)
                        .orElseGet(() -> TraceContexts.fromTraceparent(text(headers, TraceContexts.TRACEPARENT)));
                inFlight.put(eventId, new Trail(correlationId, trace));
            });
        });
        return message;
    }

    @Override
    public void onMessageAck(Message<?> message) {
        forget(message);
    }

    @Override
    public void onMessageNack(Message<?> message, Throwable failure) {
        forget(message);
        String topic = message.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getTopic)
                .orElse("unknown");
        registry.counter("acceso.messages.dead.lettered", "topic", topic).increment();
    }

    /** The trail of an event being processed, if it came over Kafka from an Acceso outbox. */
    public Optional<Trail> of(UUID eventId) {
        return eventId == null ? Optional.empty() : Optional.ofNullable(inFlight.get(eventId));
    }

    private void forget(Message<?> message) {
        message.getMetadata(IncomingKafkaRecordMetadata.class)
                .flatMap(record -> eventId(record.getHeaders()))
                .ifPresent(inFlight::remove);
    }

    private static Optional<UUID> eventId(Headers headers) {
        String id = text(headers, "ce_id");
        try {
            return id == null ? Optional.empty() : Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
