package org.acceso.eventing;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.acceso.observability.Correlation;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes outbox rows to Kafka in the order they were written and marks them sent.
 *
 * <p>One relay runs at a time per database, even with several instances of a service: each run
 * takes a PostgreSQL advisory lock for its transaction and a run that cannot get it does nothing.
 * Rows go out in id order (for one request, the order its changes committed). A row is marked sent
 * only after the broker acknowledged it; when a send fails the run stops there (later rows may
 * belong to the same request and must not overtake it) and the next run starts again from that row.
 * Delivery is therefore at least once, in order per key; consumers are idempotent by {@code eventId}.
 *
 * <p>A batch is sent pipelined: every record of the batch is handed to the producer at once and the acknowledgements
 * are then taken in id order; the rows up to the first failure are marked sent. The producer is idempotent
 * ({@code acks=all}), so the broker keeps its order per partition, and a record after a failure that went through
 * anyway is sent again by the next run (at least once).
 *
 * <p>Runs are wanted right after each commit that wrote a row: one drain per instance runs them one after another
 * while rows keep coming and a batch comes back full, so a commit that lands during a run is published by the next
 * run at once, not by the schedule. The schedule is a safety net (broker outages, rows written by a crashed
 * instance, a run that another instance's lock skipped) and goes through the same drain, so one instance never
 * competes with itself for the lock.
 *
 * <p>Each record carries the CloudEvents headers, the row's correlation id as {@code X-Request-Id} and the
 * W3C {@code traceparent} of a producer span that continues the trace of the transaction that wrote the row;
 * while a row is sent its correlation id is in the MDC.
 */
@ApplicationScoped
@IfBuildProperty(name = "acceso.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class OutboxRelay {

    /** The emitter channel; each row names its own topic. */
    public static final String CHANNEL = "outbox";

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** The advisory lock that makes one relay run at a time (any constant; "outbox" in ASCII). */
    private static final long RELAY_LOCK = 0x6f7574626f78L;

    private final MutinyEmitter<String> emitter;
    private final Clock clock;
    private final int batchSize;
    private final Duration sendTimeout;
    private final String source;
    private final ExecutorService executor;
    /** A commit wrote rows since the current run began. */
    private final AtomicBoolean wanted = new AtomicBoolean();
    /** The drain runs (one per instance). */
    private final AtomicBoolean draining = new AtomicBoolean();

    public OutboxRelay(@Channel(CHANNEL) MutinyEmitter<String> emitter,
                       Clock clock,
                       ExecutorService executor,
                       @ConfigProperty(name = "acceso.outbox.batch-size", defaultValue = "100") int batchSize,
                       @ConfigProperty(name = "acceso.outbox.send-timeout", defaultValue = "PT15S") Duration sendTimeout,
                       @ConfigProperty(name = "quarkus.application.name") String source) {
        this.emitter = emitter;
        this.clock = clock;
        this.batchSize = batchSize;
        this.sendTimeout = sendTimeout;
        this.source = source;
        this.executor = executor;
    }

    @Scheduled(every = "${acceso.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        wanted.set(true);
        drain();
    }

    /** Publishes soon after the commit that wrote a row, on a worker thread. */
    void onAppended(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxAppended appended) {
        wanted.set(true);
        drain();
    }

    /**
     * Starts the drain unless it runs already (it will see {@code wanted}): runs until no commit asked for one since
     * the last run began and the last batch was not full.
     */
    private void drain() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        executor.execute(() -> {
            try {
                while (wanted.getAndSet(false)) {
                    int sent;
                    do {
                        sent = publishPending();
                    } while (sent == batchSize);
                }
            } catch (RuntimeException e) {
                LOG.warnf("Outbox: run failed (the schedule retries): %s", e.getMessage());
            } finally {
                draining.set(false);
                if (wanted.get()) {
                    drain(); // a commit that came between the last check and the reset
                }
            }
        });
    }

    /** Publishes up to one batch of pending rows; returns how many were sent (0 if another run holds the lock). */
    @Transactional
    public int publishPending() {
        EntityManager em = Panache.getEntityManager();
        boolean mine = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK)
                .getSingleResult();
        if (!mine) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<OutboxMessage> pending = em
                .createNativeQuery("SELECT * FROM outbox_message WHERE sent_at IS NULL ORDER BY id LIMIT ?1",
                        OutboxMessage.class)
                .setParameter(1, batchSize)
                .getResultList();
        List<CompletableFuture<Void>> acks = new ArrayList<>(pending.size());
        for (OutboxMessage message : pending) {
            boolean correlated = Correlation.enter(message.correlationId);
            try {
                acks.add(emitter.sendMessage(toKafka(message)).subscribeAsCompletionStage());
            } finally {
                if (correlated) {
                    Correlation.leave();
                }
            }
        }
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        int sent = 0;
        for (OutboxMessage message : pending) {
            try {
                acks.get(sent).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                message.attempts++;
                message.lastError = truncate(String.valueOf(cause.getMessage()));
                LOG.warnf("Outbox: %s %s to %s not published yet (attempt %d): %s",
                        message.type, message.eventId, message.topic, message.attempts, message.lastError);
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            message.attempts++;
            message.sentAt = clock.instant();
            message.lastError = null;
            sent++;
        }
        return sent;
    }

    private Message<String> toKafka(OutboxMessage message) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(message.eventId.toString()));
        headers.add("ce_type", bytes(message.type));
        headers.add("ce_source", bytes(source));
        headers.add("content-type", bytes("application/json"));
        if (message.correlationId != null) {
            headers.add(Correlation.HEADER, bytes(message.correlationId));
        }
        // the Kafka connector's producer span continues the trace of the transaction that wrote the row,
        // and its traceparent goes into the record's headers
        return Message.of(message.payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(message.topic)
                        .withKey(message.messageKey)
                        .withHeaders(headers)
                        .build())
                .addMetadata(TracingMetadata.withCurrent(TraceContexts.fromTraceparent(message.traceparent)));
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
