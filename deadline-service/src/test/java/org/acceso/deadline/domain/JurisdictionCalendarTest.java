package org.acceso.deadline.domain;

import static org.acceso.deadline.domain.RosarioFixtures.ROSARIO;
import static org.acceso.deadline.domain.RosarioFixtures.date;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Year;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class JurisdictionCalendarTest {

    private static final JurisdictionCalendar NATIONAL = JurisdictionCalendar.argentina(List.of(), true);
    private static final JurisdictionCalendar NATIONAL_OPEN_ON_NON_WORKING_DAYS = JurisdictionCalendar.argentina(List.of(), false);

    @Test
    void shouldGiveTheOfficial2025NationalHolidays() {
        assertThat(datesOf(NATIONAL.ruleDays(Year.of(2025)), EntryKind.HOLIDAY)).containsExactly(
                date("2025-01-01"),
                date("2025-03-03"), date("2025-03-04"),   // carnival
                date("2025-03-24"),
                date("2025-04-02"),
                date("2025-04-18"),                       // Good Friday
                date("2025-05-01"),
                date("2025-05-25"),
                date("2025-06-16"),                       // Güemes, Tue 17 Jun -> previous Monday
                date("2025-06-20"),
                date("2025-07-09"),
                date("2025-08-17"),                       // San Martín on a Sunday stays
                date("2025-10-12"),                       // Sunday stays
                date("2025-11-24"),                       // Soberanía, Thu 20 Nov -> next Monday
                date("2025-12-08"),
                date("2025-12-25"));
    }

    @Test
    void shouldGiveTheOfficial2026NationalHolidays() {
        assertThat(datesOf(NATIONAL.ruleDays(Year.of(2026)), EntryKind.HOLIDAY)).containsExactly(
                date("2026-01-01"),
                date("2026-02-16"), date("2026-02-17"),   // carnival
                date("2026-03-24"),
                date("2026-04-02"),
                date("2026-04-03"),                       // Good Friday
                date("2026-05-01"),
                date("2026-05-25"),
                date("2026-06-15"),                       // Güemes, Wed 17 Jun -> previous Monday
                date("2026-06-20"),
                date("2026-07-09"),
                date("2026-08-17"),                       // a Monday stays
                date("2026-10-12"),                       // a Monday stays
                date("2026-11-23"),                       // Soberanía, Fri 20 Nov -> next Monday
                date("2026-12-08"),
                date("2026-12-25"));
    }

    @Test
    void shouldTypeJuevesSantoAsANonWorkingDayNotAHoliday() {
        assertThat(datesOf(NATIONAL.ruleDays(Year.of(2025)), EntryKind.NON_WORKING_DAY)).containsExactly(date("2025-04-17"));
        assertThat(datesOf(NATIONAL.ruleDays(Year.of(2026)), EntryKind.NON_WORKING_DAY)).containsExactly(date("2026-04-02"));
    }

    @Test
    void shouldKeepChristmasEveAndNewYearsEveAsBusinessDays() {
        assertThat(List.of(date("2025-12-24"), date("2025-12-31"), date("2026-12-24"), date("2026-12-31")))
                .allSatisfy(day -> assertThat(ROSARIO.isBusinessDay(day)).as("%s", day).isTrue());
    }

    @Test
    void shouldOpenOnTheDatesATrasladableLeft() {
        // 17 Jun 2025 (Tue) moved to Mon 16; 20 Nov 2025 (Thu) moved to Mon 24; 2025's 17 Aug and 12 Oct are
        // Sundays and stay, so the Mondays after them (where jollyday's bundled data puts them) are working days.
        assertThat(List.of(date("2025-06-17"), date("2025-11-20"), date("2025-08-18"), date("2025-10-13"),
                        date("2026-06-17"), date("2026-11-20")))
                .allSatisfy(day -> assertThat(NATIONAL.isBusinessDay(day)).as("%s", day).isTrue());
    }

    @Test
    void shouldCloseOnWeekends() {
        assertThat(ROSARIO.isBusinessDay(date("2025-09-06"))).isFalse();
        assertThat(ROSARIO.isBusinessDay(date("2025-09-07"))).isFalse();
        assertThat(ROSARIO.isBusinessDay(date("2025-09-08"))).isTrue();
    }

    @Test
    void shouldCloseOnSeventhOctoberOnlyInRosario() {
        assertThat(ROSARIO.isBusinessDay(date("2025-10-07"))).isFalse();
        assertThat(ROSARIO.isBusinessDay(date("2026-10-07"))).isFalse();
        assertThat(NATIONAL.isBusinessDay(date("2025-10-07"))).isTrue();
        assertThat(ROSARIO.ruleDays(Year.of(2025)))
                .filteredOn(entry -> entry.startsOn().equals(date("2025-10-07")))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.kind()).isEqualTo(EntryKind.HOLIDAY);
                    assertThat(entry.description()).contains("Rosario");
                });
    }

    @Test
    void shouldCloseOnJuevesSantoOnlyWhenTheCalendarClosesOnNonWorkingDays() {
        assertThat(NATIONAL.isBusinessDay(date("2025-04-17"))).isFalse();
        assertThat(NATIONAL_OPEN_ON_NON_WORKING_DAYS.isBusinessDay(date("2025-04-17"))).isTrue();
        // 2 Apr 2026 is Jueves Santo and Malvinas: the holiday closes either way.
        assertThat(NATIONAL_OPEN_ON_NON_WORKING_DAYS.isBusinessDay(date("2026-04-02"))).isFalse();
        assertThat(NATIONAL_OPEN_ON_NON_WORKING_DAYS.isBusinessDay(date("2025-04-18"))).isFalse();
    }

    @Test
    void shouldCloseOnBridgeDaysOnlyWhenTheCalendarClosesOnNonWorkingDays() {
        JurisdictionCalendar open = JurisdictionCalendar.rosario(RosarioFixtures.BRIDGE_DAYS, false);

        assertThat(RosarioFixtures.BRIDGE_DAYS).allSatisfy(entry -> {
            assertThat(ROSARIO.isBusinessDay(entry.startsOn())).as("%s closed", entry.startsOn()).isFalse();
            assertThat(open.isBusinessDay(entry.startsOn())).as("%s open", entry.startsOn()).isTrue();
        });
    }

    @Test
    void shouldAlwaysCloseOnHandHolidaysAndAdministrativeClosures() {
        CalendarEntry workersDay = CalendarEntry.day(EntryKind.ADMINISTRATIVE_CLOSURE, date("2026-11-09"),
                "Decreto 999/2026", "Día del Trabajador Municipal");
        CalendarEntry yearEnd = new CalendarEntry(EntryKind.ADMINISTRATIVE_CLOSURE, date("2026-12-28"), date("2027-01-08"),
                "Decreto 1000/2026", "Receso administrativo");
        CalendarEntry decreedHoliday = CalendarEntry.day(EntryKind.HOLIDAY, date("2026-09-14"), "Decreto 1001/2026", null);
        JurisdictionCalendar calendar = JurisdictionCalendar.rosario(List.of(workersDay, yearEnd, decreedHoliday), false);

        assertThat(List.of(date("2026-11-09"), date("2026-12-28"), date("2026-12-31"), date("2027-01-04"),
                        date("2027-01-08"), date("2026-09-14")))
                .allSatisfy(day -> assertThat(calendar.isBusinessDay(day)).as("%s", day).isFalse());
        assertThat(calendar.isBusinessDay(date("2026-11-10"))).isTrue();
        assertThat(calendar.isBusinessDay(date("2027-01-11"))).isTrue();
    }

    @Test
    void shouldSuspendDeadlinesWithoutClosingOffices() {
        CalendarEntry suspension = new CalendarEntry(EntryKind.DEADLINE_SUSPENSION, date("2025-12-29"), date("2026-01-09"),
                "Decreto 1002/2025", "Suspensión de plazos");
        JurisdictionCalendar calendar = JurisdictionCalendar.rosario(List.of(suspension), true);

        assertThat(calendar.isSuspended(date("2025-12-29"))).isTrue();
        assertThat(calendar.isSuspended(date("2026-01-09"))).isTrue();
        assertThat(calendar.isSuspended(date("2025-12-26"))).isFalse();
        assertThat(calendar.isSuspended(date("2026-01-12"))).isFalse();
        assertThat(calendar.isBusinessDay(date("2025-12-29"))).isTrue();
        assertThat(ROSARIO.isSuspended(date("2025-12-29"))).isFalse();
    }

    @Test
    void shouldDescribeEveryRuleDayWithItsInstrument() {
        List<CalendarEntry> days = IntStream.rangeClosed(2018, 2040)
                .mapToObj(year -> ROSARIO.ruleDays(Year.of(year)))
                .flatMap(List::stream)
                .toList();

        assertThat(days).isNotEmpty().allSatisfy(entry -> {
            assertThat(entry.description()).isNotBlank().doesNotContainIgnoringCase("undefined");
            assertThat(entry.instrument()).isNotBlank();
        });
        assertThat(ROSARIO.ruleDays(Year.of(2025)))
                .filteredOn(entry -> entry.startsOn().equals(date("2025-06-16")))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.description()).isEqualTo("Paso a la Inmortalidad del General Martín Miguel de Güemes");
                    assertThat(entry.instrument()).isEqualTo("Ley 27.399");
                });
    }

    @Test
    void shouldGiveTheSameAnswersToConcurrentReaders() throws Exception {
        List<LocalDate> days = date("2027-01-01").datesUntil(date("2035-01-01")).toList();
        List<Boolean> expected = days.stream().map(JurisdictionCalendar.rosario(List.of(), true)::isBusinessDay).toList();
        JurisdictionCalendar shared = JurisdictionCalendar.rosario(List.of(), true);
        Callable<List<Boolean>> reader = () -> days.stream().map(shared::isBusinessDay).toList();

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Boolean>>> answers = pool.invokeAll(Collections.nCopies(8, reader));
            for (Future<List<Boolean>> answer : answers) {
                assertThat(answer.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldRejectAnEntryThatEndsBeforeItStarts() {
        assertThatThrownBy(() -> new CalendarEntry(EntryKind.HOLIDAY, date("2026-01-02"), date("2026-01-01"), "Decreto 1/2026", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CalendarEntry.day(EntryKind.HOLIDAY, date("2026-01-02"), " ", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<LocalDate> datesOf(List<CalendarEntry> entries, EntryKind kind) {
        return entries.stream().filter(entry -> entry.kind() == kind).map(CalendarEntry::startsOn).toList();
    }
}
