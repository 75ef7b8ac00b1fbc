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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Recomputes the open clocks a calendar change touches: running terms and running appeal windows of the
 * jurisdiction whose window (day 0, due date] meets the entry's dates and that were computed before the change's
 * version, each clock whose date moved publishing one DeadlineRescheduled with the entry's instrument.
 *
 * <p>Set-based, in keyset batches (one transaction each): a batch locks its clocks {@code FOR UPDATE} and reads only
 * their distinct {@linkplain RecomputeGroup plan inputs} (a handful per batch); each group is planned again once with
 * the clock's own move ({@link RecomputeGroup#replan}, i.e. {@code LegalClock.recompute}); one statement then updates
 * every clock of the batch from those results ({@code UPDATE … FROM unnest(…)}) and writes, from its
 * {@code RETURNING} set, the due-date history lines and the outbox rows ({@code INSERT … SELECT}; the event JSON is the
 * codec's own, written once per group, with the event id, request id and tracking number filled in by SQL).
 *
 * <p>Exactly once: a change stays pending until a pass finds no clock left, so a crash resumes where it stopped, on
 * this instance or another; clocks are locked and re-checked against the version ({@code calendar_version < v}, which
 * the batch raises), so two instances never recompute a clock twice.
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
            this.where = "c.jurisdiction = ? AND c.calendar_version < ? AND " + touches;
        }
    }

    private final DeadlineConfig config;
    private final CalendarService calendars;
    private final Clock clock;
    private final ExecutorService executor;
    private final Event<OutboxAppended> appended;
    private final AtomicBoolean running = new AtomicBoolean();

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
        for (Window window : Window.values()) {
            Cursor cursor = new Cursor(change.startsOn.minusDays(1), LOWEST);
            while (true) {
                Cursor from = cursor;
                Batch batch = QuarkusTransaction.requiringNew().call(() -> batch(change, window, from, detail));
                if (batch.locked() == 0) {
                    break;
                }
                moved += batch.moved();
                planned += batch.locked();
                cursor = batch.next();
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

    /** The detail of every DeadlineRescheduled a change causes: what changed, in words. */
    static String detail(CalendarChange change) {
        return ("ADDED".equals(change.action) ? "Calendar entry added: " : "Calendar entry deleted: ")
                + change.kind + " " + change.startsOn + (change.endsOn.equals(change.startsOn) ? "" : ".." + change.endsOn)
                + (change.description == null ? "" : " (" + change.description + ")");
    }

    /** One batch, in the caller's transaction: lock, plan each group once, apply to all. */
    Batch batch(CalendarChange change, Window window, Cursor cursor, String detail) {
        Instant now = clock.instant();
        return Panache.getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            Locked locked = lock(connection, change, window, cursor);
            if (locked.count() == 0) {
                return new Batch(0, 0, null);
            }
            Map<String, ClockContext> contexts = new HashMap<>();
            Map<RecomputeGroup, RecomputeGroup.Replanned> plans = new LinkedHashMap<>();
            for (RecomputeGroup group : locked.groups()) {
                ClockContext context = contexts.computeIfAbsent(group.profile() + "|" + group.zone(),
                        key -> calendars.context(group.profile(), group.zone()));
                plans.put(group, group.replan(context, now, TRACKING_NUMBER, change.instrument, detail));
            }
            long version = contexts.values().stream().mapToLong(ClockContext::calendarVersion).max().orElseThrow();
            Applied applied = apply(connection, change, window, cursor, locked.last(), plans, version, now);
            if (applied.moved() > 0) {
                try (PreparedStatement count = connection.prepareStatement(
                        "UPDATE calendar_change SET clocks_moved = clocks_moved + ? WHERE id = ?")) {
                    count.setInt(1, applied.moved());
                    count.setLong(2, change.id);
                    count.executeUpdate();
                }
                applied.topics().forEach(topic -> appended.fire(new OutboxAppended(topic)));
            }
            return new Batch(locked.count(), applied.moved(), locked.last());
        });
    }

    /** Locks the next batch of the window and reads its distinct plan inputs and its last key. */
    private Locked lock(Connection connection, CalendarChange change, Window window, Cursor cursor) throws SQLException {
        String sql = "WITH batch AS MATERIALIZED (SELECT c.request_id, c." + window.key + " AS k, " + INPUTS
                + " FROM legal_clock c WHERE " + window.where + " AND (c." + window.key + ", c.request_id) > (?, ?)"
                + " ORDER BY c." + window.key + ", c.request_id LIMIT ? FOR UPDATE),"
                + " last AS (SELECT k, request_id FROM batch ORDER BY k DESC, request_id DESC LIMIT 1)"
                + " SELECT last.k, last.request_id, count(*), " + INPUT_NAMES
                + " FROM batch CROSS JOIN last GROUP BY last.k, last.request_id, " + INPUT_NAMES;
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int i = bindWindow(select, 1, change);
            select.setObject(i++, cursor.key());
            select.setObject(i++, cursor.requestId());
            select.setInt(i, config.recompute().batchSize());
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
            return new Locked(count, groups, last);
        }
    }

    /**
     * Updates every clock of the batch (the window's rows in (cursor, last], all locked by this transaction) from its
     * group's plan, and writes one history line and one outbox row per event of each clock that moved, in one
     * statement. Returns how many clocks moved and the topics written to.
     */
    private Applied apply(Connection connection, CalendarChange change, Window window, Cursor cursor, Cursor last,
                          Map<RecomputeGroup, RecomputeGroup.Replanned> plans, long version, Instant now)
            throws SQLException {
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
                + "?::date[], ?::text[], ?::text[], ?::text[], ?::text[]) AS e(g, seq, topic, type, clock, status, "
                + "old_due_on, new_due_on, cause, instrument, detail, payload)),"
                + " lines AS MATERIALIZED (SELECT gen_random_uuid() AS event_id, m.request_id, m.tracking_number, e.seq, "
                + "e.topic, e.type, e.clock, e.status, e.old_due_on, e.new_due_on, e.cause, e.instrument, e.detail, "
                + "e.payload FROM moved m JOIN e ON e.g = m.g),"
                + " history AS (INSERT INTO due_date_change (request_id, clock, status, old_due_on, new_due_on, cause, "
                + "instrument, detail, changed_at) SELECT request_id, clock, status, old_due_on, new_due_on, cause, "
                + "instrument, detail, ?::timestamptz FROM lines WHERE clock IS NOT NULL ORDER BY request_id, seq),"
                + " outbox AS (INSERT INTO outbox_message (event_id, topic, message_key, type, payload, created_at, attempts)"
                + " SELECT event_id, topic, request_id::text, type, replace(replace(replace(payload, ?, event_id::text), "
                + "?, request_id::text), ?, to_json(tracking_number)::text), ?::timestamptz, 0 FROM lines ORDER BY request_id, seq)"
                + " SELECT count(DISTINCT request_id) FROM lines";

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
                events.add(new Object[] {index, seq, topic, EventCodec.typeOf(event),
                        line == null ? null : line.clock, line == null ? null : line.status,
                        line == null ? null : text(line.oldDueOn), line == null ? null : text(line.newDueOn),
                        line == null ? null : line.cause, line == null ? null : line.instrument,
                        line == null ? null : line.detail, template(event, now)});
            }
            index++;
        }

        try (PreparedStatement update = connection.prepareStatement(sql)) {
            int i = 1;
            for (Object[] column : new Object[][] {g, profile, zone, status, missed, veryOverdue, segmentStartOn,
                    segmentDays, segmentUnit, segmentExtensions, dueOn, dueAt, reminderFloor, appealStatus, appealDayZero,
                    appealDueOn, appealDueAt, newDueOn, newDueAt, newReminderFloor, newNextActionAt, newAppealDueOn,
                    newAppealDueAt}) {
                update.setArray(i++, array(connection, column));
            }
            update.setLong(i++, version);
            i = bindWindow(update, i, change);
            update.setObject(i++, cursor.key());
            update.setObject(i++, cursor.requestId());
            update.setObject(i++, last.key());
            update.setObject(i++, last.requestId());
            for (int column = 0; column < 12; column++) {
                Object[] values = new Object[events.size()];
                for (int row = 0; row < events.size(); row++) {
                    values[row] = events.get(row)[column];
                }
                update.setArray(i++, column < 2 ? connection.createArrayOf("int4", values)
                        : connection.createArrayOf("text", values));
            }
            update.setObject(i++, now.atOffset(ZoneOffset.UTC));
            update.setString(i++, EVENT_ID.toString());
            update.setString(i++, REQUEST_ID.toString());
            update.setString(i++, "\"" + TRACKING_NUMBER + "\"");
            update.setObject(i, now.atOffset(ZoneOffset.UTC));
            try (ResultSet result = update.executeQuery()) {
                result.next();
                return new Applied(result.getInt(1), topics);
            }
        }
    }

    /**
     * The event's JSON exactly as the outbox writes it (the codec's envelope), with placeholders for what differs
     * per clock: the event id, the request id and the tracking number (a JSON string, filled in by {@code to_json}).
     */
    private static String template(DeadlineEvent event, Instant now) {
        if (!(event instanceof DeadlineRescheduled rescheduled)) {
            throw new IllegalStateException("A recomputation publishes DeadlineRescheduled only, not " + EventCodec.typeOf(event));
        }
        DeadlineRescheduled placeholder = new DeadlineRescheduled(TRACKING_NUMBER, rescheduled.clock(), rescheduled.status(),
                rescheduled.oldDueOn(), rescheduled.oldDueAt(), rescheduled.newDueOn(), rescheduled.newDueAt(),
                rescheduled.cause(), rescheduled.instrument(), rescheduled.detail());
        String json = EventCodec.write(EventCodec.envelope(EVENT_ID, REQUEST_ID, now, placeholder));
        for (String marker : List.of(EVENT_ID.toString(), REQUEST_ID.toString(), "\"" + TRACKING_NUMBER + "\"")) {
            if (json.indexOf(marker) < 0 || json.indexOf(marker) != json.lastIndexOf(marker)) {
                throw new IllegalStateException("Event template without exactly one " + marker + ": " + json);
            }
        }
        return json;
    }

    /** Binds {@link Window#where}: jurisdiction, version, the entry's first and last day. */
    private static int bindWindow(PreparedStatement statement, int first, CalendarChange change) throws SQLException {
        int i = first;
        statement.setString(i++, change.jurisdiction);
        statement.setLong(i++, change.version);
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

    record Batch(int locked, int moved, Cursor next) {
    }

    private record Locked(int count, List<RecomputeGroup> groups, Cursor last) {
    }

    private record Applied(int moved, Set<String> topics) {
    }
}
