package org.acceso.deadline.domain;

import static org.acceso.deadline.domain.ClockFixtures.ROSARIO_CONTEXT;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.acceso.contracts.ClarificationProvided;
import org.acceso.contracts.ClarificationRequested;
import org.acceso.contracts.DeadlineEvent;
import org.acceso.contracts.ExtensionGranted;
import org.acceso.contracts.RequestAnswered;
import org.junit.jupiter.api.Test;

/**
 * A group planned once stands for each of its clocks planned alone: for clocks filed on every day of 2026 (plain,
 * extended, resumed after a pause, denied with an appeal window, missed and swept), {@link RecomputeGroup#replan}
 * gives exactly what {@link LegalClock#recompute} gives each clock, for a closure anywhere in the year.
 */
class RecomputeGroupTest {

    @Test
    void shouldPlanAGroupOnceExactlyAsEachOfItsClocksAlone() {
        List<LegalClock> clocks = new ArrayList<>();
        for (LocalDate day = LocalDate.parse("2026-01-01"); day.getYear() == 2026; day = day.plusDays(1)) {
            Instant filed = noon(day);
            clocks.add(ClockFixtures.started(filed));
            LegalClock extended = ClockFixtures.started(filed);
            extended.extend(new ExtensionGranted("AIP", "OBRAS", "Volumen", null, filed.plusSeconds(86_400)), ROSARIO_CONTEXT,
                    filed.plusSeconds(86_400));
            clocks.add(extended);
            LegalClock resumed = ClockFixtures.started(filed);
            resumed.pause(new ClarificationRequested("AIP", "OBRAS", "?", filed.plusSeconds(2 * 86_400)), ROSARIO_CONTEXT);
            resumed.resume(new ClarificationProvided("AIP", "OBRAS", "!", filed.plusSeconds(9 * 86_400)), ROSARIO_CONTEXT,
                    filed.plusSeconds(9 * 86_400));
            clocks.add(resumed);
            LegalClock denied = ClockFixtures.started(filed);
            denied.answer(new RequestAnswered("AIP", "OBRAS", "DENIED", "No", List.of("security"), List.of(),
                    filed.plusSeconds(3 * 86_400)), ROSARIO_CONTEXT);
            clocks.add(denied);
            LegalClock missed = ClockFixtures.started(filed);
            missed.sweep(ROSARIO_CONTEXT, missed.dueAt.plusSeconds(60));
            missed.sweep(ROSARIO_CONTEXT, missed.dueAt.plusSeconds(20 * 86_400));
            clocks.add(missed);
        }
        Instant now = noon(LocalDate.parse("2026-06-15"));
        for (LocalDate closed : List.of(LocalDate.parse("2026-03-11"), LocalDate.parse("2026-06-17"),
                LocalDate.parse("2026-10-21"))) {
            ClockContext context = ClockFixtures.with(List.of(CalendarEntry.day(EntryKind.ADMINISTRATIVE_CLOSURE, closed,
                    "Decreto 9/2026", "Cierre")));
            Map<RecomputeGroup, RecomputeGroup.Replanned> planned = new HashMap<>();
            int moved = 0;
            for (LegalClock original : clocks) {
                LegalClock alone = copy(original);
                List<DeadlineEvent> events = alone.recompute(context, now, "Decreto 9/2026", "Cierre");
                RecomputeGroup group = RecomputeGroup.of(original);
                RecomputeGroup.Replanned once = planned.computeIfAbsent(group,
                        key -> key.replan(context, now, original.trackingNumber, "Decreto 9/2026", "Cierre"));

                assertThat(once).as("clock filed %s, closure %s", original.receivedOn, closed).isEqualTo(
                        new RecomputeGroup.Replanned(alone.dueOn, alone.dueAt, alone.reminderFloor, alone.nextActionAt,
                                alone.appealDueOn, alone.appealDueAt, events));
                moved += events.isEmpty() ? 0 : 1;
            }
            assertThat(moved).as("closure %s moves clocks", closed).isPositive();
            assertThat(planned.size()).as("distinct groups").isLessThan(clocks.size());
        }
    }

    private static Instant noon(LocalDate day) {
        return day.atTime(12, 0).atZone(RosarioFixtures.ROSARIO_POLICY.zone()).toInstant();
    }

    private static LegalClock copy(LegalClock c) {
        LegalClock copy = new LegalClock();
        copy.requestId = c.requestId;
        copy.trackingNumber = c.trackingNumber;
        copy.jurisdiction = c.jurisdiction;
        copy.profile = c.profile;
        copy.zone = c.zone;
        copy.calendarVersion = c.calendarVersion;
        copy.receivedOn = c.receivedOn;
        copy.status = c.status;
        copy.segmentStartOn = c.segmentStartOn;
        copy.segmentDays = c.segmentDays;
        copy.segmentUnit = c.segmentUnit;
        copy.segmentExtensions = c.segmentExtensions;
        copy.dueOn = c.dueOn;
        copy.dueAt = c.dueAt;
        copy.reminderFloor = c.reminderFloor;
        copy.missedAt = c.missedAt;
        copy.veryOverdueAt = c.veryOverdueAt;
        copy.nextActionAt = c.nextActionAt;
        copy.appealStatus = c.appealStatus;
        copy.appealDayZero = c.appealDayZero;
        copy.appealDueOn = c.appealDueOn;
        copy.appealDueAt = c.appealDueAt;
        return copy;
    }
}
