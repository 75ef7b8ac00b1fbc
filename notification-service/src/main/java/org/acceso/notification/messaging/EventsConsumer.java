package org.acceso.notification.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.acceso.contracts.DeadlineScheduled;
import org.acceso.contracts.Envelope;
import org.acceso.contracts.EventCodec;
import org.acceso.contracts.RequestFiled;
import org.acceso.contracts.Topics;
import org.acceso.eventing.IdempotentConsumer;
import org.acceso.notification.service.NotificationService;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.temporal.ChronoUnit;

/**
 * Turns request and deadline events into notifications. Idempotent by event id; a message that is
 * not an event goes to the dead-letter topic at once; failures (e.g. a lock conflict) are retried.
 */
@ApplicationScoped
public class EventsConsumer {

    static final String CONSUMER = "notification-service";

    private final IdempotentConsumer idempotent;
    private final NotificationService notifications;

    public EventsConsumer(IdempotentConsumer idempotent, NotificationService notifications) {
        this.idempotent = idempotent;
        this.notifications = notifications;
    }

    @Incoming(Topics.REQUEST_EVENTS)
    @Blocking
    @Retry(maxRetries = 5, delay = 1, delayUnit = ChronoUnit.SECONDS, abortOn = EventCodec.MalformedEventException.class)
    public void requestEvent(String message) {
        idempotent.process(CONSUMER, EventCodec.read(message), this::applyRequestEvent);
    }

    @Incoming(Topics.DEADLINE_EVENTS)
    @Blocking
    @Retry(maxRetries = 5, delay = 1, delayUnit = ChronoUnit.SECONDS, abortOn = EventCodec.MalformedEventException.class)
    public void deadlineEvent(String message) {
        idempotent.process(CONSUMER, EventCodec.read(message), this::applyDeadlineEvent);
    }

    private void applyRequestEvent(Envelope envelope) {
        EventCodec.payload(envelope, RequestFiled.class)
                .ifPresent(filed -> notifications.requestFiled(envelope.requestId(), filed));
    }

    private void applyDeadlineEvent(Envelope envelope) {
        EventCodec.payload(envelope, DeadlineScheduled.class)
                .ifPresent(scheduled -> notifications.deadlineScheduled(envelope.requestId(), envelope.eventId(), scheduled));
    }
}
