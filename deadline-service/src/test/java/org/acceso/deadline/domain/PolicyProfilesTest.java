package org.acceso.deadline.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One table row per shipped profile: the policy as data, and a filing counted by hand on the profile's own calendar
 * (jollyday's bundled data for the non-Argentine ones; see docs/compliance.md for what was verified), with its
 * extension counted from the due date.
 */
class PolicyProfilesTest {

    static Stream<Arguments> profiles() {
        return Stream.of(
                // profile, jurisdiction, zone, days, unit, ext days, ext max, clarification, referral, appeal days, appeal unit,
                // filed (local), received, due, due after one extension (or null when the profile has none)
                // Day 0 Thu 26 Nov 2026; Mon 7 Dec bridge day is a hand entry of Rosario (not here), so without entries
                // ... see shouldScheduleEachProfile for Rosario with its seeded entries.
                Arguments.of("ar-rosario", "rosario", "America/Argentina/Cordoba", 15, DayUnit.BUSINESS, 15, 1,
                        ClarificationEffect.PAUSE, ReferralEffect.CONTINUE, 40, DayUnit.BUSINESS,
                        // Tue 6 Oct 2026 = day 0. Wed 7 Rosario. Thu 8(1) Fri 9(2), Mon 12 holiday, Tue 13(3) ... Thu 29(15).
                        // +15: Fri 30(1) Mon 2 Nov(2) Tue 3(3) Wed 4(4) Thu 5(5) Fri 6(6) Mon 9(7) Tue 10(8) Wed 11(9)
                        // Thu 12(10) Fri 13(11) Mon 16(12) Tue 17(13) Wed 18(14) Thu 19(15).
                        "2026-10-06T10:00", "2026-10-06", "2026-10-29", "2026-11-19"),
                Arguments.of("ar-national", "ar", "America/Argentina/Buenos_Aires", 15, DayUnit.BUSINESS, 15, 1,
                        ClarificationEffect.PAUSE, ReferralEffect.CONTINUE, 40, DayUnit.BUSINESS,
                        // Tue 6 Oct 2026 = day 0; 7 Oct counts nationally: Wed 7(1) Thu 8(2) Fri 9(3), Mon 12 holiday,
                        // Tue 13(4) ... Wed 28(15). +15: Thu 29(1) Fri 30(2) Mon 2 Nov(3) ... Wed 18(15).
                        "2026-10-06T10:00", "2026-10-06", "2026-10-28", "2026-11-18"),
                Arguments.of("ar-caba", "caba", "America/Argentina/Buenos_Aires", 15, DayUnit.BUSINESS, 10, 1,
                        ClarificationEffect.PAUSE, ReferralEffect.CONTINUE, 40, DayUnit.BUSINESS,
                        // As ar-national, due Wed 28 Oct. +10: Thu 29(1) Fri 30(2) Mon 2 Nov(3) Tue 3(4) Wed 4(5) Thu 5(6)
                        // Fri 6(7) Mon 9(8) Tue 10(9) Wed 11(10).
                        "2026-10-06T10:00", "2026-10-06", "2026-10-28", "2026-11-11"),
                Arguments.of("cl", "cl", "America/Santiago", 20, DayUnit.BUSINESS, 10, 1,
                        ClarificationEffect.RESTART, ReferralEffect.CONTINUE, 15, DayUnit.BUSINESS,
                        // Mon 14 Sep 2026 = day 0. Tue 15(1) Wed 16(2) Thu 17(3), Fri 18 and Sat 19 holidays, Mon 21(4)
                        // ... Fri 9 Oct(18), Mon 12(19) Tue 13(20). +10: Wed 14(1) ... Tue 27(10).
                        "2026-09-14T10:00", "2026-09-14", "2026-10-13", "2026-10-27"),
                Arguments.of("mx", "mx", "America/Mexico_City", 20, DayUnit.BUSINESS, 10, 1,
                        ClarificationEffect.RESTART, ReferralEffect.CONTINUE, 15, DayUnit.BUSINESS,
                        // Mon 9 Nov 2026 = day 0. Tue 10(1) Wed 11(2) Thu 12(3) Fri 13(4), Mon 16 Revolution day, Tue 17(5)
                        // ... Tue 8 Dec(20). +10: Wed 9(1) ... Tue 22(10).
                        "2026-11-09T10:00", "2026-11-09", "2026-12-08", "2026-12-22"),
                Arguments.of("uy", "uy", "America/Montevideo", 20, DayUnit.BUSINESS, 20, 1,
                        ClarificationEffect.PAUSE, ReferralEffect.CONTINUE, 30, DayUnit.BUSINESS,
                        // Mon 10 Aug 2026 = day 0. Tue 11(1) ... Mon 24(10), Tue 25 Independence, Wed 26(11) ... Tue 8 Sep(20).
                        // +20: Wed 9(1) ... Tue 6 Oct(20).
                        "2026-08-10T10:00", "2026-08-10", "2026-09-08", "2026-10-06"),
                Arguments.of("uk", "uk", "Europe/London", 20, DayUnit.BUSINESS, 0, 0,
                        ClarificationEffect.RESTART, ReferralEffect.CONTINUE, 40, DayUnit.BUSINESS,
                        // Mon 20 Apr 2026 = day 0. Tue 21(1) ... Fri 1 May(9), Mon 4 Early May bank holiday, Tue 5(10)
                        // ... Tue 19 May(20). No extension.
                        "2026-04-20T10:00", "2026-04-20", "2026-05-19", null),
                Arguments.of("us", "us", "America/New_York", 20, DayUnit.BUSINESS, 10, 1,
                        ClarificationEffect.PAUSE, ReferralEffect.CONTINUE, 90, DayUnit.CALENDAR,
                        // Mon 16 Nov 2026 = day 0. Tue 17(1) ... Wed 25(7), Thu 26 Thanksgiving, Fri 27(8) ... Tue 15 Dec(20).
                        // +10: Wed 16(1) ... Thu 24(7), Fri 25 Christmas, Mon 28(8) Tue 29(9) Wed 30(10).
                        "2026-11-16T10:00", "2026-11-16", "2026-12-15", "2026-12-30"),
                Arguments.of("es", "es", "Europe/Madrid", 1, DayUnit.MONTH, 1, 1,
                        ClarificationEffect.PAUSE, ReferralEffect.RESTART, 1, DayUnit.MONTH,
                        // Thu 15 Oct 2026 = day 0. One month: Sun 15 Nov, not a business day: Mon 16 Nov.
                        // +1 month from Mon 16 Nov: Wed 16 Dec.
                        "2026-10-15T10:00", "2026-10-15", "2026-11-16", "2026-12-16"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void shouldShipEachProfileAsDataAndCountItsTerm(String profile, String jurisdiction, String zone, int days, DayUnit unit,
                                                    int extensionDays, int maxExtensions, ClarificationEffect clarification,
                                                    ReferralEffect referral, int appealDays, DayUnit appealUnit,
                                                    String filedLocal, String receivedOn, String dueOn, String extendedDueOn) {
        DeadlinePolicy policy = PolicyProfiles.load(profile);

        assertThat(policy.profile()).isEqualTo(profile);
        assertThat(policy.jurisdiction()).isEqualTo(jurisdiction);
        assertThat(policy.zone().getId()).isEqualTo(zone);
        assertThat(policy.responseDays()).isEqualTo(days);
        assertThat(policy.dayUnit()).isEqualTo(unit);
        assertThat(policy.extensionDays()).isEqualTo(extensionDays);
        assertThat(policy.maxExtensions()).isEqualTo(maxExtensions);
        assertThat(policy.clarification()).isEqualTo(clarification);
        assertThat(policy.referral()).isEqualTo(referral);
        assertThat(policy.appealDays()).isEqualTo(appealDays);
        assertThat(policy.appealUnit()).isEqualTo(appealUnit);
        assertThat(policy.reminderOffsets()).containsExactly(5, 2);
        assertThat(policy.cutoff()).isNull();

        JurisdictionCalendar calendar = JurisdictionCalendar.of(policy.holidays(), List.of(), policy.closesOnNonWorkingDays());
        Deadline deadline = DeadlineCalculator.schedule(calendar, policy,
                LocalDateTime.parse(filedLocal).atZone(policy.zone()).toInstant());

        assertThat(deadline.receivedOn()).isEqualTo(LocalDate.parse(receivedOn));
        assertThat(deadline.dueOn()).isEqualTo(LocalDate.parse(dueOn));
        assertThat(deadline.dueAt().toLocalDateTime()).isEqualTo(LocalDate.parse(dueOn).atTime(23, 59, 59));
        assertThat(deadline.dueAt().getOffset()).isEqualTo(policy.zone().getRules().getOffset(deadline.dueAt().toInstant()));
        if (extendedDueOn != null) {
            assertThat(DeadlineCalculator.addDays(calendar, policy.extensionUnit(), deadline.dueOn(), policy.extensionDays()))
                    .isEqualTo(LocalDate.parse(extendedDueOn));
        }
    }

    @Test
    void shouldCountSpanishMonthsToTheMonthsLastDayWhenItHasNoSuchDay() {
        DeadlinePolicy spain = PolicyProfiles.load("es");
        JurisdictionCalendar calendar = JurisdictionCalendar.of(spain.holidays(), List.of(), true);

        // Fri 30 Jan 2026 = day 0; February has no 30th: Sat 28 Feb, not a business day: Mon 2 Mar.
        assertThat(DeadlineCalculator.schedule(calendar, spain,
                LocalDateTime.parse("2026-01-30T10:00").atZone(spain.zone()).toInstant()).dueOn()).isEqualTo(LocalDate.parse("2026-03-02"));
        // Fri 31 Jul 2026 = day 0: Mon 31 Aug.
        assertThat(DeadlineCalculator.schedule(calendar, spain,
                LocalDateTime.parse("2026-07-31T10:00").atZone(spain.zone()).toInstant()).dueOn()).isEqualTo(LocalDate.parse("2026-08-31"));
    }

    @Test
    void shouldPushAMonthTermByTheDaysOfASuspension() {
        DeadlinePolicy spain = PolicyProfiles.load("es");
        CalendarEntry suspension = new CalendarEntry(EntryKind.DEADLINE_SUSPENSION, LocalDate.parse("2026-10-19"),
                LocalDate.parse("2026-10-23"), "Real Decreto 1/2026", null);
        JurisdictionCalendar calendar = JurisdictionCalendar.of(spain.holidays(), List.of(suspension), true);

        // Day 0 Thu 15 Oct 2026; one month is Sun 15 Nov; five suspended days push it to Fri 20 Nov.
        assertThat(DeadlineCalculator.schedule(calendar, spain,
                LocalDateTime.parse("2026-10-15T10:00").atZone(spain.zone()).toInstant()).dueOn()).isEqualTo(LocalDate.parse("2026-11-20"));
    }

    @Test
    void shouldShipEveryProfileItLists() {
        assertThat(PolicyProfiles.shipped()).extracting(DeadlinePolicy::profile).containsExactlyElementsOf(PolicyProfiles.SHIPPED);
        assertThat(PolicyProfiles.load(PolicyProfiles.DEFAULT).jurisdiction()).isEqualTo("rosario");
    }

    @Test
    void shouldRefuseAnUnknownOrMalformedProfile() {
        assertThatThrownBy(() -> PolicyProfiles.load("atlantis")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PolicyProfiles.load("../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThat(PolicyProfiles.find("ar-rosario").orElseThrow().withCutoff(LocalTime.NOON).cutoff()).isEqualTo(LocalTime.NOON);
    }
}
