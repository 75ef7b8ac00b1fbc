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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.acceso.contracts.DeadlineEvent;
import org.acceso.contracts.DeadlineRescheduled;
import org.acceso.contracts.Envelope;
import org.acceso.contracts.EventCodec;
import org.acceso.contracts.Person;
import org.acceso.contracts.RequestFiled;
import org.acceso.contracts.RequestWithdrawn;
import org.acceso.deadline.MutableClock;
import org.acceso.deadline.domain.CalendarChange;
import org.acceso.deadline.domain.ClockContext;
import org.acceso.deadline.domain.ClockStatus;
import org.acceso.deadline.domain.DayUnit;
import org.acceso.deadline.domain.DeadlineCalculator;
import org.acceso.deadline.domain.EntryKind;
import org.acceso.deadline.domain.LegalClock;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A batch reads its clocks without locking them and lets its update lock and re-check them: a clock that changes
 * between the read and the update (a sweep marks a reminder, a withdrawal stops it) must still end right, recomputed
 * once from what it is at the update, or not at all when it left the window. Set in 2037, so no other test's clock is
 * touched; batches of 5 (test configuration), the changes made in the first batch of the worker that has the clocks.
 */
@QuarkusTest
class RecomputeRaceTest {

    private static final ZoneId ZONE = ZoneId.of("America/Argentina/Cordoba");
    private static final Instant NOW = LocalDateTime.parse("2037-03-10T12:00").atZone(ZONE).toInstant();
    private static final int CLOCKS = 12;

    @Inject
    CalendarService calendars;

    @Inject
    RecomputeService recompute;

    @AfterEach
    void reset() {
        recompute.afterRead(null);
        MutableClock.reset();
    }

