package org.acceso.deadline.service;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.acceso.contracts.DeadlineEvent;
import org.acceso.contracts.DeadlineRescheduled;
import org.acceso.contracts.EventCodec;
import org.acceso.contracts.Topics;
import org.acceso.deadline.config.DeadlineConfig;
import org.acceso.deadline.domain.AppealStatus;
import org.acceso.deadline.domain.CalendarChange;
import org.acceso.deadline.domain.ClockContext;
import org.acceso.deadline.domain.ClockStatus;
import org.acceso.deadline.domain.DayUnit;
import org.acceso.deadline.domain.DueDateChange;
import org.acceso.deadline.domain.RecomputeGroup;
import org.acceso.eventing.OutboxAppended;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Recomputes the open clocks a calendar change touches: running terms and running appeal windows of the
 * jurisdiction whose window (day 0, due date] meets the entry's dates and that were computed before the change's
 * version, each clock whose date moved publishing one DeadlineRescheduled with the entry's instrument.
 *
 * <p>Set-based, in keyset batches (one transaction each): a batch reads, without locking, only the distinct
 * {@linkplain RecomputeGroup plan inputs} of its next clocks (a handful per batch); each group is planned again once
 * with the clock's own move ({@link RecomputeGroup#replan}, i.e. {@code LegalClock.recompute}); one statement then
 * updates every clock of the batch's key range whose inputs are still a planned group's ({@code UPDATE … FROM
 * unnest(…)}, which locks the rows) and writes, from its {@code RETURNING} set, the due-date history lines and the
 * outbox rows ({@code INSERT … SELECT}; the event JSON is the codec's own, cut once per group around the event id,
 * request id and tracking number that SQL fills in).
 *
 * <p>The clocks of a change are split by request id into {@code deadline.recompute.workers} {@linkplain Part parts}, each
 * walked by its own worker (connection, transactions): the work is per clock and in PostgreSQL, one core per backend.
 *
 * <p>Exactly once: a change stays pending until a pass finds no clock left, so a crash resumes where it stopped, on
 * this instance or another. The update re-checks each clock under its row lock (version {@code calendar_version < v},
 * which it raises, window and plan inputs), so two instances never recompute a clock twice; a clock changed between a
 * batch's read and its update (fewer updated than read) is read again locked and applied in the same transaction.
 */
@ApplicationScoped
public class RecomputeService {

    private static final Logger LOG = Logger.getLogger(RecomputeService.class);
    private static final UUID LOWEST = new UUID(0, 0);

    /** Placeholders in an event's JSON template, replaced per clock by SQL (random: no text can contain them). */
    private static final UUID EVENT_ID = UUID.randomUUID();
    private static final UUID REQUEST_ID = UUID.randomUUID();
    private static final String TRACKING_NUMBER = "tracking-" + UUID.randomUUID();

    /** What {@code LegalClock.recompute} reads of a clock (see {@link RecomputeGroup}), as SQL on {@code c}. */
    private static final String INPUTS = "c.profile, c.zone, c.status, c.missed_at IS NOT NULL AS missed, "
            + "c.very_overdue_at IS NOT NULL AS very_overdue, c.segment_start_on, c.segment_days, c.segment_unit, "
            + "c.segment_extensions, c.due_on, c.due_at, c.reminder_floor, c.appeal_status, c.appeal_day_zero, "
            + "c.appeal_due_on, c.appeal_due_at";
    private static final String INPUT_NAMES = "profile, zone, status, missed, very_overdue, segment_start_on, "
            + "segment_days, segment_unit, segment_extensions, due_on, due_at, reminder_floor, appeal_status, "
            + "appeal_day_zero, appeal_due_on, appeal_due_at";
    /** A clock belongs to a group when every input is equal (null-safe where the column may be null). */
    private static final String SAME_GROUP = "c.profile = v.profile AND c.zone = v.zone AND c.status = v.status "
            + "AND (c.missed_at IS NOT NULL) = v.missed AND (c.very_overdue_at IS NOT NULL) = v.very_overdue "
            + "AND c.segment_start_on = v.segment_start_on AND c.segment_days = v.segment_days "
            + "AND c.segment_unit = v.segment_unit AND c.segment_extensions = v.segment_extensions "
            + "AND c.due_on = v.due_on AND c.due_at = v.due_at "
            + "AND c.reminder_floor IS NOT DISTINCT FROM v.reminder_floor "
            + "AND c.appeal_status IS NOT DISTINCT FROM v.appeal_status "
            + "AND c.appeal_day_zero IS NOT DISTINCT FROM v.appeal_day_zero "
            + "AND c.appeal_due_on IS NOT DISTINCT FROM v.appeal_due_on "
            + "AND c.appeal_due_at IS NOT DISTINCT FROM v.appeal_due_at";

