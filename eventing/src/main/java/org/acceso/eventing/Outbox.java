package org.acceso.eventing;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.hibernate.orm.panache.Panache;
import org.hibernate.Session;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import io.opentelemetry.context.Context;
import org.acceso.contracts.AccesoEvent;
import org.acceso.contracts.AgencyEvent;
import org.acceso.contracts.DeadlineEvent;
import org.acceso.contracts.Envelope;
import org.acceso.contracts.EventCodec;
import org.acceso.contracts.PolicyEvent;
import org.acceso.contracts.PublicationEvent;
import org.acceso.contracts.RequestEvent;
import org.acceso.contracts.StaffEvent;
import org.acceso.contracts.Topics;
import org.acceso.observability.Correlation;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    /** Appends an event for the public register, keyed by the request id (its topic carries no personal data). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Envelope append(UUID requestId, PublicationEvent event) {
        return write(requestKey(requestId), requestId, event);
    }

    /** Appends an agency event, keyed by the agency's code (its topic is compacted: the last record per code wins). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Envelope append(AgencyEvent event) {
        return write(event.code(), null, event);
    }

    /** Appends a policy event under the topic's one key (its topic is compacted: the latest policy announced wins). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Envelope append(PolicyEvent event) {
        return write(PolicyEvent.KEY, null, event);
    }

    /** Appends a staff event, keyed by the person's user id (its topic is compacted: the last record per person wins). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Envelope append(StaffEvent event) {
        return write(event.userId(), null, event);
    }

    /** An event about a request, for {@link #appendAll}. */
    public record RequestScoped(UUID requestId, DeadlineEvent event) {
    }

    /**
     * Appends many events about requests with one JDBC batch: the same rows as {@link #append(UUID, DeadlineEvent)}
     * one by one, in list order, for bulk work (sweeps, recomputations) where a round trip per row is too slow.
     * Flushes the caller's pending entity changes first, so the rows follow them in the transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Envelope> appendAll(List<RequestScoped> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<Envelope> envelopes = new ArrayList<>(events.size());
        for (RequestScoped scoped : events) {
            requestKey(scoped.requestId());
            envelopes.add(EventCodec.envelope(UUID.randomUUID(), scoped.requestId(), now, scoped.event()));
        }
        Session session = Panache.getEntityManager().unwrap(Session.class);
        session.flush();
        session.doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO outbox_message "
                    + "(event_id, topic, message_key, type, payload, created_at, attempts) VALUES (?, ?, ?, ?, ?, ?, 0)")) {
                for (int i = 0; i < envelopes.size(); i++) {
                    Envelope envelope = envelopes.get(i);
                    insert.setObject(1, envelope.eventId());
                    insert.setString(2, Topics.of(events.get(i).event()));
                    insert.setString(3, envelope.requestId().toString());
                    insert.setString(4, envelope.type());
                    insert.setString(5, EventCodec.write(envelope));
                    insert.setTimestamp(6, Timestamp.from(envelope.occurredAt()));
                    insert.addBatch();
                }
                insert.executeBatch();
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot append " + envelopes.size() + " events to the outbox", e);
            }
        });
        appended.fire(new OutboxAppended(Topics.DEADLINE_EVENTS));
        return envelopes;
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
