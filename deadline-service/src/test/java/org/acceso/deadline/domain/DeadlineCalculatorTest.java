package org.acceso.deadline.domain;

import static org.acceso.deadline.domain.RosarioFixtures.ROSARIO;
import static org.acceso.deadline.domain.RosarioFixtures.ROSARIO_POLICY;
import static org.acceso.deadline.domain.RosarioFixtures.date;
import static org.acceso.deadline.domain.RosarioFixtures.local;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rosario policy (15 business days) on the Rosario calendar with the seeded bridge days. Every expected date
 * was counted by hand; the count is written next to each case. "(n)" is business day n; day 0 is the receipt.
 */
class DeadlineCalculatorTest {

    static Stream<Arguments> rosarioCases() {
        return Stream.of(
                // Fri 13 Feb 2026 = day 0. Mon 16, Tue 17 carnival. Wed 18(1) Thu 19(2) Fri 20(3) Mon 23(4) Tue 24(5)
                // Wed 25(6) Thu 26(7) Fri 27(8) Mon 2 Mar(9) Tue 3(10) Wed 4(11) Thu 5(12) Fri 6(13) Mon 9(14) Tue 10(15).
                Arguments.of("shouldSkipCarnival2026", "2026-02-13T10:00", "2026-02-13", "2026-03-10"),
                // Fri 28 Feb 2025 = day 0. Mon 3, Tue 4 Mar carnival. Wed 5(1) Thu 6(2) Fri 7(3) Mon 10(4) Tue 11(5)
                // Wed 12(6) Thu 13(7) Fri 14(8) Mon 17(9) Tue 18(10) Wed 19(11) Thu 20(12) Fri 21(13)
                // Mon 24 holiday, Tue 25(14) Wed 26(15).
                Arguments.of("shouldSkipCarnival2025And24March", "2025-02-28T09:00", "2025-02-28", "2025-03-26"),
                // Wed 16 Apr 2025 = day 0. Thu 17 Jueves Santo, Fri 18 Good Friday. Mon 21(1) Tue 22(2) Wed 23(3)
                // Thu 24(4) Fri 25(5) Mon 28(6) Tue 29(7) Wed 30(8), Thu 1 May holiday, Fri 2 May bridge,
                // Mon 5(9) Tue 6(10) Wed 7(11) Thu 8(12) Fri 9(13) Mon 12(14) Tue 13(15).
                Arguments.of("shouldSkipHolyWeekAndMayBridge", "2025-04-16T12:00", "2025-04-16", "2025-05-13"),
                // Fri 21 Mar 2025 = day 0. Mon 24 holiday. Tue 25(1) Wed 26(2) Thu 27(3) Fri 28(4) Mon 31(5)
                // Tue 1 Apr(6), Wed 2 holiday, Thu 3(7) Fri 4(8) Mon 7(9) Tue 8(10) Wed 9(11) Thu 10(12) Fri 11(13)
                // Mon 14(14) Tue 15(15).
                Arguments.of("shouldSkip24MarchAnd2April2025", "2025-03-21T10:00", "2025-03-21", "2025-04-15"),
                // Tue 1 Apr 2025 = day 0. Wed 2 holiday. Thu 3(1) Fri 4(2) Mon 7(3) Tue 8(4) Wed 9(5) Thu 10(6)
                // Fri 11(7) Mon 14(8) Tue 15(9) Wed 16(10), Thu 17 Jueves Santo, Fri 18 Good Friday, Mon 21(11)
                // Tue 22(12) Wed 23(13) Thu 24(14) Fri 25(15).
                Arguments.of("shouldSkip2AprilAndHolyWeek2025", "2025-04-01T10:00", "2025-04-01", "2025-04-25"),
                // Fri 20 Mar 2026 = day 0. Mon 23 bridge, Tue 24 holiday. Wed 25(1) Thu 26(2) Fri 27(3) Mon 30(4)
                // Tue 31(5) Wed 1 Apr(6), Thu 2 Malvinas + Jueves Santo, Fri 3 Good Friday, Mon 6(7) Tue 7(8)
                // Wed 8(9) Thu 9(10) Fri 10(11) Mon 13(12) Tue 14(13) Wed 15(14) Thu 16(15).
                Arguments.of("shouldSkipMarchBridge24MarchAndHolyWeek2026", "2026-03-20T10:00", "2026-03-20", "2026-04-16"),
                // Mon 24 Mar 2025 is a holiday: received Tue 25 (day 0). Wed 26(1) Thu 27(2) Fri 28(3) Mon 31(4)
                // Tue 1 Apr(5), Wed 2 holiday, Thu 3(6) Fri 4(7) Mon 7(8) Tue 8(9) Wed 9(10) Thu 10(11) Fri 11(12)
                // Mon 14(13) Tue 15(14) Wed 16(15).
                Arguments.of("shouldReceiveOnTheNextBusinessDayWhenFiledOnAHoliday", "2025-03-24T10:00", "2025-03-25", "2025-04-16"),
                // Mon 6 Oct 2025 = day 0. Tue 7 Rosario's patron saint. Wed 8(1) Thu 9(2) Fri 10(3); 12 Oct is a
                // Sunday and stays, so Mon 13(4) counts. Tue 14(5) Wed 15(6) Thu 16(7) Fri 17(8) Mon 20(9) Tue 21(10)
                // Wed 22(11) Thu 23(12) Fri 24(13) Mon 27(14) Tue 28(15).
                Arguments.of("shouldSkipSeventhOctober2025", "2025-10-06T10:00", "2025-10-06", "2025-10-28"),
                // Tue 6 Oct 2026 = day 0. Wed 7 Rosario. Thu 8(1) Fri 9(2), Mon 12 holiday, Tue 13(3) Wed 14(4)
                // Thu 15(5) Fri 16(6) Mon 19(7) Tue 20(8) Wed 21(9) Thu 22(10) Fri 23(11) Mon 26(12) Tue 27(13)
                // Wed 28(14) Thu 29(15).
                Arguments.of("shouldSkipSeventhAndTwelfthOctober2026", "2026-10-06T10:00", "2026-10-06", "2026-10-29"),
                // Wed 19 Nov 2025 = day 0. Thu 20(1) counts (the holiday moved), Fri 21 bridge, Mon 24 holiday.
                // Tue 25(2) Wed 26(3) Thu 27(4) Fri 28(5) Mon 1 Dec(6) Tue 2(7) Wed 3(8) Thu 4(9) Fri 5(10),
                // Mon 8 holiday, Tue 9(11) Wed 10(12) Thu 11(13) Fri 12(14) Mon 15(15).
                Arguments.of("shouldSkipNovemberBridgeAndMovedSoberania", "2025-11-19T10:00", "2025-11-19", "2025-12-15"),
                // Thu 4 Dec 2025 = day 0. Fri 5(1), Mon 8 holiday, Tue 9(2) Wed 10(3) Thu 11(4) Fri 12(5) Mon 15(6)
                // Tue 16(7) Wed 17(8) Thu 18(9) Fri 19(10) Mon 22(11) Tue 23(12) Wed 24(13), Thu 25 holiday,
                // Fri 26(14) Mon 29(15).
                Arguments.of("shouldSkip8And25December", "2025-12-04T10:00", "2025-12-04", "2025-12-29"),
                // Sat 6 Sep 2025: received Mon 8 (day 0), day 1 is Tue 9. No holidays: three weeks, Mon 29 Sep(15).
                Arguments.of("shouldReceiveASaturdayFilingOnMonday", "2025-09-06T11:00", "2025-09-08", "2025-09-29"),
                // Sun 7 Sep 2025: received Mon 8 (day 0), as a Saturday filing: Mon 29 Sep(15).
                Arguments.of("shouldReceiveASundayFilingOnMonday", "2025-09-07T16:45", "2025-09-08", "2025-09-29"),
                // Sun 15 Feb 2026, carnival eve: Mon 16 and Tue 17 are holidays, received Wed 18 (day 0). Thu 19(1)
                // Fri 20(2) Mon 23(3) ... Fri 27(7) Mon 2 Mar(8) ... Fri 6(12) Mon 9(13) Tue 10(14) Wed 11(15).
                Arguments.of("shouldReceiveASundayFilingBeforeCarnivalAfterIt", "2026-02-15T09:00", "2026-02-18", "2026-03-11"),
                // Sat 7 Jun 2025: received Mon 9 (day 0). Tue 10(1) Wed 11(2) Thu 12(3) Fri 13(4), Mon 16 Güemes,
                // Tue 17(5) Wed 18(6) Thu 19(7), Fri 20 Belgrano, Mon 23(8) Tue 24(9) Wed 25(10) Thu 26(11)
                // Fri 27(12) Mon 30(13) Tue 1 Jul(14) Wed 2(15).
                Arguments.of("shouldReceiveASaturdayFilingOnMondayAndSkipJuneHolidays", "2025-06-07T11:00", "2025-06-09", "2025-07-02"),
                // Wed 24 Dec 2025 late evening, a business day = day 0. Thu 25 holiday, Fri 26(1) Mon 29(2)
                // Tue 30(3) Wed 31(4), Thu 1 Jan holiday, Fri 2(5) Mon 5(6) Tue 6(7) Wed 7(8) Thu 8(9) Fri 9(10)
                // Mon 12(11) Tue 13(12) Wed 14(13) Thu 15(14) Fri 16(15).
                Arguments.of("shouldReceiveOnTheHolidayEveItself", "2025-12-24T23:30", "2025-12-24", "2026-01-16"),
                // Fri 12 Sep 2025 23:30 local (Sat 02:30 UTC) = day 0 Fri 12. Mon 15(1) ... Fri 3 Oct(15).
                Arguments.of("shouldUseTheLocalDateForALateFridayFiling", "2025-09-12T23:30", "2025-09-12", "2025-10-03"),
                // Thu 26 Nov 2026 = day 0. Fri 27(1) Mon 30(2) Tue 1 Dec(3) Wed 2(4) Thu 3(5) Fri 4(6),
                // Mon 7 bridge, Tue 8 holiday, Wed 9(7) Thu 10(8) Fri 11(9) Mon 14(10) Tue 15(11) Wed 16(12)
                // Thu 17(13) Fri 18(14) Mon 21(15).
                Arguments.of("shouldSkipDecemberBridgeAndImmaculateConception2026", "2026-11-26T10:00", "2026-11-26", "2026-12-21"));
    }

