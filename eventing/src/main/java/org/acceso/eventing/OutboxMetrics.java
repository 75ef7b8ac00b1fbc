package org.acceso.eventing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The outbox as Prometheus sees it: {@code acceso_outbox_backlog} (rows not yet published) and
 * {@code acceso_outbox_oldest_unsent_age_seconds} (how long the oldest of them has waited; 0 when none).
 * Counted every {@code acceso.outbox.metrics-interval} (10 s) with one indexed query, not at scrape time,
 * so a scrape never waits for the database. A backlog that grows, or an age above a few seconds, means the
 * broker is unreachable or the relay is stuck: nothing is lost, but events are late.
 */
@ApplicationScoped
@Startup
public class OutboxMetrics {

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);

    private final Clock clock;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();

    public OutboxMetrics(MeterRegistry registry, Clock clock) {
        this.clock = clock;
        Gauge.builder("acceso.outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox rows not yet published to Kafka")
                .register(registry);
        Gauge.builder("acceso.outbox.oldest.unsent.age", oldestAgeSeconds, AtomicLong::get)
                .description("Seconds the oldest unpublished outbox row has waited")
                .baseUnit("seconds")
                .register(registry);
    }

    @Scheduled(every = "${acceso.outbox.metrics-interval:10s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void refresh() {
        try {
            Object[] row = (Object[]) Panache.getEntityManager()
                    .createNativeQuery("SELECT count(*), min(created_at) FROM outbox_message WHERE sent_at IS NULL")
                    .getSingleResult();
            backlog.set(((Number) row[0]).longValue());
            Instant oldest = instant(row[1]);
            oldestAgeSeconds.set(oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toSeconds()));
        } catch (RuntimeException e) {
            LOG.debugf("Outbox metrics not refreshed: %s", e.getMessage());
        }
    }

    /** The backlog at the last refresh. */
    public long backlog() {
        return backlog.get();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return null;
    }
}
