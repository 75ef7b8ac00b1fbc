package org.acceso.eventing;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.UUID;

/**
 * The idempotent-consumer record. A consumer calls {@link #firstDelivery} in the transaction that
 * applies an event's effect; when it answers false the effect was already applied and must be skipped.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final Clock clock;

    public ProcessedEvents(Clock clock) {
        this.clock = clock;
    }

    /** True exactly once per (event, consumer), even under concurrent redelivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(UUID eventId, String consumer) {
        int inserted = Panache.getEntityManager()
                .createNativeQuery("INSERT INTO processed_event (event_id, consumer, processed_at) VALUES (?1, ?2, ?3) "
                        + "ON CONFLICT DO NOTHING")
                .setParameter(1, eventId)
                .setParameter(2, consumer)
                .setParameter(3, clock.instant())
                .executeUpdate();
        return inserted == 1;
    }
}
