package org.acceso.request.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.acceso.contracts.EventCodec;
import org.acceso.contracts.PolicyEvent;
import org.acceso.contracts.PolicyInForce;
import org.acceso.contracts.Topics;
import org.acceso.eventing.IdempotentConsumer;
import org.acceso.request.service.LawInForce;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.time.temporal.ChronoUnit;

/**
 * The jurisdiction policy in force, from deadline-service's compacted policy-events topic (read from the start): kept
 * in table {@code policy_in_force}, the latest announcement winning. Idempotent by event id; a message that is not an
 * event goes to the dead-letter topic at once.
 */
@ApplicationScoped
public class PolicyEventsConsumer {

    static final String CONSUMER = "request-service.policy";

    private final IdempotentConsumer idempotent;
    private final LawInForce law;

    public PolicyEventsConsumer(IdempotentConsumer idempotent, LawInForce law) {
        this.idempotent = idempotent;
        this.law = law;
    }

    @Incoming(Topics.POLICY_EVENTS)
    @Blocking
    @Retry(maxRetries = 5, delay = 1, delayUnit = ChronoUnit.SECONDS, abortOn = EventCodec.MalformedEventException.class)
    public void consume(String message) {
        idempotent.process(CONSUMER, EventCodec.read(message), envelope -> EventCodec.decode(envelope, PolicyEvent.class)
                .ifPresent(event -> {
                    if (event instanceof PolicyInForce announced) {
                        law.follow(announced);
                    }
                }));
    }
}
