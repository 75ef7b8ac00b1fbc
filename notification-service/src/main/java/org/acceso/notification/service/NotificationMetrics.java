package org.acceso.notification.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.acceso.notification.domain.NotificationStatus;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Notices by state for Prometheus: {@code acceso_notifications{status="FAILED"}} counts the notices that
 * ran out of attempts (someone was not told), {@code PENDING} those still waiting to be sent. Counted every
 * 10 s from the notification table, not at scrape time.
 */
@ApplicationScoped
@Startup
public class NotificationMetrics {

    private final Map<NotificationStatus, AtomicLong> counts = new EnumMap<>(NotificationStatus.class);

    public NotificationMetrics(MeterRegistry registry) {
        for (NotificationStatus status : NotificationStatus.values()) {
            AtomicLong count = new AtomicLong();
            counts.put(status, count);
            Gauge.builder("acceso.notifications", count, AtomicLong::get)
                    .description("Notifications by status")
                    .tag("status", status.name())
                    .register(registry);
        }
    }

    @Scheduled(every = "10s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void refresh() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("SELECT status, count(*) FROM notification GROUP BY status")
                .getResultList();
        counts.values().forEach(count -> count.set(0));
        for (Object[] row : rows) {
            try {
                counts.get(NotificationStatus.valueOf(row[0].toString())).set(((Number) row[1]).longValue());
            } catch (IllegalArgumentException e) {
                // a status this version does not know: not counted
            }
        }
    }
}
