package org.acceso.register.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.acceso.contracts.EventCodec;
import org.acceso.contracts.PublicationEvent;
import org.acceso.contracts.Topics;
import org.acceso.eventing.IdempotentConsumer;
import org.acceso.register.service.PublicationService;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.temporal.ChronoUnit;

/**
 * The register's only input: {@code publication-events} (never {@code request-events}, which carries requesters'
 * contacts). Idempotent by event id; a message that is not an event, or a publication the register cannot store,
 * goes to {@code register-service-publication-events-dlq} at once; other failures (the database) are retried first.
 * Types it does not know are skipped (tolerant reader).
 */
@ApplicationScoped
public class PublicationEventsConsumer {

    static final String CONSUMER = "register-service";

    private final IdempotentConsumer idempotent;
    private final PublicationService publications;

    public PublicationEventsConsumer(IdempotentConsumer idempotent, PublicationService publications) {
        this.idempotent = idempotent;
        this.publications = publications;
    }

    @Incoming(Topics.PUBLICATION_EVENTS)
    @Blocking
    @Retry(maxRetries = 5, delay = 1, delayUnit = ChronoUnit.SECONDS, abortOn = EventCodec.MalformedEventException.class)
    public void consume(String message) {
        idempotent.process(CONSUMER, EventCodec.read(message), envelope -> EventCodec.decode(envelope, PublicationEvent.class)
                .ifPresent(event -> publications.apply(envelope, event)));
    }
}
