package org.acceso.request.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.acceso.contracts.DeadlineScheduled;
import org.acceso.contracts.Envelope;
import org.acceso.contracts.EventCodec;
import org.acceso.contracts.Topics;
import org.acceso.eventing.ProcessedEvents;
import org.acceso.request.service.RequestService;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.temporal.ChronoUnit;

/**
 * Shows each request's legal due date. Idempotent by event id; a message that is not an event goes
 * to the dead-letter topic; a failing database is retried before the message is dead-lettered.
 */
@ApplicationScoped
public class DeadlineEventsConsumer {

    static final String CONSUMER = "request-service";

    private final Handler handler;

    public DeadlineEventsConsumer(Handler handler) {
        this.handler = handler;
    }

    @Incoming(Topics.DEADLINE_EVENTS)
    @Blocking
    @Retry(maxRetries = 5, delay = 1, delayUnit = ChronoUnit.SECONDS, abortOn = EventCodec.MalformedEventException.class)
    public void consume(String message) {
        handler.handle(EventCodec.read(message));
    }

    /** The transactional part, separate so that each retry is a fresh transaction. */
    @ApplicationScoped
    public static class Handler {

        private final ProcessedEvents processedEvents;
        private final RequestService requests;

        public Handler(ProcessedEvents processedEvents, RequestService requests) {
            this.processedEvents = processedEvents;
            this.requests = requests;
        }

        @Transactional
        public void handle(Envelope envelope) {
            if (!processedEvents.firstDelivery(envelope.eventId(), CONSUMER)) {
                return;
            }
            EventCodec.payload(envelope, DeadlineScheduled.class)
                    .ifPresent(scheduled -> requests.showDeadline(envelope.requestId(), scheduled, envelope.occurredAt()));
        }
    }
}
