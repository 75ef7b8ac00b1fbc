package org.acceso.deadline.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** Test data for the Rosario calendar, built explicitly (the seed file must say the same: RosarioSeedTest). */
final class RosarioFixtures {

    static final String BRIDGE_DAY = "Día no laborable con fines turísticos";
    static final String DECRETO_1027_2024 = "Decreto 1027/2024";
    static final String RESOLUCION_JGM_164_2025 = "Resolución JGM 164/2025";

    /** The bridge days of 2025 and 2026, as seeded in V2__rosario_calendar_entries.sql. */
    static final List<CalendarEntry> BRIDGE_DAYS = List.of(
            bridgeDay("2025-05-02", DECRETO_1027_2024),
            bridgeDay("2025-08-15", DECRETO_1027_2024),
            bridgeDay("2025-11-21", DECRETO_1027_2024),
            bridgeDay("2026-03-23", RESOLUCION_JGM_164_2025),
            bridgeDay("2026-07-10", RESOLUCION_JGM_164_2025),
            bridgeDay("2026-12-07", RESOLUCION_JGM_164_2025));

    /** Rosario as deployed: national + local rules, the seeded bridge days, offices closed on non-working days. */
    static final JurisdictionCalendar ROSARIO = JurisdictionCalendar.rosario(BRIDGE_DAYS, true);

    /** The shipped ar-rosario profile. */
    static final DeadlinePolicy ROSARIO_POLICY = PolicyProfiles.load("ar-rosario");

    private RosarioFixtures() {
    }

    static CalendarEntry bridgeDay(String date, String instrument) {
        return CalendarEntry.day(EntryKind.NON_WORKING_DAY, date(date), instrument, BRIDGE_DAY);
    }

    static LocalDate date(String isoDate) {
        return LocalDate.parse(isoDate);
    }

    /** An instant given as Rosario local date-time, e.g. "2025-09-12T23:30". */
    static Instant local(String isoLocalDateTime) {
        return LocalDateTime.parse(isoLocalDateTime).atZone(ROSARIO_POLICY.zone()).toInstant();
    }

    /** Rosario's policy with another response term. */
    static DeadlinePolicy withTerm(int days, DayUnit unit) {
        DeadlinePolicy p = ROSARIO_POLICY;
        return new DeadlinePolicy("example", p.jurisdiction(), p.law(), p.holidays(), p.closesOnNonWorkingDays(), p.zone(), days, unit,
                p.cutoff(), p.extensionDays(), p.extensionUnit(), p.maxExtensions(), p.clarification(), p.referral(),
                p.referralDays(), p.reminderOffsets(), p.veryOverdueDays(), p.appealDays(), p.appealUnit());
    }
}
