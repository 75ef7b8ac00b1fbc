package org.acceso.deadline.domain;

import static org.acceso.deadline.domain.ClockFixtures.ROSARIO_CONTEXT;
import static org.acceso.deadline.domain.RosarioFixtures.date;
import static org.acceso.deadline.domain.RosarioFixtures.local;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.acceso.contracts.AppealFiled;
import org.acceso.contracts.AppealWindowClosed;
import org.acceso.contracts.AppealWindowOpened;
import org.acceso.contracts.ClarificationProvided;
import org.acceso.contracts.ClarificationRequested;
import org.acceso.contracts.DeadlineApproaching;
import org.acceso.contracts.DeadlineEvent;
import org.acceso.contracts.DeadlineMissed;
import org.acceso.contracts.DeadlineRescheduled;
import org.acceso.contracts.DeadlineVeryOverdue;
import org.acceso.contracts.ExtensionGranted;
import org.acceso.contracts.RequestAnswered;
import org.acceso.contracts.RequestReferred;
import org.acceso.contracts.RequestWithdrawn;
import org.junit.jupiter.api.Test;

/**
 * The clock's moves on Rosario's calendar. Filed Thu 26 Nov 2026 (day 0): due Mon 21 Dec 2026 (see
 * DeadlineCalculatorTest.shouldEndOn21December2026WhenFiledOn26November2026).
 */
class LegalClockTest {

    private static final Instant FILED = local("2026-11-26T14:20");

    @Test
    void shouldPauseWithTheDaysLeftAndResumeFromTheReply() {
        LegalClock clock = ClockFixtures.started(FILED);

        // Paused Wed 2 Dec: left Thu 3 Fri 4, (Mon 7 bridge, Tue 8 holiday) Wed 9 ... Mon 21 = 11 business days.
        DeadlineRescheduled paused = single(clock.pause(new ClarificationRequested("AIP", "OBRAS", "¿Cuál?",
                local("2026-12-02T10:00")), ROSARIO_CONTEXT));
        assertThat(paused.status()).isEqualTo("PAUSED");
        assertThat(paused.cause()).isEqualTo("CLARIFICATION_REQUESTED");
        assertThat(paused.newDueOn()).isNull();
        assertThat(clock.remainingDays).isEqualTo(11);
        assertThat(clock.nextActionAt).as("a paused clock cannot be missed").isNull();

        // Reply Fri 11 Dec = day 0: Mon 14(1) ... Fri 18(5) Mon 21(6) ... Fri 25 holiday ... 11 days: Tue 29 Dec.
        DeadlineRescheduled resumed = single(clock.resume(new ClarificationProvided("AIP", "OBRAS", "Esta.",
                local("2026-12-11T09:00")), ROSARIO_CONTEXT, local("2026-12-11T09:00")));
        assertThat(resumed.status()).isEqualTo("RUNNING");
        assertThat(resumed.oldDueOn()).isEqualTo(date("2026-12-21"));
        assertThat(resumed.newDueOn()).isEqualTo(date("2026-12-29"));
        assertThat(clock.dueOn).isEqualTo(date("2026-12-29"));
    }

    @Test
    void shouldRestartAFullTermFromTheReplyUnderARestartPolicy() {
        DeadlinePolicy chile = PolicyProfiles.load("cl");
        ClockContext context = new ClockContext(chile, JurisdictionCalendar.of(chile.holidays(), List.of(), true), 1);
        Instant filed = LocalDateTime.parse("2026-09-14T10:00").atZone(chile.zone()).toInstant();
        LegalClock clock = LegalClock.start(UUID.randomUUID(), ClockFixtures.filed(filed), context, filed);

        clock.pause(new ClarificationRequested("AIP", "OBRAS", "?", filed.plusSeconds(3600)), context);
        assertThat(clock.remainingDays).isNull();
        Instant replied = LocalDateTime.parse("2026-10-05T10:00").atZone(chile.zone()).toInstant();
        clock.resume(new ClarificationProvided("AIP", "OBRAS", "!", replied), context, replied);

        // Day 0 Mon 5 Oct; 20 business days (Mon 12 Oct counts in jollyday's CL data): Mon 2 Nov.
        assertThat(clock.segmentStartOn).isEqualTo(date("2026-10-05"));
        assertThat(DeadlineCalculator.countDays(context.calendar(), DayUnit.BUSINESS, date("2026-10-05"), clock.dueOn)).isEqualTo(20);
    }

