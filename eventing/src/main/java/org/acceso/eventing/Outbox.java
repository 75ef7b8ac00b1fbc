package org.acceso.eventing;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.acceso.contracts.Envelope;
import org.acceso.contracts.EventCodec;

import java.time.Clock;
import java.util.UUID;

/**
 * Records an event in the caller's transaction. It reaches Kafka only if that transaction commits,
 * and it will reach Kafka even if the broker is down right now: {@link OutboxRelay} keeps trying.
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

    /** Appends {@code event} for {@code topic}, keyed by the request id so one request's events stay ordered. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Envelope append(String topic, UUID requestId, Object event) {
        Envelope envelope = EventCodec.envelope(UUID.randomUUID(), requestId, clock.instant(), event);
        OutboxMessage message = new OutboxMessage();
        message.eventId = envelope.eventId();
        message.topic = topic;
        message.messageKey = requestId.toString();
        message.type = envelope.type();
        message.payload = EventCodec.write(envelope);
        message.createdAt = envelope.occurredAt();
        message.persist();
        appended.fire(new OutboxAppended(topic));
        return envelope;
    }
}
