package org.acceso.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.acceso.deadline.domain.CalendarChange;
import org.acceso.deadline.domain.ClockContext;
import org.acceso.deadline.domain.DayUnit;
import org.acceso.deadline.domain.DeadlineCalculator;
import org.acceso.deadline.domain.EntryKind;
import org.acceso.deadline.domain.LegalClock;
import org.acceso.deadline.service.CalendarService;
import org.acceso.deadline.service.ComplianceService;
import org.acceso.deadline.service.SweepService;
import org.acceso.testsupport.KafkaResource;
import org.junit.jupiter.api.Test;

/**
 * Not part of {@code ./mvnw verify} (surefire excludes {@code *Benchmark}); run with
 * {@code ./mvnw -B -pl deadline-service -am test -Pbench}. Seeds 1,000,000 open clocks (plus 1,000,000 answered ones
 * for the compliance cohort) in the embedded PostgreSQL with the rollup trigger off, builds the compliance rollup in one
 * pass (as migration V5 does over existing clocks), and measures: one sweep with 10,000 clocks due, a sweep
 * with none due, the recomputation after one closure that touches every open clock, and the compliance summary.
 * The broker is stopped before the measurements so the outbox relay does not compete for the two cores (its rows
 * wait, as in an outage). Results go to the console and target/benchmark.txt; docs/benchmarks.md records them.
 */
@QuarkusTest
@TestProfile(ClockBenchmark.ProductionBatches.class)
class ClockBenchmark {

