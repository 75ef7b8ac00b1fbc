package org.acceso.eventing;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import io.opentelemetry.context.Context;
import org.acceso.contracts.AccesoEvent;
import org.acceso.contracts.AgencyEvent;
import org.acceso.contracts.DeadlineEvent;
import org.acceso.contracts.Envelope;
import org.acceso.contracts.EventCodec;
import org.acceso.contracts.RequestEvent;
import org.acceso.contracts.Topics;
import org.acceso.observability.Correlation;

import java.time.Clock;
import java.util.UUID;

/**
 * Records an event in the caller's transaction. It reaches Kafka only if that transaction commits,
 * and it will reach Kafka even if the broker is down right now: {@link OutboxRelay} keeps trying.
 * Each row keeps the correlation id and trace context of the work that wrote it, for the relay to pass on.
 */
@ApplicationScoped
@IfBuildProperty(name = "acceso.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class Outbox {

    private final Clock clock;
    private final Event<OutboxAppended> appended;

    public Outbox(Clock clock, Event<OutboxAppended> appended) {
        this.clock = clock;
        this.appended = appended;
    }

    /**
     * Appends an event about a request. Its topic follows from its family ({@link Topics#of}); the key is the
     * request id, so one request's events stay ordered.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Envelope append(UUID requestId, RequestEvent event) {
        return write(requestKey(requestId), requestId, event);
    }

    /** Appends an event about a request's legal clock, keyed by the request id like the request's own events. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Envelope append(UUID requestId, DeadlineEvent event) {
        return write(requestKey(requestId), requestId, event);
    }

    /** Appends an agency event, keyed by the agency's code (its topic is compacted: the last record per code wins). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Envelope append(AgencyEvent event) {
        return write(event.code(), null, event);
    }

    private static String requestKey(UUID requestId) {
        if (requestId == null) {
            throw new IllegalArgumentException("An event about a request needs the request id");
        }
        return requestId.toString();
    }

    private Envelope write(String key, UUID requestId, AccesoEvent event) {
        Envelope envelope = EventCodec.envelope(UUID.randomUUID(), requestId, clock.instant(), event);
        String topic = Topics.of(event);
        OutboxMessage message = new OutboxMessage();
        message.eventId = envelope.eventId();
        message.topic = topic;
        message.messageKey = key;
        message.type = envelope.type();
        message.payload = EventCodec.write(envelope);
        message.createdAt = envelope.occurredAt();
        message.correlationId = Correlation.current().orElse(null);
        message.traceparent = TraceContexts.traceparent(Context.current()).orElse(null);
        message.persist();
        appended.fire(new OutboxAppended(topic));
        return envelope;
    }
}
