package org.acceso.deadline.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.acceso.contracts.ClarificationProvided;
import org.acceso.contracts.ClarificationRequested;
import org.acceso.contracts.DeadlineEvent;
import org.acceso.contracts.DeadlineRescheduled;
import org.acceso.contracts.Envelope;
import org.acceso.contracts.EventCodec;
import org.acceso.contracts.ExtensionGranted;
import org.acceso.contracts.Person;
import org.acceso.contracts.RequestAnswered;
import org.acceso.contracts.RequestFiled;
import org.acceso.contracts.RequestReferred;
import org.acceso.contracts.RequestWithdrawn;
import org.acceso.contracts.Topics;
import org.acceso.deadline.MutableClock;
import org.acceso.deadline.domain.AppealStatus;
import org.acceso.deadline.domain.CalendarChange;
import org.acceso.deadline.domain.CalendarEntryRecord;
import org.acceso.deadline.domain.ClockContext;
import org.acceso.deadline.domain.ClockStatus;
import org.acceso.deadline.domain.DayUnit;
import org.acceso.deadline.domain.DeadlineCalculator;
import org.acceso.deadline.domain.DeadlinePolicy;
import org.acceso.deadline.domain.DueDateChange;
import org.acceso.deadline.domain.EntryKind;
import org.acceso.deadline.domain.LegalClock;
import org.acceso.deadline.domain.RecomputeGroup;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The set-based recomputation (RecomputeService: a group's plan computed once, applied with SQL) against the
 * per-clock path ({@link LegalClock#recompute} on each clock alone) on a varied set: five profiles (business days,
 * months, working days, restart on clarification, no extension), a second zone in one jurisdiction, filings from one
 * to sixty business days back, plain, twins, extended, paused, resumed, extended while paused, referred (restarting in
 * Spain), denied (appeal window), deemed denied (missed, appeal window, very overdue) and withdrawn clocks. Every clock
 * must end with the same dates, reminder state and next action, and publish the same events with the same history
 * lines, through keyset batches of 5 (test configuration). Set in 2033, so no other test's clock is touched.
 */
@QuarkusTest
class RecomputeServiceTest {

    private static final Instant NOW = LocalDateTime.parse("2033-06-15T12:00").atZone(ZoneId.of("America/Argentina/Cordoba"))
            .toInstant();
    /** Filing days, in business days before today. */
    private static final int[] BACK = {1, 6, 12, 17, 30, 60};
    private static final List<String> JURISDICTIONS = List.of("rosario", "es", "us", "cl", "uk");

    @Inject
    CalendarService calendars;

    @Inject
    PolicyCatalog policies;

    /** The per-clock path's clocks: started and moved in memory, then planned again alone after each change. */
    private final Map<UUID, LegalClock> expected = new LinkedHashMap<>();
    private final Map<UUID, List<DeadlineEvent>> expectedEvents = new HashMap<>();
    private int filed;
    private long expectedMoved;

    @AfterEach
    void realTime() {
        MutableClock.reset();
    }

    @Test
    void shouldGiveTheSameDatesAndEventsAsPlanningEachClockAlone() {
        MutableClock.set(NOW);
        for (String profile : List.of("ar-rosario", "es", "us", "cl", "uk")) {
            seed(profile, null);
        }
        seed("ar-rosario", "America/Argentina/Buenos_Aires");
        long outboxBefore = Rows.maxId("outbox_message");
        long historyBefore = Rows.maxId("due_date_change");

        long moved = 0;
        List<Long> closures = new ArrayList<>();
        for (String jurisdiction : JURISDICTIONS) {
            // A closure two business days ahead; in Spain (terms in months) a two-day suspension, which months feel.
            CalendarChange change = changeAndPlan(jurisdiction, () -> {
                LocalDate today = LocalDate.ofInstant(NOW, policies.forJurisdiction(jurisdiction).orElseThrow().zone());
                LocalDate closed = DeadlineCalculator.addDays(calendars.calendar(policies.forJurisdiction(jurisdiction)
                        .orElseThrow()), DayUnit.BUSINESS, today, 2);
                boolean months = jurisdiction.equals("es");
                CalendarEntryRecord entry = calendars.add(jurisdiction, new CalendarService.NewEntry(
                        months ? EntryKind.DEADLINE_SUSPENSION : EntryKind.ADMINISTRATIVE_CLOSURE, closed,
                        months ? closed.plusDays(1) : closed, "Decreto 5/2033", "Cierre por mudanza"), "fede-sub");
                closures.add(entry.id);
            });
            moved += change.clocksMoved;
        }
        // Rosario's closure deleted again: the dates come back, one more event each.
        moved += changeAndPlan("rosario", () -> calendars.delete("rosario", closures.get(0), "fede-sub")).clocksMoved;

        // The same clocks...
        for (Map.Entry<UUID, LegalClock> entry : expected.entrySet()) {
            LegalClock actual = QuarkusTransaction.requiringNew().call(() -> LegalClock.findById(entry.getKey()));
            assertThat(State.of(actual)).as("clock %s", entry.getValue().trackingNumber).isEqualTo(State.of(entry.getValue()));
        }
        // ...the same events, in order per clock, each with its own id, on deadline-events...
        Map<UUID, List<DeadlineEvent>> published = new HashMap<>();
        for (Object[] row : Rows.after("SELECT event_id, message_key, topic, type, payload FROM outbox_message WHERE id > ?1 "
                + "AND type = 'DeadlineRescheduled' ORDER BY id", outboxBefore)) {
            Envelope envelope = EventCodec.read((String) row[4]);
            UUID requestId = UUID.fromString((String) row[1]);
            if (!expected.containsKey(requestId)) {
                continue;
            }
            assertThat(envelope.eventId()).isEqualTo(row[0]);
            assertThat(envelope.requestId()).isEqualTo(requestId);
            assertThat(envelope.occurredAt()).isEqualTo(NOW);
            assertThat(row[2]).isEqualTo(Topics.DEADLINE_EVENTS);
            assertThat(envelope.type()).isEqualTo(row[3]);
            published.computeIfAbsent(requestId, id -> new ArrayList<>())
                    .add(EventCodec.decode(envelope, DeadlineEvent.class).orElseThrow());
        }
        assertThat(published).isEqualTo(expectedEvents);
        assertThat(moved).as("clocks moved, change by change").isEqualTo(expectedMoved);
        // ...and the same history lines.
        Map<UUID, List<List<Object>>> lines = new HashMap<>();
        for (Object[] row : Rows.after("SELECT request_id, clock, status, old_due_on, new_due_on, cause, instrument, detail, "
                + "changed_at FROM due_date_change WHERE id > ?1 ORDER BY id", historyBefore)) {
            UUID requestId = (UUID) row[0];
            if (expected.containsKey(requestId)) {
                lines.computeIfAbsent(requestId, id -> new ArrayList<>()).add(Arrays.asList(row).subList(1, 8).stream()
                        .map(value -> value instanceof java.sql.Date date ? date.toLocalDate() : value)
                        .map(value -> value == null ? "" : value).toList());
            }
        }
        Map<UUID, List<List<Object>>> expectedLines = new HashMap<>();
        expectedEvents.forEach((id, events) -> events.forEach(event -> {
            DueDateChange line = DueDateChange.of(id, event, NOW).orElseThrow();
            expectedLines.computeIfAbsent(id, key -> new ArrayList<>()).add(java.util.stream.Stream.of(line.clock,
                    line.status, line.oldDueOn, line.newDueOn, line.cause, line.instrument, line.detail)
                    .map(value -> value == null ? (Object) "" : value).toList());
        }));
        assertThat(lines).isEqualTo(expectedLines);

        // The set was varied enough to mean something.
        List<DeadlineRescheduled> all = expectedEvents.values().stream().flatMap(List::stream)
                .map(DeadlineRescheduled.class::cast).toList();
        assertThat(all).extracting(DeadlineRescheduled::clock).contains(LegalClock.RESPONSE, LegalClock.APPEAL);
        assertThat(expected.values()).extracting(clock -> clock.status).contains(ClockStatus.PAUSED, ClockStatus.STOPPED);
        assertThat(expected.values()).filteredOn(clock -> clock.missedAt != null && clock.appealStatus == AppealStatus.RUNNING)
                .isNotEmpty();
        assertThat(expected.values()).filteredOn(clock -> clock.segmentExtensions > 0).isNotEmpty();
        assertThat(expected.values()).filteredOn(clock -> clock.reminderFloor != null).isNotEmpty();
        assertThat(expected.values().stream().map(RecomputeGroup::of).distinct().count())
                .as("clocks share groups").isLessThan(expected.size());
        assertThat(expectedEvents.keySet()).hasSizeLessThan(expected.size());
    }

    /**
     * Makes a calendar change (which recomputes in the background, set-based), plans the same change on the
     * per-clock path meanwhile, and waits until the recomputation is done.
     */
    private CalendarChange changeAndPlan(String jurisdiction, Runnable makeChange) {
        makeChange.run();
        CalendarChange change = QuarkusTransaction.requiringNew().call(() -> CalendarChange
                .<CalendarChange>find("jurisdiction = ?1 order by version desc", jurisdiction).firstResult());
        QuarkusTransaction.requiringNew().run(() -> {
            Map<String, ClockContext> contexts = new HashMap<>();
            for (LegalClock clock : expected.values()) {
                if (touches(clock, change)) {
                    ClockContext context = contexts.computeIfAbsent(clock.profile + "|" + clock.zone,
                            key -> calendars.context(clock.profile, clock.zone));
                    assertThat(context.calendarVersion()).isEqualTo(change.version);
                    List<DeadlineEvent> events = clock.recompute(context, NOW, change.instrument, RecomputeService.detail(change));
                    if (!events.isEmpty()) {
                        expectedMoved++;
                        expectedEvents.computeIfAbsent(clock.requestId, id -> new ArrayList<>()).addAll(events);
                    }
                }
            }
        });
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(
                () -> QuarkusTransaction.requiringNew().call(() -> CalendarChange.<CalendarChange>findById(change.id)),
                done -> done.recomputedAt != null);
    }

    /** The selection the recomputation makes (its SQL), for the per-clock path. */
    private static boolean touches(LegalClock clock, CalendarChange change) {
        if (!clock.jurisdiction.equals(change.jurisdiction) || clock.calendarVersion >= change.version) {
            return false;
        }
        boolean term = clock.status == ClockStatus.RUNNING && clock.missedAt == null
                && !clock.dueOn.isBefore(change.startsOn) && clock.segmentStartOn.isBefore(change.endsOn);
        boolean appeal = clock.appealStatus == AppealStatus.RUNNING && !clock.appealDueOn.isBefore(change.startsOn)
                && clock.appealDayZero.isBefore(change.endsOn);
        return term || appeal;
    }

    /** Clocks of one profile (in its zone or another) filed on each day of {@link #BACK}, in every scenario. */
    private void seed(String profile, String zone) {
        QuarkusTransaction.requiringNew().run(() -> {
            DeadlinePolicy policy = policies.of(profile, zone);
            ClockContext context = calendars.context(profile, policy.zone().getId());
            LocalDate today = LocalDate.ofInstant(NOW, policy.zone());
            for (int back : BACK) {
                LocalDate filedOn = DeadlineCalculator.daysBefore(context.calendar(), DayUnit.BUSINESS, today, back);
                for (Scenario scenario : Scenario.values()) {
                    String tracking = "AIP-2033-" + (++filed);
                    Instant filedAt = filedOn.atTime(10, 0).atZone(policy.zone()).toInstant();
                    LegalClock clock = LegalClock.start(UUID.randomUUID(), new RequestFiled(tracking, "Contratos", "RECOMPUTE",
                            "es", filedAt, new Person("ana-sub", "Ana Pérez", "ana@example.org"), false), context, filedAt);
                    scenario.moves(clock, context, new Steps(context, filedOn, policy.zone()));
                    clock.sweep(context, NOW);
                    clock.sweep(context, NOW);
                    clock.persist();
                    expected.put(clock.requestId, clock);
                }
            }
        });
    }

    /** Instants k business days after the filing, at 11:00; null when that is not in the past yet. */
    private record Steps(ClockContext context, LocalDate filedOn, ZoneId zone) {
        Instant after(int days) {
            Instant at = DeadlineCalculator.addDays(context.calendar(), DayUnit.BUSINESS, filedOn, days).atTime(11, 0)
                    .atZone(zone).toInstant();
            return at.isBefore(NOW) ? at : null;
        }
    }

    private enum Scenario {
        PLAIN, TWIN, EXTENDED, PAUSED, RESUMED, EXTENDED_WHILE_PAUSED, REFERRED, DENIED, WITHDRAWN;

        void moves(LegalClock clock, ClockContext context, Steps steps) {
            String t = clock.trackingNumber;
            switch (this) {
                case EXTENDED -> at(steps.after(3), at -> clock.extend(new ExtensionGranted(t, "RECOMPUTE", "Volumen",
                        null, at), context, at));
                case PAUSED -> at(steps.after(2), at -> clock.pause(new ClarificationRequested(t, "RECOMPUTE", "?", at), context));
                case RESUMED, EXTENDED_WHILE_PAUSED -> {
                    at(steps.after(2), at -> clock.pause(new ClarificationRequested(t, "RECOMPUTE", "?", at), context));
                    if (this == EXTENDED_WHILE_PAUSED) {
                        at(steps.after(3), at -> clock.extend(new ExtensionGranted(t, "RECOMPUTE", "Volumen", null, at),
                                context, at));
                    }
                    at(steps.after(5), at -> clock.resume(new ClarificationProvided(t, "RECOMPUTE", "!", at), context, at));
                }
                case REFERRED -> at(steps.after(2), at -> clock.refer(new RequestReferred(t, "OTRA", "RECOMPUTE", null,
                        "Competencia", at), context, at));
                case DENIED -> at(steps.after(3), at -> clock.answer(new RequestAnswered(t, "RECOMPUTE", "DENIED", "No",
                        List.of("security"), List.of(), at), context));
                case WITHDRAWN -> at(steps.after(2), at -> clock.withdraw(new RequestWithdrawn(t, "RECOMPUTE", "Ya no", at),
                        context));
                default -> {
                }
            }
        }

        private static void at(Instant at, java.util.function.Consumer<Instant> move) {
            if (at != null) {
                move.accept(at);
            }
        }
    }

    /** What a clock is, for comparing the two paths (every column a recomputation could write, and more). */
    private record State(String profile, String zone, long calendarVersion, ClockStatus status, LocalDate segmentStartOn,
                         int segmentDays, DayUnit segmentUnit, int segmentExtensions, LocalDate dueOn, Instant dueAt,
                         Integer reminderFloor, Instant nextActionAt, Instant missedAt, Instant veryOverdueAt,
                         Integer remainingDays, AppealStatus appealStatus, LocalDate appealDayZero, LocalDate appealDueOn,
                         Instant appealDueAt, String agencyCode) {
        static State of(LegalClock c) {
            Objects.requireNonNull(c, "clock");
            return new State(c.profile, c.zone, c.calendarVersion, c.status, c.segmentStartOn, c.segmentDays, c.segmentUnit,
                    c.segmentExtensions, c.dueOn, c.dueAt, c.reminderFloor, c.nextActionAt, c.missedAt, c.veryOverdueAt,
                    c.remainingDays, c.appealStatus, c.appealDayZero, c.appealDueOn, c.appealDueAt, c.agencyCode);
        }
    }
}