    @ParameterizedTest(name = "{0}: filed {1} -> received {2}, due {3}")
    @MethodSource("rosarioCases")
    void shouldScheduleRosarioDeadlines(String behaviour, String filedLocal, String receivedOn, String dueOn) {
        Deadline deadline = DeadlineCalculator.schedule(ROSARIO, ROSARIO_POLICY, local(filedLocal));

        assertThat(deadline.receivedOn()).isEqualTo(date(receivedOn));
        assertThat(deadline.dueOn()).isEqualTo(date(dueOn));
        assertThat(deadline.dueAt()).isEqualTo(OffsetDateTime.parse(dueOn + "T23:59:59-03:00"));
    }

    @Test
    void shouldUseTheLocalDateWhenUtcIsAlreadySaturday() {
        Instant fridayNightInRosario = Instant.parse("2025-09-13T02:30:00Z");

        Deadline deadline = DeadlineCalculator.schedule(ROSARIO, ROSARIO_POLICY, fridayNightInRosario);

        // Received Fri 12 Sep (not Mon 15, as the UTC date would give), due Fri 3 Oct (not Mon 6).
        assertThat(deadline).isEqualTo(new Deadline(date("2025-09-12"), date("2025-10-03"),
                OffsetDateTime.parse("2025-10-03T23:59:59-03:00")));
    }