    @Test
    void shouldRecomputeOnceAClockChangedBetweenTheReadAndTheUpdateAndSkipOneThatLeftTheWindow() {
        MutableClock.set(NOW);
        ClockContext before = QuarkusTransaction.requiringNew().call(() -> calendars.contextInForce());
        LocalDate today = LocalDate.ofInstant(NOW, ZONE);
        LocalDate filedOn = DeadlineCalculator.daysBefore(before.calendar(), DayUnit.BUSINESS, today, 3);
        List<UUID> ids = new ArrayList<>();
        java.util.Random random = new java.util.Random();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < CLOCKS; i++) {
                Instant filedAt = filedOn.atTime(10, 0).atZone(ZONE).toInstant();
                // Ids in the first part of the request ids (RecomputeService.Part), so one worker meets them all.
                UUID id = new UUID(((long) i << 48) | (random.nextLong() & 0xFFFF_FFFF_FFFFL), random.nextLong());
                LegalClock clock = LegalClock.start(id, new RequestFiled("AIP-2037-" + i, "Obras", "RACE",
                        "es", filedAt, new Person("ana-sub", "Ana Pérez", "ana@example.org"), false), before, filedAt);
                clock.persist();
                ids.add(clock.requestId);
            }
        });
        // The first batch (same due date: the five lowest ids) holds the two clocks changed behind its back.
        List<UUID> firstBatch = ids.stream().sorted(RecomputeRaceTest::postgresOrder).limit(5).toList();
        UUID reminded = firstBatch.get(1);
        UUID withdrawn = firstBatch.get(3);
        AtomicBoolean once = new AtomicBoolean();
        recompute.afterRead(() -> {
            if (once.compareAndSet(false, true)) {
                QuarkusTransaction.requiringNew().run(() -> {
                    // As a sweep marking the "5 days left" reminder would: an input of the group changes, not the version.
                    LegalClock clock = LegalClock.findById(reminded);
                    clock.reminderFloor = 5;
                    // A withdrawal: the clock leaves the window.
                    LegalClock other = LegalClock.findById(withdrawn);
                    other.withdraw(new RequestWithdrawn(other.trackingNumber, "RACE", "Ya no", NOW), before);
                });
            }
        });
        long outboxBefore = Rows.maxId("outbox_message");
        long historyBefore = Rows.maxId("due_date_change");

        LocalDate closed = DeadlineCalculator.addDays(before.calendar(), DayUnit.BUSINESS, today, 2);
        calendars.add("rosario", new CalendarService.NewEntry(EntryKind.ADMINISTRATIVE_CLOSURE, closed, closed,
                "Decreto 7/2037", "Cierre"), "fede-sub");
        CalendarChange change = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(
                () -> QuarkusTransaction.requiringNew().call(() -> CalendarChange
                        .<CalendarChange>find("instrument = ?1", "Decreto 7/2037").firstResult()),
                found -> found != null && found.recomputedAt != null);
        assertThat(once).as("the race happened").isTrue();

        // The withdrawn clock left the window between the read and the update: untouched.
        Map<UUID, LegalClock> atEnd = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (UUID id : ids) {
                atEnd.put(id, LegalClock.findById(id));
            }
        });
        assertThat(atEnd.get(withdrawn).status).isEqualTo(ClockStatus.STOPPED);
        assertThat(atEnd.get(withdrawn).calendarVersion).as("a clock that left the window is not recomputed")
                .isLessThan(change.version);
        // Every other clock, the reminded one included, moved by one business day, once.
        Map<UUID, List<DeadlineRescheduled>> published = new HashMap<>();
        for (Object[] row : Rows.after("SELECT message_key, payload FROM outbox_message WHERE id > ?1 "
                + "AND type = 'DeadlineRescheduled' ORDER BY id", outboxBefore)) {
            UUID requestId = UUID.fromString((String) row[0]);
            if (ids.contains(requestId)) {
                Envelope envelope = EventCodec.read((String) row[1]);
                published.computeIfAbsent(requestId, id -> new ArrayList<>())
                        .add((DeadlineRescheduled) EventCodec.decode(envelope, DeadlineEvent.class).orElseThrow());
            }
        }
        assertThat(published).containsOnlyKeys(ids.stream().filter(id -> !id.equals(withdrawn)).toList());
        LocalDate oldDue = DeadlineCalculator.addDays(before.calendar(), DayUnit.BUSINESS, filedOn, 15);
        LocalDate newDue = DeadlineCalculator.addDays(before.calendar(), DayUnit.BUSINESS, oldDue, 1);
        published.forEach((id, events) -> {
            assertThat(events).as("clock %s", id).hasSize(1);
            DeadlineRescheduled event = events.get(0);
            assertThat(event.cause()).isEqualTo("CALENDAR_CHANGE");
            assertThat(event.instrument()).isEqualTo("Decreto 7/2037");
            assertThat(event.clock()).isEqualTo(LegalClock.RESPONSE);
            assertThat(event.oldDueOn()).isEqualTo(oldDue);
            assertThat(event.newDueOn()).isEqualTo(newDue);
            assertThat(atEnd.get(id).dueOn).isEqualTo(newDue);
            assertThat(atEnd.get(id).calendarVersion).isEqualTo(change.version);
        });
        List<Object[]> lines = Rows.after("SELECT request_id, cause, instrument, old_due_on, new_due_on FROM due_date_change "
                + "WHERE id > ?1 AND cause = 'CALENDAR_CHANGE'", historyBefore);
        assertThat(lines.stream().map(row -> (UUID) row[0]).filter(ids::contains).toList())
                .as("one history line per moved clock").hasSize(CLOCKS - 1).doesNotHaveDuplicates().doesNotContain(withdrawn);
        assertThat(change.clocksMoved).isEqualTo(CLOCKS - 1);
        // The reminded clock's reminders were armed again for its new due date, as planning it alone does.
        QuarkusTransaction.requiringNew().run(() -> {
            LegalClock alone = LegalClock.findById(reminded);
            LegalClock replanned = new LegalClock();
            copyPlanInputs(alone, replanned);
            replanned.dueOn = oldDue;
            replanned.dueAt = DeadlineCalculator.endOfDay(oldDue, ZONE).toInstant();
            replanned.reminderFloor = 5;
            replanned.calendarVersion = before.calendarVersion();
            List<DeadlineEvent> events = replanned.recompute(calendars.context("ar-rosario", ZONE.getId()), NOW,
                    "Decreto 7/2037", RecomputeService.detail(change));
            assertThat(events).hasSize(1);
            assertThat(alone.reminderFloor).isEqualTo(replanned.reminderFloor);
            assertThat(alone.nextActionAt).isEqualTo(replanned.nextActionAt);
            assertThat(alone.dueAt).isEqualTo(replanned.dueAt);
        });
    }

    private static void copyPlanInputs(LegalClock from, LegalClock to) {
        to.requestId = from.requestId;
        to.trackingNumber = from.trackingNumber;
        to.jurisdiction = from.jurisdiction;
        to.profile = from.profile;
        to.zone = from.zone;
        to.status = from.status;
        to.missedAt = from.missedAt;
        to.veryOverdueAt = from.veryOverdueAt;
        to.segmentStartOn = from.segmentStartOn;
        to.segmentDays = from.segmentDays;
        to.segmentUnit = from.segmentUnit;
        to.segmentExtensions = from.segmentExtensions;
        to.dueOn = from.dueOn;
        to.dueAt = from.dueAt;
        to.reminderFloor = from.reminderFloor;
        to.appealStatus = from.appealStatus;
        to.appealDayZero = from.appealDayZero;
        to.appealDueOn = from.appealDueOn;
        to.appealDueAt = from.appealDueAt;
    }

    /** PostgreSQL orders uuids by their bytes, unsigned; Java's UUID.compareTo is signed. */
    private static int postgresOrder(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
