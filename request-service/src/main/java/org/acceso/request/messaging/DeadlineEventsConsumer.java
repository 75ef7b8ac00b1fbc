package org.acceso.request.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.acceso.contracts.DeadlineScheduled;
import org.acceso.contracts.Envelope;
import org.acceso.contracts.EventCodec;
import org.acceso.contracts.Topics;
import org.acceso.eventing.IdempotentConsumer;
import org.acceso.request.service.RequestService;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.temporal.ChronoUnit;

/**
 * Shows each request's legal due date. Idempotent by event id; a message that is not an event goes
 * to the dead-letter topic at once; a failing database is retried before the message is dead-lettered.
 */
@ApplicationScoped
public class DeadlineEventsConsumer {

    static final String CONSUMER = "request-service";

    private final IdempotentConsumer idempotent;
    private final RequestService requests;

    public DeadlineEventsConsumer(IdempotentConsumer idempotent, RequestService requests) {
        this.idempotent = idempotent;
        this.requests = requests;
    }

    @Incoming(Topics.DEADLINE_EVENTS)
    @Blocking
    @Retry(maxRetries = 5, delay = 1, delayUnit = ChronoUnit.SECONDS, abortOn = EventCodec.MalformedEventException.class)
    public void consume(String message) {
        idempotent.process(CONSUMER, EventCodec.read(message), this::apply);
    }

    private void apply(Envelope envelope) {
        EventCodec.payload(envelope, DeadlineScheduled.class)
                .ifPresent(scheduled -> requests.showDeadline(envelope.requestId(), scheduled, envelope.occurredAt()));
    }
}