    /**
     * The service's own recomputation batch size (5000), not the small one tests use to walk the keyset; another with
     * {@code -Dbench.recompute.batch-size=N}; the service's two recomputation workers, another count with
     * {@code -Dbench.recompute.workers=N}; the recomputation's per-batch timings in the log.
     */
    public static class ProductionBatches implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String size = System.getProperty("bench.recompute.batch-size", "5000");
            String workers = System.getProperty("bench.recompute.workers", "2");
            // Each recomputation batch logs what its statements took (read, update with history and outbox, redo).
            return Map.of("deadline.recompute.batch-size", size, "%test.deadline.recompute.batch-size", size,
                    "deadline.recompute.workers", workers,
                    "quarkus.log.category.\"org.acceso.deadline.service.RecomputeService\".level", "DEBUG");
        }
    }

    private static final int OPEN = 1_000_000;
    private static final int DUE_NOW = 10_000;
    private static final int ANSWERED = 1_000_000;
    private static final int CHUNK = 100_000;

    @Inject
    CalendarService calendars;

    @Inject
    SweepService sweep;

    @Inject
    ComplianceService compliance;

    @Inject
    javax.sql.DataSource dataSource;

    private final List<String> results = new ArrayList<>();

    @Test
    void shouldMeasureSweepRecomputationAndComplianceAtAMillionClocks() throws Exception {
        Instant now = Instant.now();
        MutableClock.set(now);
        try {
            run(now);
        } finally {
            MutableClock.reset();
        }
    }

    private void run(Instant now) throws Exception {
        ClockContext context = QuarkusTransaction.requiringNew().call(() -> calendars.contextInForce());
        ZoneId zone = context.policy().zone();
        LocalDate today = LocalDate.ofInstant(now, zone);

        // Open clocks received on each of the last 10 business days (due 5 to 15 business days ahead, nothing due now)...
        List<LegalClock> templates = new ArrayList<>();
        LocalDate day = DeadlineCalculator.daysBefore(context.calendar(), DayUnit.BUSINESS, today, 10);
        for (int i = 0; i < 10; i++, day = DeadlineCalculator.addDays(context.calendar(), DayUnit.BUSINESS, day, 1)) {
            templates.add(LegalClock.start(UUID.randomUUID(), Events.filed("T", "AG", day.atTime(10, 0).atZone(zone).toInstant(),
                    false), context, now));
        }
        // ...and a filing whose 2-day reminder is due now.
        LegalClock reminded = null;
        for (LocalDate filed = today; reminded == null; filed = filed.minusDays(1)) {
            LegalClock candidate = LegalClock.start(UUID.randomUUID(), Events.filed("T", "AG",
                    filed.atTime(10, 0).atZone(zone).toInstant(), false), context, now);
            if (candidate.nextActionAt != null && !candidate.nextActionAt.isAfter(now) && candidate.dueAt.isAfter(now.plusSeconds(3600))) {
                reminded = candidate;
            }
        }
        // A bulk load as an operator would do it: the rollup's row trigger off while seeding, then the rollup built from
        // the clocks in one set-based pass (compliance_rebuild(), what migration V5 does over existing clocks).
        execute("ALTER TABLE legal_clock DISABLE TRIGGER legal_clock_compliance_insert_delete");
        long started = System.nanoTime();
        int perTemplate = (OPEN - DUE_NOW) / templates.size();
        for (int i = 0; i < templates.size(); i++) {
            seed(templates.get(i), perTemplate, "O" + i);
        }
        seed(reminded, DUE_NOW, "R");
        seedAnswered();
        execute("ALTER TABLE legal_clock ENABLE TRIGGER legal_clock_compliance_insert_delete");
        long open = count("SELECT count(*) FROM legal_clock WHERE status = 'RUNNING'");
        report("seeded %,d open clocks and %,d answered ones (rollup trigger off) in %,d ms", open, ANSWERED, millis(started));
        assertThat(open).isGreaterThanOrEqualTo(OPEN);
        started = System.nanoTime();
        execute("SELECT compliance_rebuild()");
        report("rollup built from %,d clocks (compliance_rebuild, as V5 backfills): %,d ms, %,d day rows, %,d key rows",
                count("SELECT count(*) FROM legal_clock"), millis(started), count("SELECT count(*) FROM compliance_day"),
                count("SELECT count(*) FROM compliance_key"));
        execute("VACUUM ANALYZE");

        KafkaResource.stopBroker();

        // Compliance: the cohort of 2025 is the 1,000,000 answered requests; then all 2,000,000.
        for (int run = 0; run < 3; run++) {
            started = System.nanoTime();
            ComplianceService.Figures figures = compliance.summary(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31"), null);
            report("compliance summary over %,d requests (run %d): %,d ms", figures.received(), run + 1, millis(started));
        }
        started = System.nanoTime();
        ComplianceService.Figures all = compliance.summary(LocalDate.parse("2000-01-01"), LocalDate.parse("2099-12-31"), null);
        report("compliance summary over %,d requests (all): %,d ms", all.received(), millis(started));
        started = System.nanoTime();
        int agencies = compliance.byAgency(LocalDate.parse("2025-01-01"), LocalDate.parse("2025-12-31")).size();
        report("compliance per agency (%d agencies, 1,000,000 requests): %,d ms", agencies, millis(started));

        // Sweep: the reminders due at the start of today (the filings of 10 business days ago reach "5 days left", plus
        // 10,000 whose "2 days left" is due), run after run until nothing is due; then a sweep with nothing due.
        long sweptTotal = 0;
        long sweepStarted = System.nanoTime();
        for (int run = 1; ; run++) {
            started = System.nanoTime();
            int swept = sweep.sweep();
            if (swept == 0) {
                break;
            }
            sweptTotal += swept;
            report("sweep run %d: %,d clocks due, %,d ms (%,d clocks/s)", run, swept, millis(started),
                    swept * 1000L / Math.max(1, millis(started)));
        }
        report("sweeps until nothing due: %,d clocks in %,d ms", sweptTotal, millis(sweepStarted));
        for (int run = 1; run <= 3; run++) {
            started = System.nanoTime();
            int idle = sweep.sweep();
            report("sweep with nothing due (%d swept) over %,d open clocks: %,d ms", idle, open, millis(started));
        }

        // Recomputation: a closure on the next business day falls in the window of every open clock.
        LocalDate closed = DeadlineCalculator.addDays(context.calendar(), DayUnit.BUSINESS, today, 1);
        long touched = count("SELECT count(*) FROM legal_clock WHERE status = 'RUNNING' AND missed_at IS NULL AND due_on >= '"
                + closed + "' AND segment_start_on < '" + closed + "'");
        started = System.nanoTime();
        calendars.add(context.policy().jurisdiction(), new CalendarService.NewEntry(EntryKind.ADMINISTRATIVE_CLOSURE, closed,
                closed, "Decreto Benchmark/2026", "Cierre"), "benchmark");
        CalendarChange change;
        do {
            Thread.sleep(200);
            change = QuarkusTransaction.requiringNew().call(() ->
                    CalendarChange.<CalendarChange>find("instrument = ?1", "Decreto Benchmark/2026").firstResult());
        } while (change.recomputedAt == null);
        long moved = change.clocksMoved;
        report("recomputation after one closure touching %,d open clocks: %,d moved, %,d ms", touched, moved, millis(started));
        long events = count("SELECT count(*) FROM outbox_message WHERE type = 'DeadlineRescheduled'");
        report("DeadlineRescheduled rows in the outbox: %,d", events);

        Files.write(Path.of("target", "benchmark.txt"), results);
    }

    /** Inserts {@code count} copies of a template clock, each with its own id. */
    private void seed(LegalClock t, int count, String tag) {
        for (int from = 0; from < count; from += CHUNK) {
            seedChunk(t, Math.min(CHUNK, count - from), tag + from + "-");
        }
    }

    private void seedChunk(LegalClock t, int count, String tag) {
        QuarkusTransaction.requiringNew().timeout(600).run(() -> Panache.getEntityManager().createNativeQuery(
                        "INSERT INTO legal_clock (request_id, tracking_number, jurisdiction, profile, zone, agency_code, "
                                + "requester_user_id, imported, calendar_version, filed_at, received_on, due_on, due_at, status, "
                                + "segment_start_on, segment_days, segment_unit, segment_extensions, elapsed_days, paused_days, "
                                + "extensions, extensions_before_expiry, referrals, reminder_floor, next_action_at, created_at) "
                                + "SELECT gen_random_uuid(), 'AIP-" + tag + "-' || g, ?1, ?2, ?3, 'AG' || (g % 20), 'u' || g, false, "
                                + "?4, ?5, ?6, ?7, ?8, 'RUNNING', ?9, ?10, ?11, 0, 0, 0, 0, 0, 0, NULLIF(?12, -1), ?13, ?14 "
                                + "FROM generate_series(1, ?15) AS g")
                .setParameter(1, t.jurisdiction).setParameter(2, t.profile).setParameter(3, t.zone)
                .setParameter(4, t.calendarVersion).setParameter(5, t.filedAt).setParameter(6, t.receivedOn)
                .setParameter(7, t.dueOn).setParameter(8, t.dueAt).setParameter(9, t.segmentStartOn)
                .setParameter(10, t.segmentDays).setParameter(11, t.segmentUnit.name())
                .setParameter(12, t.reminderFloor == null ? -1 : t.reminderFloor).setParameter(13, t.nextActionAt)
                .setParameter(14, t.createdAt).setParameter(15, count)
                .executeUpdate());
    }

    /** A 2025 cohort of answered, late, extended, denied, deemed-denied and appealed requests. */
    private void seedAnswered() {
        for (int from = 0; from < ANSWERED; from += CHUNK) {
            seedAnswered(from + 1, Math.min(from + CHUNK, ANSWERED));
        }
    }

    private void seedAnswered(int first, int last) {
        QuarkusTransaction.requiringNew().timeout(600).run(() -> Panache.getEntityManager().createNativeQuery(
                        "INSERT INTO legal_clock (request_id, tracking_number, jurisdiction, profile, zone, agency_code, "
                                + "requester_user_id, imported, calendar_version, filed_at, received_on, due_on, due_at, status, "
                                + "segment_start_on, segment_days, segment_unit, segment_extensions, elapsed_days, paused_days, "
                                + "extensions, extensions_before_expiry, referrals, stop_cause, answered_at, outcome, grounds, "
                                + "answer_timing, business_days_to_answer, missed_at, appeal_filed_at, appeal_resolved_at, "
                                + "appeal_decision, created_at) "
                                + "SELECT gen_random_uuid(), 'AIP-A-' || g, 'rosario', 'ar-rosario', 'America/Argentina/Cordoba', "
                                + "'AG' || (g % 20), 'u' || g, g % 50 = 0, 1, d::timestamptz, d, d + 21, d + 21, 'STOPPED', d, 15, "
                                + "'BUSINESS', 0, 0, 0, (g % 3 = 0)::int, (g % 3 = 0 AND g % 7 <> 0)::int, (g % 11 = 0)::int, "
                                + "'ANSWERED', d + (g % 40), (ARRAY['GRANTED','PARTIALLY_GRANTED','DENIED','NOT_HELD'])[1 + g % 4], "
                                + "CASE WHEN g % 4 IN (1, 2) THEN (ARRAY['personal-data','security','personal-data,security'])[1 + g % 3] END, "
                                + "CASE WHEN g % 40 <= 21 THEN 'INITIAL' WHEN g % 3 = 0 THEN 'EXTENDED' ELSE 'LATE' END, "
                                + "g % 30, CASE WHEN g % 13 = 0 THEN d + 22 END, CASE WHEN g % 17 = 0 THEN d + 30 END, "
                                + "CASE WHEN g % 34 = 0 THEN d + 60 END, CASE WHEN g % 34 = 0 THEN 'UPHELD' END, now() "
                                + "FROM generate_series(?1, ?2) AS g, LATERAL (SELECT DATE '2025-01-01' + (g % 365) AS d) AS day")
                .setParameter(1, first)
                .setParameter(2, last)
                .executeUpdate());
    }

    private void execute(String sql) throws java.sql.SQLException {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) Panache.getEntityManager().createNativeQuery(sql).getSingleResult()).longValue());
    }

    private void report(String format, Object... args) throws IOException {
        String line = String.format(format, args);
        System.out.println("BENCHMARK " + line);
        results.add(line);
    }

    private static long millis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
