package org.acceso.request.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.acceso.contracts.AppealWindowClosed;
import org.acceso.contracts.AppealWindowOpened;
import org.acceso.contracts.DeadlineEvent;
import org.acceso.contracts.DeadlineMissed;
import org.acceso.contracts.DeadlineRescheduled;
import org.acceso.contracts.DeadlineScheduled;
import org.acceso.contracts.Envelope;
import org.acceso.contracts.EventCodec;
import org.acceso.contracts.Topics;
import org.acceso.eventing.IdempotentConsumer;
import org.acceso.request.service.LifecycleService;
import org.acceso.request.service.RequestService;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.temporal.ChronoUnit;

/**
 * What the legal clock says about each request: due dates, a missed deadline (silence is denial), the appeal
 * window. Idempotent by event id; dispatched over the sealed {@link DeadlineEvent} here and nowhere else; types this
 * service does not act on (reminders) are skipped; a message that is not an event goes to the dead-letter topic at
 * once; a failing database is retried before the message is dead-lettered.
 */
@ApplicationScoped
public class DeadlineEventsConsumer {

    static final String CONSUMER = "request-service";

    private final IdempotentConsumer idempotent;
    private final RequestService requests;
    private final LifecycleService lifecycle;

    public DeadlineEventsConsumer(IdempotentConsumer idempotent, RequestService requests, LifecycleService lifecycle) {
        this.idempotent = idempotent;
        this.requests = requests;
        this.lifecycle = lifecycle;
    }

    @Incoming(Topics.DEADLINE_EVENTS)
    @Blocking
    @Retry(maxRetries = 5, delay = 1, delayUnit = ChronoUnit.SECONDS, abortOn = EventCodec.MalformedEventException.class)
    public void consume(String message) {
        idempotent.process(CONSUMER, EventCodec.read(message), this::apply);
    }

    private void apply(Envelope envelope) {
        EventCodec.decode(envelope, DeadlineEvent.class).ifPresent(event -> {
            if (event instanceof DeadlineScheduled scheduled) {
                requests.deadlineScheduled(envelope.requestId(), scheduled, envelope.occurredAt());
            } else if (event instanceof DeadlineRescheduled rescheduled) {
                requests.deadlineRescheduled(envelope.requestId(), rescheduled, envelope.occurredAt());
            } else if (event instanceof DeadlineMissed missed) {
                lifecycle.deadlineMissed(envelope.requestId(), missed);
            } else if (event instanceof AppealWindowOpened opened) {
                requests.appealWindowOpened(envelope.requestId(), opened);
            } else if (event instanceof AppealWindowClosed closed) {
                requests.appealWindowClosed(envelope.requestId(), closed);
            }
            // DeadlineApproaching, DeadlineVeryOverdue: reminders for people, nothing to change here.
        });
    }
}
