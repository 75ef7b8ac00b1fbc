package org.acceso.eventing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.acceso.contracts.Envelope;
import org.acceso.observability.Correlation;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Applies an event's effect at most once per consumer: the processed-event row and the effect
 * commit in one transaction, so a redelivered event (broker retry, rebalance, replay) is skipped.
 * Call it from an {@code @Incoming} method; a retry of that method gets a fresh transaction.
 * <p>
 * Around the effect, the work is the producer's again: the correlation id the record came with is in the
 * MDC (every log line shows it, and any outbox row the effect writes keeps it), and a span that continues
 * the producer's trace is current (so its trace id is in the logs and goes on with the events the effect
 * writes).
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    private final ProcessedEvents processedEvents;
    private final IncomingTrails trails;
    private final Tracer tracer;

    public IdempotentConsumer(ProcessedEvents processedEvents, IncomingTrails trails, Tracer tracer) {
        this.processedEvents = processedEvents;
        this.trails = trails;
        this.tracer = tracer;
    }

    /** Returns false when {@code consumer} had already processed this event. */
    @Transactional
    public boolean process(String consumer, Envelope envelope, Consumer<Envelope> effect) {
        Optional<IncomingTrails.Trail> trail = trails.of(envelope.eventId());
        boolean correlated = trail.map(t -> Correlation.enter(t.correlationId())).orElse(false);
        Span span = tracer.spanBuilder(consumer + " " + envelope.type())
                .setParent(trail.map(IncomingTrails.Trail::trace).orElseGet(Context::current))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.message.id", String.valueOf(envelope.eventId()))
                .startSpan();
        Map<String, String> mdcBefore = traceMdc(span);
        try (Scope ignored = span.makeCurrent()) {
            if (!processedEvents.firstDelivery(envelope.eventId(), consumer)) {
                LOG.debugf("%s: %s %s already processed", consumer, envelope.type(), envelope.eventId());
                return false;
            }
            LOG.infof("%s: applying %s %s", consumer, envelope.type(), envelope.eventId());
            effect.accept(envelope);
            return true;
        } catch (RuntimeException e) {
            span.recordException(e);
            throw e;
        } finally {
            span.end();
            mdcBefore.forEach((key, value) -> {
                if (value == null) {
                    MDC.remove(key);
                } else {
                    MDC.put(key, value);
                }
            });
            if (correlated) {
                Correlation.leave();
            }
        }
    }

    /** Puts the span's ids in the MDC as Quarkus does for HTTP requests; returns what was there before. */
    private static Map<String, String> traceMdc(Span span) {
        Map<String, String> before = new HashMap<>();
        before.put("traceId", (String) MDC.get("traceId"));
        before.put("spanId", (String) MDC.get("spanId"));
        if (span.getSpanContext().isValid()) {
            MDC.put("traceId", span.getSpanContext().getTraceId());
            MDC.put("spanId", span.getSpanContext().getSpanId());
        }
        return before;
    }
}