    @Test
    void shouldKeepWhatComplianceNeedsWhenAnswered() {
        LegalClock clock = ClockFixtures.started(FILED);
        clock.pause(new ClarificationRequested("AIP", "OBRAS", "?", local("2026-12-02T10:00")), ROSARIO_CONTEXT);
        clock.resume(new ClarificationProvided("AIP", "OBRAS", "!", local("2026-12-11T09:00")), ROSARIO_CONTEXT,
                local("2026-12-11T09:00"));

        List<DeadlineEvent> events = clock.answer(new RequestAnswered("AIP", "OBRAS", "DENIED", "No.",
                List.of("personal-data", "security"), List.of(), local("2026-12-16T12:00")), ROSARIO_CONTEXT);

        // Counted: Fri 27 Nov .. Wed 2 Dec = 4 (27, 30, 1, 2); then Mon 14 .. Wed 16 = 3. Paused days excluded: 7.
        assertThat(clock.businessDaysToAnswer).isEqualTo(7);
        assertThat(clock.answerTiming).isEqualTo("INITIAL");
        assertThat(clock.grounds).isEqualTo("personal-data,security");
        assertThat(clock.status).isEqualTo(ClockStatus.STOPPED);
        assertThat(events).hasSize(2);
        assertThat(((DeadlineRescheduled) events.get(0)).cause()).isEqualTo("ANSWERED");
        AppealWindowOpened opened = (AppealWindowOpened) events.get(1);
        // Day 0 Wed 16 Dec; 40 business days (25 Dec, 1 Jan, carnival 8-9 Feb 2027 skipped): Tue 16 Feb 2027.
        assertThat(opened.cause()).isEqualTo("DENIED");
        assertThat(opened.opensOn()).isEqualTo(date("2026-12-16"));
        assertThat(opened.dueOn()).isEqualTo(date("2027-02-16"));
        assertThat(clock.appealStatus).isEqualTo(AppealStatus.RUNNING);
        assertThat(clock.nextActionAt).isEqualTo(clock.appealDueAt.plusSeconds(1));

        assertThat(LegalClockTest.<DeadlineRescheduled>single(clock.appealFiled(new AppealFiled("AIP", "OBRAS", "DENIED", "Quiero.", local("2027-01-04T10:00")),
                ROSARIO_CONTEXT)).clock()).isEqualTo("APPEAL");
        assertThat(clock.nextActionAt).isNull();
    }

    @Test
    void shouldClassifyAnswersAgainstTheInitialAndExtendedDeadlines() {
        LegalClock onTime = ClockFixtures.started(FILED);
        onTime.answer(answered("2026-12-21T23:00"), ROSARIO_CONTEXT);
        assertThat(onTime.answerTiming).isEqualTo("INITIAL");

        LegalClock extended = ClockFixtures.started(FILED);
        extended.extend(new ExtensionGranted("AIP", "OBRAS", "Mucho.", null, local("2026-12-10T13:00")), ROSARIO_CONTEXT,
                local("2026-12-10T13:00"));
        assertThat(extended.dueOn).isEqualTo(date("2027-01-13"));
        extended.answer(answered("2027-01-05T10:00"), ROSARIO_CONTEXT);
        assertThat(extended.answerTiming).isEqualTo("EXTENDED");

        LegalClock late = ClockFixtures.started(FILED);
        late.answer(answered("2026-12-22T10:00"), ROSARIO_CONTEXT);
        assertThat(late.answerTiming).isEqualTo("LATE");
        assertThat(late.businessDaysToAnswer).isEqualTo(16);
    }

    @Test
    void shouldSweepEachReminderTheMissTheOverdueLineAndTheAppealEndOnce() {
        LegalClock clock = ClockFixtures.started(FILED);

        // 5 business days left at the start of Mon 14 Dec; 2 left at the start of Thu 17 Dec.
        assertThat(clock.sweep(ROSARIO_CONTEXT, local("2026-12-13T23:00"))).isEmpty();
        DeadlineApproaching five = (DeadlineApproaching) single(clock.sweep(ROSARIO_CONTEXT, local("2026-12-14T00:00")));
        assertThat(five.daysLeft()).isEqualTo(5);
        assertThat(clock.sweep(ROSARIO_CONTEXT, local("2026-12-14T10:00"))).isEmpty();
        assertThat((LegalClockTest.<DeadlineApproaching>single(clock.sweep(ROSARIO_CONTEXT, local("2026-12-17T00:01")))).daysLeft()).isEqualTo(2);

        List<DeadlineEvent> missed = clock.sweep(ROSARIO_CONTEXT, local("2026-12-22T00:00"));
        assertThat(missed).hasSize(2);
        DeadlineMissed miss = (DeadlineMissed) missed.get(0);
        // The appeal window of the deemed denial: 40 business days from Mon 21 Dec, Fri 19 Feb 2027.
        assertThat(miss.dueOn()).isEqualTo(date("2026-12-21"));
        assertThat(miss.appealDueOn()).isEqualTo(date("2027-02-19"));
        assertThat(((AppealWindowOpened) missed.get(1)).cause()).isEqualTo("DEEMED_DENIED");
        assertThat(clock.sweep(ROSARIO_CONTEXT, local("2026-12-22T10:00"))).isEmpty();

        // 15 business days after Mon 21 Dec (25 Dec and 1 Jan skipped): Wed 13 Jan 2027.
        assertThat(clock.nextActionAt).isEqualTo(local("2027-01-13T00:00"));
        assertThat((LegalClockTest.<DeadlineVeryOverdue>single(clock.sweep(ROSARIO_CONTEXT, local("2027-01-13T00:00")))).daysOverdue()).isEqualTo(15);
        assertThat((LegalClockTest.<AppealWindowClosed>single(clock.sweep(ROSARIO_CONTEXT, local("2027-02-20T00:00")))).dueOn())
                .isEqualTo(date("2027-02-19"));
        assertThat(clock.sweep(ROSARIO_CONTEXT, local("2027-03-01T00:00"))).isEmpty();
        assertThat(clock.nextActionAt).isNull();
    }