    @Test
    void shouldEndOn21December2026WhenFiledOn26November2026() {
        // Day 0 Thu 26 Nov. Fri 27(1) Mon 30(2) Tue 1(3) Wed 2(4) Thu 3(5) Fri 4(6); Mon 7 Dec is a bridge day
        // (Resolución JGM 164/2025) and Tue 8 Dec a holiday; Wed 9(7) Thu 10(8) Fri 11(9) Mon 14(10) Tue 15(11)
        // Wed 16(12) Thu 17(13) Fri 18(14) Mon 21(15).
        Deadline deadline = DeadlineCalculator.schedule(ROSARIO, ROSARIO_POLICY, local("2026-11-26T15:20"));

        assertThat(deadline).isEqualTo(new Deadline(date("2026-11-26"), date("2026-12-21"),
                OffsetDateTime.parse("2026-12-21T23:59:59-03:00")));
    }

    @Test
    void shouldCountNonWorkingDaysWhenTheCalendarStaysOpenOnThem() {
        JurisdictionCalendar open = JurisdictionCalendar.rosario(RosarioFixtures.BRIDGE_DAYS, false);

        // Day 0 Wed 16 Apr 2025. Thu 17 Jueves Santo now counts (1), Fri 18 Good Friday, Mon 21(2) Tue 22(3)
        // Wed 23(4) Thu 24(5) Fri 25(6) Mon 28(7) Tue 29(8) Wed 30(9), Thu 1 May holiday, Fri 2 May bridge
        // now counts (10), Mon 5(11) Tue 6(12) Wed 7(13) Thu 8(14) Fri 9(15).
        Deadline deadline = DeadlineCalculator.schedule(open, ROSARIO_POLICY, local("2025-04-16T12:00"));

        assertThat(deadline.dueOn()).isEqualTo(date("2025-05-09"));
    }

