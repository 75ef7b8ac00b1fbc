package org.acceso.notification.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.acceso.contracts.AgencyEvent;
import org.acceso.contracts.AgencyUpdated;
import org.acceso.contracts.DeadlineEvent;
import org.acceso.contracts.Envelope;
import org.acceso.contracts.EventCodec;
import org.acceso.contracts.RequestEvent;
import org.acceso.contracts.StaffEvent;
import org.acceso.contracts.StaffMemberUpdated;
import org.acceso.contracts.Topics;
import org.acceso.eventing.IdempotentConsumer;
import org.acceso.notification.service.NotificationService;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.temporal.ChronoUnit;

/**
 * Turns request, deadline, agency and staff events into notices. Idempotent by event id; a message that is not an
 * event (or a known event whose payload cannot be read) goes to the dead-letter topic at once, so it never
 * blocks its partition; other failures (e.g. a lock conflict) are retried first. Types it does not know are skipped.
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
        idempotent.process(CONSUMER, EventCodec.read(message), envelope -> EventCodec.decode(envelope, RequestEvent.class)
                .ifPresent(event -> notifications.onEvent(envelope, event)));
    }

    @Incoming(Topics.DEADLINE_EVENTS)
    @Blocking
    @Retry(maxRetries = 5, delay = 1, delayUnit = ChronoUnit.SECONDS, abortOn = EventCodec.MalformedEventException.class)
    public void deadlineEvent(String message) {
        idempotent.process(CONSUMER, EventCodec.read(message), envelope -> EventCodec.decode(envelope, DeadlineEvent.class)
                .ifPresent(event -> notifications.onEvent(envelope, event)));
    }

    @Incoming(Topics.AGENCY_EVENTS)
    @Blocking
    @Retry(maxRetries = 5, delay = 1, delayUnit = ChronoUnit.SECONDS, abortOn = EventCodec.MalformedEventException.class)
    public void agencyEvent(String message) {
        idempotent.process(CONSUMER, EventCodec.read(message), this::applyAgencyEvent);
    }

    @Incoming(Topics.STAFF_EVENTS)
    @Blocking
    @Retry(maxRetries = 5, delay = 1, delayUnit = ChronoUnit.SECONDS, abortOn = EventCodec.MalformedEventException.class)
    public void staffEvent(String message) {
        idempotent.process(CONSUMER, EventCodec.read(message), envelope -> EventCodec.decode(envelope, StaffEvent.class)
                .ifPresent(event -> {
                    if (event instanceof StaffMemberUpdated updated) {
                        notifications.onStaffUpdated(updated);
                    }
                }));
    }

    private void applyAgencyEvent(Envelope envelope) {
        EventCodec.decode(envelope, AgencyEvent.class).ifPresent(event -> {
            if (event instanceof AgencyUpdated updated) {
                notifications.onAgencyUpdated(updated);
            }
        });
    }
}