    /** The two windows a change can touch, each walked in the order of its partial index. */
    enum Window {
        /** A running term not missed: (segment day 0, due date]. */
        RESPONSE("due_on", "c.status = 'RUNNING' AND c.missed_at IS NULL AND c.due_on >= ? AND c.segment_start_on < ?"),
        /** A running appeal window: (its day 0, its due date]. */
        APPEAL("appeal_due_on", "c.appeal_status = 'RUNNING' AND c.appeal_due_on >= ? AND c.appeal_day_zero < ?");

        final String key;
        final String where;

        Window(String key, String touches) {
            this.key = key;
            this.where = "c.jurisdiction = ? AND c.calendar_version < ? AND c.request_id BETWEEN ? AND ? AND " + touches;
        }
    }

    private final DeadlineConfig config;
    private final CalendarService calendars;
    private final Clock clock;
    private final ExecutorService executor;
    private final Event<OutboxAppended> appended;
    private final AtomicBoolean running = new AtomicBoolean();
    /** Test seam: runs between a batch's read and its update, where a concurrent move could change a clock. */
    private volatile Runnable afterRead = () -> {
    };

    public RecomputeService(DeadlineConfig config, CalendarService calendars, Clock clock, ExecutorService executor,
                            Event<OutboxAppended> appended) {
        this.config = config;
        this.calendars = calendars;
        this.clock = clock;
        this.executor = executor;
        this.appended = appended;
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
        String detail = detail(change);
        int moved = 0;
        long planned = 0;
        List<Part> parts = Part.of(Math.max(1, config.recompute().workers()));
        for (Window window : Window.values()) {
            // The window's clocks split by request id, one worker each (its own connection and transactions).
            List<CompletableFuture<long[]>> workers = new ArrayList<>();
            for (Part part : parts) {
                workers.add(CompletableFuture.supplyAsync(() -> walk(change, window, part, detail), executor));
            }
            // Every worker ends before the change is marked or a failure goes up (the change then stays pending).
            CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).join();
            for (CompletableFuture<long[]> worker : workers) {
                long[] done = worker.join();
                planned += done[0];
                moved += (int) done[1];
            }
        }
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                .createNativeQuery("UPDATE calendar_change SET recomputed_at = ?1 WHERE id = ?2 AND recomputed_at IS NULL")
                .setParameter(1, clock.instant())
                .setParameter(2, change.id)
                .executeUpdate());
        LOG.infof("Calendar %s v%d (%s %s %s..%s, %s): %d clock(s) planned again, %d moved, in %d ms", change.jurisdiction,
                change.version, change.action, change.kind, change.startsOn, change.endsOn, change.instrument, planned, moved,
                (System.nanoTime() - started) / 1_000_000);
        return moved;
    }

    /** Walks one part of a window in keyset batches, one transaction each; returns clocks read and moved. */
    private long[] walk(CalendarChange change, Window window, Part part, String detail) {
        long planned = 0;
        long moved = 0;
        Cursor cursor = new Cursor(change.startsOn.minusDays(1), LOWEST);
        while (true) {
            Cursor from = cursor;
            Batch batch = QuarkusTransaction.requiringNew().call(() -> batch(change, window, part, from, detail));
            if (batch.read() == 0) {
                return new long[] {planned, moved};
            }
            moved += batch.moved();
            planned += batch.read();
            cursor = batch.next();
        }
    }

    /** Test seam: what runs between each batch's read and its update (a concurrent change); null for nothing. */
    void afterRead(Runnable hook) {
        afterRead = hook == null ? () -> {
        } : hook;
    }

    /** The detail of every DeadlineRescheduled a change causes: what changed, in words. */
    static String detail(CalendarChange change) {
        return ("ADDED".equals(change.action) ? "Calendar entry added: " : "Calendar entry deleted: ")
                + change.kind + " " + change.startsOn + (change.endsOn.equals(change.startsOn) ? "" : ".." + change.endsOn)
                + (change.description == null ? "" : " (" + change.description + ")");
    }

    /**
     * One batch, in the caller's transaction: read the next clocks' plan inputs (no lock), plan each group once, apply
     * to all with one statement that locks the clocks and re-checks them (version, window, inputs). A clock changed
     * between the read and the update (a sweep marked a reminder, say) is not matched by its old group: when fewer
     * clocks were updated than read, the batch's range is read again, locked this time, and what is left is applied.
     */
    Batch batch(CalendarChange change, Window window, Part part, Cursor cursor, String detail) {
        Instant now = clock.instant();
        return Panache.getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            long started = System.nanoTime();
            Read read = read(connection, change, window, part, cursor, null);
            if (read.count() == 0) {
                return new Batch(0, 0, null);
            }
            afterRead.run();
            long readAt = System.nanoTime();
            Applied applied = planAndApply(connection, change, window, part, cursor, read, now, detail);
            long appliedAt = System.nanoTime();
            int moved = applied.moved();
            Set<String> topics = new TreeSet<>(applied.topics());
            int redone = 0;
            if (applied.updated() < read.count()) {
                Read left = read(connection, change, window, part, cursor, read.last());
                if (left.count() > 0) {
                    Applied again = planAndApply(connection, change, window, part, cursor, left, now, detail);
                    moved += again.moved();
                    topics.addAll(again.topics());
                    redone = again.updated();
                }
            }
            if (moved > 0) {
                try (PreparedStatement count = connection.prepareStatement(
                        "UPDATE calendar_change SET clocks_moved = clocks_moved + ? WHERE id = ?")) {
                    count.setInt(1, moved);
                    count.setLong(2, change.id);
                    count.executeUpdate();
                }
                topics.forEach(topic -> appended.fire(new OutboxAppended(topic)));
            }
            LOG.debugf("Recompute %s batch after %s: %d clock(s) read in %d group(s) in %d ms, planned and applied in %d ms "
                            + "(%d updated, %d moved, %d redone under lock), the rest in %d ms", window, cursor.key(), read.count(),
                    read.groups().size(), (readAt - started) / 1_000_000, (appliedAt - readAt) / 1_000_000,
                    applied.updated(), moved, redone, (System.nanoTime() - appliedAt) / 1_000_000);
            return new Batch(read.count(), moved, read.last());
        });
    }

    /** Plans each group of a read once (the clock's own move) and applies the plans to the range (cursor, last]. */
    private Applied planAndApply(Connection connection, CalendarChange change, Window window, Part part, Cursor cursor,
                                 Read read, Instant now, String detail) throws SQLException {
        Map<String, ClockContext> contexts = new HashMap<>();
        Map<RecomputeGroup, RecomputeGroup.Replanned> plans = new LinkedHashMap<>();
        for (RecomputeGroup group : read.groups()) {
            ClockContext context = contexts.computeIfAbsent(group.profile() + "|" + group.zone(),
                    key -> calendars.context(group.profile(), group.zone()));
            plans.put(group, group.replan(context, now, TRACKING_NUMBER, change.instrument, detail));
        }
        long version = contexts.values().stream().mapToLong(ClockContext::calendarVersion).max().orElseThrow();
        return apply(connection, change, window, part, cursor, read.last(), plans, version, now);
    }

    /**
     * Reads the plan inputs of clocks of the window after the cursor, grouped, with their count and the last key:
     * without {@code upTo}, the next batch (no lock: the update locks and re-checks); with it, every clock still to do
     * in (cursor, upTo], locked {@code FOR UPDATE} in key order (what a batch left behind).
     */
    private Read read(Connection connection, CalendarChange change, Window window, Part part, Cursor cursor, Cursor upTo)
            throws SQLException {
        String sql = "WITH batch AS MATERIALIZED (SELECT c.request_id, c." + window.key + " AS k, " + INPUTS
                + " FROM legal_clock c WHERE " + window.where + " AND (c." + window.key + ", c.request_id) > (?, ?)"
                + (upTo == null ? "" : " AND (c." + window.key + ", c.request_id) <= (?, ?)")
                + " ORDER BY c." + window.key + ", c.request_id" + (upTo == null ? " LIMIT ?" : " FOR UPDATE") + "),"
                + " last AS (SELECT k, request_id FROM batch ORDER BY k DESC, request_id DESC LIMIT 1)"
                + " SELECT last.k, last.request_id, count(*), " + INPUT_NAMES
                + " FROM batch CROSS JOIN last GROUP BY last.k, last.request_id, " + INPUT_NAMES;
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int i = bindWindow(select, 1, change, part);
            select.setObject(i++, cursor.key());
            select.setObject(i++, cursor.requestId());
            if (upTo == null) {
                select.setInt(i, config.recompute().batchSize());
            } else {
                select.setObject(i++, upTo.key());
                select.setObject(i, upTo.requestId());
            }
            List<RecomputeGroup> groups = new ArrayList<>();
            Cursor last = null;
            int count = 0;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    last = new Cursor(rows.getObject(1, LocalDate.class), rows.getObject(2, UUID.class));
                    count += rows.getInt(3);
                    groups.add(new RecomputeGroup(rows.getString(4), rows.getString(5), ClockStatus.valueOf(rows.getString(6)),
                            rows.getBoolean(7), rows.getBoolean(8), rows.getObject(9, LocalDate.class), rows.getInt(10),
                            DayUnit.valueOf(rows.getString(11)), rows.getInt(12), rows.getObject(13, LocalDate.class),
                            instant(rows, 14), rows.getObject(15, Integer.class),
                            rows.getString(16) == null ? null : AppealStatus.valueOf(rows.getString(16)),
                            rows.getObject(17, LocalDate.class), rows.getObject(18, LocalDate.class), instant(rows, 19)));
                }
            }
            return new Read(count, groups, upTo == null ? last : upTo);
        }
    }

    /**
     * Updates every clock of the window in (cursor, last] whose plan inputs are still those of a planned group (the
     * update locks each row and re-checks version, window and inputs on its latest version), and writes one history
     * line and one outbox row per event of each clock that moved, in one statement. Returns how many clocks were
     * updated and moved, and the topics written to.
     */
    private Applied apply(Connection connection, CalendarChange change, Window window, Part part, Cursor cursor, Cursor last,
                          Map<RecomputeGroup, RecomputeGroup.Replanned> plans, long version, Instant now)
            throws SQLException {
        int groups = plans.size();
        Integer[] g = new Integer[groups];
        String[] profile = new String[groups];
        String[] zone = new String[groups];
        String[] status = new String[groups];
        Boolean[] missed = new Boolean[groups];
        Boolean[] veryOverdue = new Boolean[groups];
        String[] segmentStartOn = new String[groups];
        Integer[] segmentDays = new Integer[groups];
        String[] segmentUnit = new String[groups];
        Integer[] segmentExtensions = new Integer[groups];
        String[] dueOn = new String[groups];
        String[] dueAt = new String[groups];
        Integer[] reminderFloor = new Integer[groups];
        String[] appealStatus = new String[groups];
        String[] appealDayZero = new String[groups];
        String[] appealDueOn = new String[groups];
        String[] appealDueAt = new String[groups];
        String[] newDueOn = new String[groups];
        String[] newDueAt = new String[groups];
        Integer[] newReminderFloor = new Integer[groups];
        String[] newNextActionAt = new String[groups];
        String[] newAppealDueOn = new String[groups];
        String[] newAppealDueAt = new String[groups];
        List<Object[]> events = new ArrayList<>();
        Set<String> topics = new TreeSet<>();
        int index = 0;
        for (Map.Entry<RecomputeGroup, RecomputeGroup.Replanned> plan : plans.entrySet()) {
            RecomputeGroup group = plan.getKey();
            RecomputeGroup.Replanned replanned = plan.getValue();
            g[index] = index;
            profile[index] = group.profile();
            zone[index] = group.zone();
            status[index] = group.status().name();
            missed[index] = group.missed();
            veryOverdue[index] = group.veryOverdue();
            segmentStartOn[index] = text(group.segmentStartOn());
            segmentDays[index] = group.segmentDays();
            segmentUnit[index] = group.segmentUnit().name();
            segmentExtensions[index] = group.segmentExtensions();
            dueOn[index] = text(group.dueOn());
            dueAt[index] = text(group.dueAt());
            reminderFloor[index] = group.reminderFloor();
            appealStatus[index] = group.appealStatus() == null ? null : group.appealStatus().name();
            appealDayZero[index] = text(group.appealDayZero());
            appealDueOn[index] = text(group.appealDueOn());
            appealDueAt[index] = text(group.appealDueAt());
            newDueOn[index] = text(replanned.dueOn());
            newDueAt[index] = text(replanned.dueAt());
            newReminderFloor[index] = replanned.reminderFloor();
            newNextActionAt[index] = text(replanned.nextActionAt());
            newAppealDueOn[index] = text(replanned.appealDueOn());
            newAppealDueAt[index] = text(replanned.appealDueAt());
            for (int seq = 0; seq < replanned.events().size(); seq++) {
                DeadlineEvent event = replanned.events().get(seq);
                String topic = Topics.of(event);
                topics.add(topic);
                DueDateChange line = DueDateChange.of(REQUEST_ID, event, now).orElse(null);
                String[] parts = template(event, now);
                events.add(new Object[] {index, seq, topic, EventCodec.typeOf(event),
                        line == null ? null : line.clock, line == null ? null : line.status,
                        line == null ? null : text(line.oldDueOn), line == null ? null : text(line.newDueOn),
                        line == null ? null : line.cause, line == null ? null : line.instrument,
                        line == null ? null : line.detail, parts[0], parts[1], parts[2], parts[3]});
            }
            index++;
        }

        // Ids follow insertion order; a clock's events must keep theirs (seq), which only matters when one has two.
        boolean ordered = plans.values().stream().anyMatch(plan -> plan.events().size() > 1);
        String sql = "WITH v AS (SELECT * FROM unnest(?::int[], ?::text[], ?::text[], ?::text[], ?::bool[], ?::bool[], "
                + "?::date[], ?::int[], ?::text[], ?::int[], ?::date[], ?::timestamptz[], ?::int[], ?::text[], ?::date[], "
                + "?::date[], ?::timestamptz[], ?::date[], ?::timestamptz[], ?::int[], ?::timestamptz[], ?::date[], "
                + "?::timestamptz[]) AS v(g, " + INPUT_NAMES + ", new_due_on, new_due_at, new_reminder_floor, "
                + "new_next_action_at, new_appeal_due_on, new_appeal_due_at)),"
                + " moved AS (UPDATE legal_clock c SET due_on = v.new_due_on, due_at = v.new_due_at, "
                + "reminder_floor = v.new_reminder_floor, next_action_at = v.new_next_action_at, "
                + "appeal_due_on = v.new_appeal_due_on, appeal_due_at = v.new_appeal_due_at, "
                + "calendar_version = greatest(c.calendar_version, ?) FROM v WHERE " + window.where
                + " AND (c." + window.key + ", c.request_id) > (?, ?) AND (c." + window.key + ", c.request_id) <= (?, ?)"
                + " AND " + SAME_GROUP + " RETURNING c.request_id, c.tracking_number, v.g),"
                + " e AS (SELECT * FROM unnest(?::int[], ?::int[], ?::text[], ?::text[], ?::text[], ?::text[], ?::date[], "
                + "?::date[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) AS e(g, seq, topic, "
                + "type, clock, status, old_due_on, new_due_on, cause, instrument, detail, p0, p1, p2, p3)),"
                // One event id per event of each clock that moved: what the history and the outbox share, nothing more.
                + " lines AS MATERIALIZED (SELECT gen_random_uuid() AS event_id, m.request_id, m.tracking_number, m.g, e.seq "
                + "FROM moved m JOIN e ON e.g = m.g),"
                + " history AS (INSERT INTO due_date_change (request_id, clock, status, old_due_on, new_due_on, cause, "
                + "instrument, detail, changed_at) SELECT l.request_id, e.clock, e.status, e.old_due_on, e.new_due_on, "
                + "e.cause, e.instrument, e.detail, ?::timestamptz FROM lines l JOIN e USING (g, seq) "
                + "WHERE e.clock IS NOT NULL" + (ordered ? " ORDER BY l.seq" : "") + "),"
                // The codec's JSON, cut around what differs per clock: event id, request id, tracking number (JSON string).
                + " outbox AS (INSERT INTO outbox_message (event_id, topic, message_key, type, payload, created_at, attempts)"
                + " SELECT l.event_id, e.topic, l.request_id::text, e.type, e.p0 || l.event_id || e.p1 || l.request_id || e.p2 "
                + "|| to_json(l.tracking_number)::text || e.p3, ?::timestamptz, 0 FROM lines l JOIN e USING (g, seq)"
                + (ordered ? " ORDER BY l.seq" : "") + ")"
                + " SELECT (SELECT count(*) FROM moved), (SELECT count(*) FROM lines WHERE seq = 0)";

        try (PreparedStatement update = connection.prepareStatement(sql)) {
            int i = 1;
            for (Object[] column : new Object[][] {g, profile, zone, status, missed, veryOverdue, segmentStartOn,
                    segmentDays, segmentUnit, segmentExtensions, dueOn, dueAt, reminderFloor, appealStatus, appealDayZero,
                    appealDueOn, appealDueAt, newDueOn, newDueAt, newReminderFloor, newNextActionAt, newAppealDueOn,
                    newAppealDueAt}) {
                update.setArray(i++, array(connection, column));
            }
            update.setLong(i++, version);
            i = bindWindow(update, i, change, part);
            update.setObject(i++, cursor.key());
            update.setObject(i++, cursor.requestId());
            update.setObject(i++, last.key());
            update.setObject(i++, last.requestId());
            for (int column = 0; column < 15; column++) {
                Object[] values = new Object[events.size()];
                for (int row = 0; row < events.size(); row++) {
                    values[row] = events.get(row)[column];
                }
                update.setArray(i++, column < 2 ? connection.createArrayOf("int4", values)
                        : connection.createArrayOf("text", values));
            }
            update.setObject(i++, now.atOffset(ZoneOffset.UTC));
            update.setObject(i, now.atOffset(ZoneOffset.UTC));
            try (ResultSet result = update.executeQuery()) {
                result.next();
                return new Applied(result.getInt(1), result.getInt(2), topics);
            }
        }
    }

    /**
     * The event's JSON exactly as the outbox writes it (the codec's envelope), cut in four around what differs per
     * clock: the event id, the request id and the tracking number (a JSON string, filled in by {@code to_json}), which
     * the envelope writes in that order.
     */
    static String[] template(DeadlineEvent event, Instant now) {
        if (!(event instanceof DeadlineRescheduled rescheduled)) {
            throw new IllegalStateException("A recomputation publishes DeadlineRescheduled only, not " + EventCodec.typeOf(event));
        }
        DeadlineRescheduled placeholder = new DeadlineRescheduled(TRACKING_NUMBER, rescheduled.clock(), rescheduled.status(),
                rescheduled.oldDueOn(), rescheduled.oldDueAt(), rescheduled.newDueOn(), rescheduled.newDueAt(),
                rescheduled.cause(), rescheduled.instrument(), rescheduled.detail());
        String json = EventCodec.write(EventCodec.envelope(EVENT_ID, REQUEST_ID, now, placeholder));
        String[] parts = new String[4];
        int from = 0;
        int part = 0;
        for (String marker : List.of(EVENT_ID.toString(), REQUEST_ID.toString(), "\"" + TRACKING_NUMBER + "\"")) {
            int at = json.indexOf(marker, from);
            if (at < 0 || json.indexOf(marker) != at || json.indexOf(marker, at + 1) >= 0) {
                throw new IllegalStateException("Event template without exactly one " + marker + " in its place: " + json);
            }
            parts[part++] = json.substring(from, at);
            from = at + marker.length();
        }
        parts[3] = json.substring(from);
        return parts;
    }

    /** Binds {@link Window#where}: jurisdiction, version, the part's request ids, the entry's first and last day. */
    private static int bindWindow(PreparedStatement statement, int first, CalendarChange change, Part part)
            throws SQLException {
        int i = first;
        statement.setString(i++, change.jurisdiction);
        statement.setLong(i++, change.version);
        statement.setObject(i++, part.from());
        statement.setObject(i++, part.to());
        statement.setObject(i++, change.startsOn);
        statement.setObject(i++, change.endsOn);
        return i;
    }

    private static java.sql.Array array(Connection connection, Object[] values) throws SQLException {
        String type = values instanceof Integer[] ? "int4" : values instanceof Boolean[] ? "bool" : "text";
        return connection.createArrayOf(type, values);
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    record Cursor(LocalDate key, UUID requestId) {
    }

    record Batch(int read, int moved, Cursor next) {
    }

    /**
     * A share of the request ids (uuids, compared bytewise as PostgreSQL does), {@code from} and {@code to} included:
     * the parts of {@link #of} cover every id once, so workers never meet on a clock.
     */
    record Part(UUID from, UUID to) {
        static List<Part> of(int count) {
            List<Part> parts = new ArrayList<>();
            long step = Long.divideUnsigned(-1L, count);
            for (int k = 0; k < count; k++) {
                long from = step * k;
                UUID to = k == count - 1 ? new UUID(-1L, -1L) : new UUID(step * (k + 1) - 1, -1L);
                parts.add(new Part(new UUID(from, 0L), to));
            }
            return parts;
        }
    }

    /** Clocks read (their count, their distinct plan inputs) and the last key of their range. */
    private record Read(int count, List<RecomputeGroup> groups, Cursor last) {
    }

    /** What an apply statement did: clocks updated (version raised), clocks moved (events written), topics. */
    private record Applied(int updated, int moved, Set<String> topics) {
    }
}