    @Test
    void shouldCountSeventhOctoberOnTheNationalCalendar() {
        // As shouldSkipSeventhOctober2025, with Tue 7 Oct counting: one business day earlier, Mon 27 Oct.
        Deadline deadline = DeadlineCalculator.schedule(JurisdictionCalendar.argentina(List.of(), true), ROSARIO_POLICY,
                local("2025-10-06T10:00"));

        assertThat(deadline.dueOn()).isEqualTo(date("2025-10-27"));
    }

    @Test
    void shouldReceiveOnTheNextBusinessDayAfterTheCutoff() {
        DeadlinePolicy withCutoff = ROSARIO_POLICY.withCutoff(LocalTime.of(14, 0));

        // Mon 8 Sep 2025: at 14:00 still day 0 Mon 8 (due Mon 29 Sep); at 14:00:01 day 0 is Tue 9 (due Tue 30 Sep).
        assertThat(DeadlineCalculator.schedule(ROSARIO, withCutoff, local("2025-09-08T14:00")).dueOn()).isEqualTo(date("2025-09-29"));
        Deadline late = DeadlineCalculator.schedule(ROSARIO, withCutoff, local("2025-09-08T14:00:01"));
        assertThat(late.receivedOn()).isEqualTo(date("2025-09-09"));
        assertThat(late.dueOn()).isEqualTo(date("2025-09-30"));
        // Fri 12 Sep after the cut-off: received Mon 15.
        assertThat(DeadlineCalculator.schedule(ROSARIO, withCutoff, local("2025-09-12T18:00")).receivedOn()).isEqualTo(date("2025-09-15"));
    }

    @Test
    void shouldNotCountSuspendedDays() {
        CalendarEntry suspension = new CalendarEntry(EntryKind.DEADLINE_SUSPENSION, date("2025-09-15"), date("2025-09-19"),
                "Decreto 1003/2025", "Suspensión de plazos");
        JurisdictionCalendar calendar = JurisdictionCalendar.rosario(List.of(suspension), true);

        // Day 0 Mon 8 Sep. Tue 9(1) Wed 10(2) Thu 11(3) Fri 12(4), 15-19 Sep suspended, Mon 22(5) Tue 23(6)
        // Wed 24(7) Thu 25(8) Fri 26(9) Mon 29(10) Tue 30(11) Wed 1 Oct(12) Thu 2(13) Fri 3(14) Mon 6(15).
        assertThat(DeadlineCalculator.schedule(calendar, ROSARIO_POLICY, local("2025-09-08T10:00")).dueOn())
                .isEqualTo(date("2025-10-06"));
    }

