package org.acceso.deadline.domain;

import static org.acceso.deadline.domain.ClockFixtures.ROSARIO_CONTEXT;
import static org.acceso.deadline.domain.RosarioFixtures.ROSARIO;
import static org.acceso.deadline.domain.RosarioFixtures.ROSARIO_POLICY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.acceso.contracts.ClarificationProvided;
import org.acceso.contracts.ClarificationRequested;
import org.acceso.contracts.ExtensionGranted;
import org.junit.jupiter.api.Test;

/**
 * The legal clock's properties, checked for every filing day of 2025 and 2026 (enumeration, like
 * {@link DeadlineCalculatorExhaustiveTest}; no property-testing library): the due date is a business day; a later
 * filing never gets an earlier date; adding a closure never moves a date earlier (and a closure on a counted day moves
 * it by exactly one business day); pause then resume keeps the remaining business days; an extension adds exactly the
 * policy's days.
 */
class ClockPropertiesTest {

    private static final List<LocalDate> FILING_DAYS = LocalDate.parse("2025-01-01").datesUntil(LocalDate.parse("2027-01-01")).toList();

    @Test
    void shouldNeverMoveADateEarlierWhenAClosureIsAdded() {
        Map<LocalDate, JurisdictionCalendar> withClosure = new HashMap<>();
        for (LocalDate filedOn : FILING_DAYS) {
            Deadline deadline = DeadlineCalculator.schedule(ROSARIO, ROSARIO_POLICY, morning(filedOn));
            for (LocalDate closed = filedOn; !closed.isAfter(deadline.dueOn().plusDays(1)); closed = closed.plusDays(1)) {
                JurisdictionCalendar calendar = withClosure.computeIfAbsent(closed, ClockPropertiesTest::closedOn);
                Deadline moved = DeadlineCalculator.schedule(calendar, ROSARIO_POLICY, morning(filedOn));

                assertThat(moved.dueOn()).as("filed %s, closure on %s", filedOn, closed).isAfterOrEqualTo(deadline.dueOn());
                assertThat(calendar.isBusinessDay(moved.dueOn())).isTrue();
                boolean countedDay = closed.isAfter(deadline.receivedOn()) && !closed.isAfter(deadline.dueOn())
                        && ROSARIO.counts(closed);
                if (countedDay) {
                    assertThat(DeadlineCalculator.countDays(ROSARIO, DayUnit.BUSINESS, deadline.dueOn(), moved.dueOn()))
                            .as("filed %s, closure on %s moves the date by one business day", filedOn, closed).isEqualTo(1);
                }
            }
        }
    }

    @Test
    void shouldKeepTheRemainingBusinessDaysAcrossAPause() {
        for (LocalDate filedOn : FILING_DAYS) {
            for (int pauseAfter : new int[] {0, 1, 7, 14}) {
                LegalClock clock = ClockFixtures.started(morning(filedOn));
                LocalDate pausedOn = DeadlineCalculator.addDays(ROSARIO, DayUnit.BUSINESS, clock.receivedOn, pauseAfter);
                int remaining = DeadlineCalculator.countDays(ROSARIO, DayUnit.BUSINESS, pausedOn, clock.dueOn);

                clock.pause(new ClarificationRequested("AIP", "OBRAS", "¿Cuál?", noon(pausedOn)), ROSARIO_CONTEXT);
                assertThat(clock.status).isEqualTo(ClockStatus.PAUSED);
                assertThat(clock.remainingDays).isEqualTo(remaining);
                LocalDate repliedOn = pausedOn.plusDays(9);
                clock.resume(new ClarificationProvided("AIP", "OBRAS", "Esta.", noon(repliedOn)), ROSARIO_CONTEXT, noon(repliedOn));

                assertThat(clock.status).isEqualTo(ClockStatus.RUNNING);
                assertThat(DeadlineCalculator.countDays(ROSARIO, DayUnit.BUSINESS, clock.segmentStartOn, clock.dueOn))
                        .as("filed %s, paused %s, replied %s", filedOn, pausedOn, repliedOn).isEqualTo(remaining);
                assertThat(clock.segmentStartOn).isAfterOrEqualTo(repliedOn);
                assertThat(ROSARIO.isBusinessDay(clock.dueOn)).isTrue();
            }
        }
    }

    @Test
    void shouldAddExactlyThePolicysDaysWithAnExtension() {
        for (LocalDate filedOn : FILING_DAYS) {
            LegalClock clock = ClockFixtures.started(morning(filedOn));
            LocalDate before = clock.dueOn;

            clock.extend(new ExtensionGranted("AIP", "OBRAS", "Hay que reunir expedientes.",
                    OffsetDateTime.ofInstant(clock.dueAt, ROSARIO_POLICY.zone()), noon(clock.receivedOn)), ROSARIO_CONTEXT,
                    noon(clock.receivedOn)).orElseThrow();

            assertThat(DeadlineCalculator.countDays(ROSARIO, DayUnit.BUSINESS, before, clock.dueOn))
                    .as("filed %s", filedOn).isEqualTo(ROSARIO_POLICY.extensionDays());
            assertThat(ROSARIO.isBusinessDay(clock.dueOn)).isTrue();
            assertThat(clock.extensionsBeforeExpiry).isEqualTo(1);
            assertThat(clock.extend(new ExtensionGranted("AIP", "OBRAS", "Otra vez.", null, noon(clock.receivedOn)),
                    ROSARIO_CONTEXT, noon(clock.receivedOn))).as("a second extension").isEmpty();
        }
    }

    @Test
    void shouldStartEveryClockOnABusinessDayAndNeverEarlierForALaterFiling() {
        LocalDate previous = null;
        for (LocalDate filedOn : FILING_DAYS) {
            LegalClock clock = LegalClock.start(UUID.randomUUID(), ClockFixtures.filed(morning(filedOn)), ROSARIO_CONTEXT,
                    morning(filedOn));
            assertThat(ROSARIO.isBusinessDay(clock.dueOn)).isTrue();
            assertThat(clock.nextActionAt).isNotNull().isBeforeOrEqualTo(clock.dueAt.plusSeconds(1));
            if (previous != null) {
                assertThat(clock.dueOn).isAfterOrEqualTo(previous);
            }
            previous = clock.dueOn;
        }
    }

    private static JurisdictionCalendar closedOn(LocalDate day) {
        List<CalendarEntry> entries = new java.util.ArrayList<>(RosarioFixtures.BRIDGE_DAYS);
        entries.add(CalendarEntry.day(EntryKind.ADMINISTRATIVE_CLOSURE, day, "Decreto 1/2026", "Cierre"));
        return JurisdictionCalendar.rosario(entries, true);
    }

    private static Instant morning(LocalDate day) {
        return day.atTime(9, 0).atZone(ROSARIO_POLICY.zone()).toInstant();
    }

    private static Instant noon(LocalDate day) {
        return day.atTime(12, 0).atZone(ROSARIO_POLICY.zone()).toInstant();
    }
}