    @Test
    void shouldRemindOnceWithTheDaysReallyLeftWhenAClockStartsLate() {
        // Imported on Fri 18 Dec: both reminder days (Mon 14, Thu 17) have passed; one reminder, 1 day left (Mon 21).
        LegalClock clock = LegalClock.start(java.util.UUID.randomUUID(), ClockFixtures.filed(FILED), ROSARIO_CONTEXT,
                local("2026-12-18T10:00"));

        DeadlineApproaching reminder = single(clock.sweep(ROSARIO_CONTEXT, local("2026-12-18T10:00")));
        assertThat(reminder.daysLeft()).isEqualTo(1);
        assertThat(clock.sweep(ROSARIO_CONTEXT, local("2026-12-21T10:00"))).isEmpty();
    }

    @Test
    void shouldPublishOnlyTheMissForAnImportedRequestLongOverdue() {
        LegalClock clock = ClockFixtures.started(local("2026-06-01T10:00"));

        List<DeadlineEvent> events = clock.sweep(ROSARIO_CONTEXT, local("2026-11-27T10:00"));

        assertThat(events).extracting(event -> event.getClass().getSimpleName())
                .containsExactly("DeadlineMissed", "AppealWindowOpened", "DeadlineVeryOverdue", "AppealWindowClosed");
    }

    @Test
    void shouldStopOnAReferralOutsideAndOnWithdrawal() {
        LegalClock referred = ClockFixtures.started(FILED);
        DeadlineRescheduled stop = single(referred.refer(new RequestReferred("AIP", null, "OBRAS", "Provincia de Santa Fe",
                "No es nuestro.", local("2026-11-30T10:00")), ROSARIO_CONTEXT, local("2026-11-30T10:00")));
        assertThat(stop.cause()).isEqualTo("REFERRAL");
        assertThat(stop.status()).isEqualTo("STOPPED");
        assertThat(referred.agencyCode).isEqualTo("OBRAS");

        LegalClock inside = ClockFixtures.started(FILED);
        assertThat(inside.refer(new RequestReferred("AIP", "SALUD", "OBRAS", null, "Es de Salud.",
                local("2026-11-30T10:00")), ROSARIO_CONTEXT, local("2026-11-30T10:00"))).as("Rosario continues").isEmpty();
        assertThat(inside.agencyCode).isEqualTo("SALUD");
        assertThat(inside.dueOn).isEqualTo(date("2026-12-21"));

        LegalClock withdrawn = ClockFixtures.started(FILED);
        assertThat(LegalClockTest.<DeadlineRescheduled>single(withdrawn.withdraw(new RequestWithdrawn("AIP", "OBRAS", "Ya está.", local("2026-12-01T10:00")),
                ROSARIO_CONTEXT)).cause()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.nextActionAt).isNull();
    }

    @Test
    void shouldMoveByOneBusinessDayWhenAClosureFallsInTheWindow() {
        LegalClock clock = ClockFixtures.started(FILED);
        CalendarEntry closure = CalendarEntry.day(EntryKind.ADMINISTRATIVE_CLOSURE, date("2026-12-15"), "Decreto 77/2026", "Cierre");

        DeadlineRescheduled moved = single(clock.recompute(ClockFixtures.with(List.of(closure)), FILED, "Decreto 77/2026", "Cierre"));

        assertThat(moved.cause()).isEqualTo("CALENDAR_CHANGE");
        assertThat(moved.instrument()).isEqualTo("Decreto 77/2026");
        assertThat(moved.newDueOn()).isEqualTo(date("2026-12-22"));
        assertThat(clock.calendarVersion).isEqualTo(2);
        assertThat(clock.recompute(ClockFixtures.with(List.of(closure)), FILED, "Decreto 77/2026", "Cierre")).isEmpty();
    }

    private static RequestAnswered answered(String localTime) {
        return new RequestAnswered("AIP", "OBRAS", "GRANTED", "Aquí está.", List.of(), List.of(), local(localTime));
    }

    @SuppressWarnings("unchecked")
    private static <T extends DeadlineEvent> T single(List<? extends DeadlineEvent> events) {
        assertThat(events).hasSize(1);
        return (T) events.get(0);
    }
}