    @Test
    void shouldReceiveDuringASuspensionAndStartCountingAfterIt() {
        CalendarEntry suspension = new CalendarEntry(EntryKind.DEADLINE_SUSPENSION, date("2025-09-15"), date("2025-09-19"),
                "Decreto 1003/2025", "Suspensión de plazos");
        JurisdictionCalendar calendar = JurisdictionCalendar.rosario(List.of(suspension), true);

        // Wed 17 Sep is open: day 0. Mon 22(1) Tue 23(2) Wed 24(3) Thu 25(4) Fri 26(5) Mon 29(6) Tue 30(7)
        // Wed 1 Oct(8) Thu 2(9) Fri 3(10) Mon 6(11), Tue 7 Rosario, Wed 8(12) Thu 9(13) Fri 10(14) Mon 13(15).
        Deadline deadline = DeadlineCalculator.schedule(calendar, ROSARIO_POLICY, local("2025-09-17T10:00"));

        assertThat(deadline.receivedOn()).isEqualTo(date("2025-09-17"));
        assertThat(deadline.dueOn()).isEqualTo(date("2025-10-13"));
    }

    @Test
    void shouldCountCalendarDaysAndMoveALastDayOffToTheNextBusinessDay() {
        DeadlinePolicy twentyCalendarDays = RosarioFixtures.withTerm(20, DayUnit.CALENDAR);
        DeadlinePolicy tenCalendarDays = RosarioFixtures.withTerm(10, DayUnit.CALENDAR);

        // Day 0 Mon 8 Sep 2025; day 20 is Sun 28 Sep, not a business day: due Mon 29.
        assertThat(DeadlineCalculator.schedule(ROSARIO, twentyCalendarDays, local("2025-09-08T10:00")).dueOn()).isEqualTo(date("2025-09-29"));
        // Day 0 Mon 8 Sep 2025; day 10 is Thu 18 Sep, a business day.
        assertThat(DeadlineCalculator.schedule(ROSARIO, tenCalendarDays, local("2025-09-08T10:00")).dueOn()).isEqualTo(date("2025-09-18"));
        // Saturday filings are still received on the next business day: Sat 6 Sep -> Mon 8.
        assertThat(DeadlineCalculator.schedule(ROSARIO, tenCalendarDays, local("2025-09-06T10:00")).receivedOn()).isEqualTo(date("2025-09-08"));
    }

    @Test
    void shouldExtendByAddingBusinessDaysToTheDueDate() {
        // First deadline Mon 29 Sep 2025 (see shouldReceiveASaturdayFilingOnMonday). +15: Tue 30(1) Wed 1 Oct(2)
        // Thu 2(3) Fri 3(4) Mon 6(5), Tue 7 Rosario, Wed 8(6) Thu 9(7) Fri 10(8) Mon 13(9) Tue 14(10) Wed 15(11)
        // Thu 16(12) Fri 17(13) Mon 20(14) Tue 21(15).
        assertThat(DeadlineCalculator.addDays(ROSARIO, DayUnit.BUSINESS, date("2025-09-29"), 15)).isEqualTo(date("2025-10-21"));
        assertThat(DeadlineCalculator.countDays(ROSARIO, DayUnit.BUSINESS, date("2025-09-29"), date("2025-10-21"))).isEqualTo(15);
    }

    @Test
    void shouldWorkWithAnyBusinessCalendar() {
        BusinessCalendar weekdays = day -> day.getDayOfWeek().getValue() <= 5;

        // Day 0 Mon 24 Mar 2025 (no holidays here): three weeks later, Mon 14 Apr.
        assertThat(DeadlineCalculator.schedule(weekdays, ROSARIO_POLICY, local("2025-03-24T10:00")).dueOn()).isEqualTo(date("2025-04-14"));
    }

    @Test
    void shouldRefuseACalendarWithoutBusinessDays() {
        BusinessCalendar closedForever = day -> false;

        assertThatThrownBy(() -> DeadlineCalculator.schedule(closedForever, ROSARIO_POLICY, Instant.parse("2025-01-01T12:00:00Z")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldRejectAPolicyWithoutResponseDays() {
        assertThatThrownBy(() -> RosarioFixtures.withTerm(0, DayUnit.BUSINESS))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
