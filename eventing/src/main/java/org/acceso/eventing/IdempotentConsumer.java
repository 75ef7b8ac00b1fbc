package org.acceso.eventing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.acceso.contracts.Envelope;

import java.util.function.Consumer;

/**
 * Applies an event's effect at most once per consumer: the processed-event row and the effect
 * commit in one transaction, so a redelivered event (broker retry, rebalance, replay) is skipped.
 * Call it from an {@code @Incoming} method; a retry of that method gets a fresh transaction.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private final ProcessedEvents processedEvents;

    public IdempotentConsumer(ProcessedEvents processedEvents) {
        this.processedEvents = processedEvents;
    }

    /** Returns false when {@code consumer} had already processed this event. */
    @Transactional
    public boolean process(String consumer, Envelope envelope, Consumer<Envelope> effect) {
        if (!processedEvents.firstDelivery(envelope.eventId(), consumer)) {
            return false;
        }
        effect.accept(envelope);
        return true;
    }
}
