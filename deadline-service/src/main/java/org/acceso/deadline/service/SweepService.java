package org.acceso.deadline.service;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.acceso.deadline.config.DeadlineConfig;
import org.acceso.deadline.domain.ClockContext;
import org.acceso.deadline.domain.LegalClock;
import org.acceso.eventing.Outbox;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sweep: publishes DeadlineApproaching, DeadlineMissed (with the appeal window of the deemed denial),
 * DeadlineVeryOverdue and AppealWindowClosed, each exactly once. Every clock keeps the instant of its next due action
 * ({@code next_action_at}, partially indexed); a batch claims due clocks with {@code FOR UPDATE SKIP LOCKED}, so
 * instances sharing the database never take the same clock, and marks the clock and writes the outbox rows in the
 * same transaction, so a restart neither loses nor repeats an event. Never a scan into memory.
 */
@ApplicationScoped
public class SweepService {

    private static final Logger LOG = Logger.getLogger(SweepService.class);

    private final DeadlineConfig config;
    private final CalendarService calendars;
    private final ClockJournal journal;
    private final Clock clock;

    public SweepService(DeadlineConfig config, CalendarService calendars, ClockJournal journal, Clock clock) {
        this.config = config;
        this.calendars = calendars;
        this.journal = journal;
        this.clock = clock;
    }

    @Scheduled(identity = "deadline-sweep", every = "${deadline.sweep.every:1m}", delayed = "${deadline.sweep.delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        if (config.sweep().enabled()) {
            sweep();
        }
    }

    /** Runs batches until no clock is due (or the run's batch limit); returns how many clocks were swept. */
    public int sweep() {
        int total = 0;
        for (int batch = 0; batch < config.sweep().maxBatches(); batch++) {
            int swept = QuarkusTransaction.requiringNew().call(this::batch);
            total += swept;
            if (swept < config.sweep().batchSize()) {
                break;
            }
        }
        if (total > 0) {
            LOG.infof("Sweep: %d clock(s) had something due", total);
        }
        return total;
    }

    private int batch() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<LegalClock> clocks = Panache.getEntityManager()
                .createNativeQuery("SELECT * FROM legal_clock WHERE next_action_at <= ?1 "
                        + "ORDER BY next_action_at LIMIT ?2 FOR UPDATE SKIP LOCKED", LegalClock.class)
                .setParameter(1, now)
                .setParameter(2, config.sweep().batchSize())
                .getResultList();
        if (clocks.isEmpty()) {
            return 0;
        }
        Map<String, ClockContext> contexts = new HashMap<>();
        List<Outbox.RequestScoped> events = new ArrayList<>();
        for (LegalClock legalClock : clocks) {
            ClockContext context = contexts.computeIfAbsent(legalClock.profile + "|" + legalClock.zone,
                    key -> calendars.context(legalClock.profile, legalClock.zone));
            legalClock.sweep(context, now).forEach(event -> events.add(new Outbox.RequestScoped(legalClock.requestId, event)));
        }
        journal.write(events);
        return clocks.size();
    }
}
