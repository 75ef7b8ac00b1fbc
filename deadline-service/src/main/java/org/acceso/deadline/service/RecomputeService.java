package org.acceso.deadline.service;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.acceso.deadline.config.DeadlineConfig;
import org.acceso.deadline.domain.CalendarChange;
import org.acceso.deadline.domain.ClockContext;
import org.acceso.deadline.domain.LegalClock;
import org.acceso.eventing.Outbox;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Recomputes the open clocks a calendar change touches: running terms and running appeal windows of the
 * jurisdiction whose window (day 0, due date] meets the entry's dates and that were computed before the change's
 * version. In batches (keyset over the partial due-date index, each batch one transaction), each clock whose date
 * moved publishing one DeadlineRescheduled with the entry's instrument. A change stays pending until every batch is
 * done, so a crash resumes where it stopped, on this instance or another; rows are locked {@code FOR UPDATE} and
 * re-checked against the version, so two instances never recompute a clock twice.
 */
@ApplicationScoped
public class RecomputeService {

    private static final Logger LOG = Logger.getLogger(RecomputeService.class);
    private static final UUID LOWEST = new UUID(Long.MIN_VALUE, Long.MIN_VALUE);

    private final DeadlineConfig config;
    private final CalendarService calendars;
    private final ClockJournal journal;
    private final Clock clock;
    private final ExecutorService executor;
    private final AtomicBoolean running = new AtomicBoolean();

    public RecomputeService(DeadlineConfig config, CalendarService calendars, ClockJournal journal, Clock clock,
                            ExecutorService executor) {
        this.config = config;
        this.calendars = calendars;
        this.journal = journal;
        this.clock = clock;
        this.executor = executor;
    }

    /** Safety net: changes left pending by a crash or made on another instance. */
    @Scheduled(identity = "deadline-recompute", every = "${deadline.recompute.every:10s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        runPending();
    }

    void onChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CalendarService.CalendarChanged changed) {
        executor.execute(this::runPending);
    }

    /** Works every pending change, oldest first; returns how many clocks moved. */
    public int runPending() {
        if (!running.compareAndSet(false, true)) {
            return 0;
        }
        try {
            int moved = 0;
            while (true) {
                CalendarChange change = QuarkusTransaction.requiringNew().call(() ->
                        CalendarChange.<CalendarChange>find("recomputedAt is null order by id").firstResult());
                if (change == null) {
                    return moved;
                }
                moved += recompute(change);
            }
        } finally {
            running.set(false);
        }
    }

    private int recompute(CalendarChange change) {
        long started = System.nanoTime();
        int moved = 0;
        for (String window : List.of(RESPONSE_WINDOW, APPEAL_WINDOW)) {
            Cursor cursor = new Cursor(change.startsOn.minusDays(1), LOWEST);
            while (cursor != null) {
                Cursor from = cursor;
                Batch batch = QuarkusTransaction.requiringNew().call(() -> batch(change, window, from));
                moved += batch.moved();
                cursor = batch.next();
            }
        }
        int total = moved;
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                .createNativeQuery("UPDATE calendar_change SET recomputed_at = ?1, clocks_moved = clocks_moved + ?2 "
                        + "WHERE id = ?3 AND recomputed_at IS NULL")
                .setParameter(1, clock.instant())
                .setParameter(2, total)
                .setParameter(3, change.id)
                .executeUpdate());
        LOG.infof("Calendar %s v%d (%s %s %s..%s, %s): %d clock(s) moved in %d ms", change.jurisdiction, change.version,
                change.action, change.kind, change.startsOn, change.endsOn, change.instrument, moved,
                (System.nanoTime() - started) / 1_000_000);
        return moved;
    }

    private static final String RESPONSE_WINDOW = "SELECT * FROM legal_clock "
            + "WHERE jurisdiction = ?1 AND status = 'RUNNING' AND missed_at IS NULL AND due_on >= ?2 "
            + "AND segment_start_on < ?3 AND calendar_version < ?4 AND (due_on, request_id) > (?5, ?6) "
            + "ORDER BY due_on, request_id LIMIT ?7 FOR UPDATE";
    private static final String APPEAL_WINDOW = "SELECT * FROM legal_clock "
            + "WHERE jurisdiction = ?1 AND appeal_status = 'RUNNING' AND appeal_due_on >= ?2 "
            + "AND appeal_day_zero < ?3 AND calendar_version < ?4 AND (appeal_due_on, request_id) > (?5, ?6) "
            + "ORDER BY appeal_due_on, request_id LIMIT ?7 FOR UPDATE";

    private Batch batch(CalendarChange change, String window, Cursor cursor) {
        int size = config.recompute().batchSize();
        @SuppressWarnings("unchecked")
        List<LegalClock> clocks = Panache.getEntityManager().createNativeQuery(window, LegalClock.class)
                .setParameter(1, change.jurisdiction)
                .setParameter(2, change.startsOn)
                .setParameter(3, change.endsOn)
                .setParameter(4, change.version)
                .setParameter(5, cursor.dueOn())
                .setParameter(6, cursor.requestId())
                .setParameter(7, size)
                .getResultList();
        if (clocks.isEmpty()) {
            return new Batch(0, null);
        }
        LegalClock last = clocks.get(clocks.size() - 1);
        Cursor next = clocks.size() < size ? null
                : new Cursor(window.equals(RESPONSE_WINDOW) ? last.dueOn : last.appealDueOn, last.requestId);
        Instant now = clock.instant();
        String detail = ("ADDED".equals(change.action) ? "Calendar entry added: " : "Calendar entry deleted: ")
                + change.kind + " " + change.startsOn + (change.endsOn.equals(change.startsOn) ? "" : ".." + change.endsOn)
                + (change.description == null ? "" : " (" + change.description + ")");
        Map<String, ClockContext> contexts = new HashMap<>();
        List<Outbox.RequestScoped> events = new ArrayList<>();
        int moved = 0;
        for (LegalClock legalClock : clocks) {
            ClockContext context = contexts.computeIfAbsent(legalClock.profile + "|" + legalClock.zone,
                    key -> calendars.context(legalClock.profile, legalClock.zone));
            var caused = legalClock.recompute(context, now, change.instrument, detail);
            if (!caused.isEmpty()) {
                moved++;
            }
            caused.forEach(event -> events.add(new Outbox.RequestScoped(legalClock.requestId, event)));
        }
        journal.write(events);
        return new Batch(moved, next);
    }

    private record Cursor(LocalDate dueOn, UUID requestId) {
    }

    private record Batch(int moved, Cursor next) {
    }
}
