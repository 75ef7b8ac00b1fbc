package org.acceso.deadline.service;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.acceso.deadline.config.DeadlineConfig;
import org.acceso.deadline.domain.ClockContext;
import org.acceso.deadline.domain.LegalClock;
import org.acceso.eventing.Outbox;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The sweep: publishes DeadlineApproaching, DeadlineMissed (with the appeal window of the deemed denial),
 * DeadlineVeryOverdue and AppealWindowClosed, each exactly once. Every clock keeps the instant of its next due action
 * ({@code next_action_at}, partially indexed); a batch claims due clocks with {@code FOR UPDATE SKIP LOCKED}, so
 * instances sharing the database never take the same clock, and marks the clock and writes the outbox rows in the
 * same transaction, so a restart neither loses nor repeats an event. Never a scan into memory. The compliance rollup
 * rows that a batch's misses update are locked in key order before the clocks are written (no deadlock between
 * instances).
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
        SortedSet<RollupKey> rollup = new TreeSet<>();
        for (LegalClock legalClock : clocks) {
            ClockContext context = contexts.computeIfAbsent(legalClock.profile + "|" + legalClock.zone,
                    key -> calendars.context(legalClock.profile, legalClock.zone));
            boolean wasMissed = legalClock.missedAt != null;
            legalClock.sweep(context, now).forEach(event -> events.add(new Outbox.RequestScoped(legalClock.requestId, event)));
            if (!wasMissed && legalClock.missedAt != null) {
                rollup.add(new RollupKey(legalClock.receivedOn, legalClock.agencyCode == null ? "" : legalClock.agencyCode));
            }
        }
        lockInKeyOrder(rollup);
        journal.write(events);
        return clocks.size();
    }

    /**
     * A miss counts a deemed denial in the compliance rollup (the trigger of migration V5, when the clocks are
     * flushed, in Hibernate's order). The rows it will update are locked first, in key order, so that two instances
     * sweeping misses of the same days wait for each other instead of deadlocking. Plain JDBC: no flush before.
     */
    private static void lockInKeyOrder(SortedSet<RollupKey> keys) {
        if (keys.isEmpty()) {
            return;
        }
        Panache.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement("SELECT 1 FROM compliance_day "
                    + "WHERE (received_on, agency_code) IN (SELECT * FROM unnest(?::date[], ?::text[])) "
                    + "ORDER BY received_on, agency_code FOR UPDATE")) {
                lock.setArray(1, connection.createArrayOf("date", keys.stream().map(RollupKey::receivedOn).toArray()));
                lock.setArray(2, connection.createArrayOf("text", keys.stream().map(RollupKey::agencyCode).toArray()));
                lock.executeQuery().close();
            }
        });
    }

    /** A row of compliance_day (the set only deduplicates; the lock query orders). */
    private record RollupKey(LocalDate receivedOn, String agencyCode) implements Comparable<RollupKey> {
        @Override
        public int compareTo(RollupKey other) {
            return Comparator.comparing(RollupKey::receivedOn).thenComparing(RollupKey::agencyCode).compare(this, other);
        }
    }
}
