package org.acceso.deadline.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.acceso.contracts.Envelope;
import org.acceso.contracts.EventCodec;
import org.acceso.contracts.RequestEvent;
import org.acceso.contracts.Topics;
import org.acceso.deadline.service.ClockService;
import org.acceso.eventing.IdempotentConsumer;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.temporal.ChronoUnit;

/**
 * Drives the legal clocks from request-events. Idempotent by event id; a message that is not an event goes to the
 * dead-letter topic at once; database failures are retried first. Unknown types are skipped (tolerant reader).
 */
@ApplicationScoped
public class RequestEventsConsumer {

    static final String CONSUMER = "deadline-service";

    private final IdempotentConsumer idempotent;
    private final ClockService clocks;

    public RequestEventsConsumer(IdempotentConsumer idempotent, ClockService clocks) {
        this.idempotent = idempotent;
        this.clocks = clocks;
    }

    @Incoming(Topics.REQUEST_EVENTS)
    @Blocking
    @Retry(maxRetries = 5, delay = 1, delayUnit = ChronoUnit.SECONDS, abortOn = EventCodec.MalformedEventException.class)
    public void consume(String message) {
        idempotent.process(CONSUMER, EventCodec.read(message), this::apply);
    }

    private void apply(Envelope envelope) {
        EventCodec.decode(envelope, RequestEvent.class).ifPresent(event -> clocks.apply(envelope, event));
    }
}
