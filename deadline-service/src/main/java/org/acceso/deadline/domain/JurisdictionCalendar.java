package org.acceso.deadline.domain;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;

/**
 * An Argentine business calendar. A day is <em>not</em> a business day when it is
 * <ul>
 *   <li>a Saturday or Sunday;</li>
 *   <li>a feriado of the rule file {@value #RULE_FILE} (Law 27.399, plus local rules of the subdivision);</li>
 *   <li>a día no laborable of the rule file (Jueves Santo), if {@link #closesOnNonWorkingDays()};</li>
 *   <li>inside a hand entry whose {@link EntryKind#closesOffices(boolean) kind closes offices}
 *       (HOLIDAY, ADMINISTRATIVE_CLOSURE, and NON_WORKING_DAY if {@link #closesOnNonWorkingDays()}).</li>
 * </ul>
 * Days inside a DEADLINE_SUSPENSION entry are {@linkplain #isSuspended(LocalDate) suspended}.
 *
 * <p>Hand entries only add closures: they cannot reopen a day that the rules close. Since Decreto 614/2025
 * the government's yearly list wins over the trasladable rule; for 2025 and 2026 the rule gives the official
 * dates.
 *
 * <p>The holiday engine (jollyday, with the project's own rule file instead of its wrong bundled Argentina
 * data) is loaded once per JVM. Each calendar computes a year the first time it is asked about it and keeps
 * it; instances are immutable apart from that cache and are safe to share between threads.
 */
public final class JurisdictionCalendar implements BusinessCalendar {

    /** The project's jollyday rule file (classpath resource). */
    public static final String RULE_FILE = "/holidays/acceso-argentina.xml";
    /** Descriptions and instruments of the rule file's keys (classpath resource). */
    public static final String RULE_TEXTS = "/holidays/acceso-argentina.properties";

    private static final String[] NATIONAL = {};
    private static final String[] ROSARIO = {"s", "rosario"};

    private final String[] subdivision;
    private final List<CalendarEntry> entries;
    private final boolean closesOnNonWorkingDays;
    private final ConcurrentMap<Integer, YearDays> years = new ConcurrentHashMap<>();

    private JurisdictionCalendar(String[] subdivision, List<CalendarEntry> entries, boolean closesOnNonWorkingDays) {
        this.subdivision = subdivision;
        this.entries = List.copyOf(entries);
        this.closesOnNonWorkingDays = closesOnNonWorkingDays;
    }

    /** National rules only (Law 27.399), plus {@code entries}. Has no 7 October: use {@link #rosario} for Rosario. */
    public static JurisdictionCalendar argentina(List<CalendarEntry> entries, boolean closesOnNonWorkingDays) {
        return new JurisdictionCalendar(NATIONAL, entries, closesOnNonWorkingDays);
    }

    /** National rules plus Santa Fe and Rosario ones (7 October every year), plus {@code entries}. */
    public static JurisdictionCalendar rosario(List<CalendarEntry> entries, boolean closesOnNonWorkingDays) {
        return new JurisdictionCalendar(ROSARIO, entries, closesOnNonWorkingDays);
    }

    @Override
    public boolean isBusinessDay(LocalDate date) {
        DayOfWeek weekday = date.getDayOfWeek();
        if (weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY) {
            return false;
        }
        return !year(date).closed().contains(date);
    }

    @Override
    public boolean isSuspended(LocalDate date) {
        return year(date).suspended().contains(date);
    }

    /**
     * The days the rule file gives for {@code year}, as single-day entries sorted by date: HOLIDAY for a
     * feriado, NON_WORKING_DAY for a día no laborable, each with its description and instrument.
     */
    public List<CalendarEntry> ruleDays(Year year) {
        return year(year.getValue()).ruleDays();
    }

    /** The hand entries this calendar was built with. */
    public List<CalendarEntry> entries() {
        return entries;
    }

    /** Whether offices close on días no laborables (bridge days, Jueves Santo). */
    public boolean closesOnNonWorkingDays() {
        return closesOnNonWorkingDays;
    }

    private YearDays year(LocalDate date) {
        return year(date.getYear());
    }

    private YearDays year(int year) {
        return years.computeIfAbsent(year, this::computeYear);
    }

    private YearDays computeYear(int year) {
        List<CalendarEntry> ruleDays = Rules.days(year, subdivision);
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        Set<LocalDate> closed = new HashSet<>();
        Set<LocalDate> suspended = new HashSet<>();
        for (CalendarEntry entry : Stream.concat(ruleDays.stream(), entries.stream()).toList()) {
            if (entry.endsOn().isBefore(first) || entry.startsOn().isAfter(last)) {
                continue;
            }
            LocalDate from = entry.startsOn().isBefore(first) ? first : entry.startsOn();
            LocalDate to = entry.endsOn().isAfter(last) ? last : entry.endsOn();
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                if (entry.kind().closesOffices(closesOnNonWorkingDays)) {
                    closed.add(day);
                }
                if (entry.kind().suspendsDeadlines()) {
                    suspended.add(day);
                }
            }
        }
        return new YearDays(ruleDays, Set.copyOf(closed), Set.copyOf(suspended));
    }

    @Override
    public String toString() {
        return "JurisdictionCalendar[" + (subdivision.length == 0 ? "ar" : "ar/" + String.join("/", subdivision))
                + ", entries=" + entries.size() + ", closesOnNonWorkingDays=" + closesOnNonWorkingDays + "]";
    }

    private record YearDays(List<CalendarEntry> ruleDays, Set<LocalDate> closed, Set<LocalDate> suspended) {
    }

    /** The holiday engine and the texts of its keys, loaded once (on first use) for the whole JVM. */
    private static final class Rules {

        private static final HolidayManager ENGINE =
                HolidayManager.getInstance(ManagerParameters.create(resource(RULE_FILE)));
        private static final Properties TEXTS = load(RULE_TEXTS);

        static List<CalendarEntry> days(int year, String[] subdivision) {
            Set<Holiday> holidays;
            synchronized (ENGINE) {
                holidays = Set.copyOf(ENGINE.getHolidays(Year.of(year), subdivision));
            }
            return holidays.stream()
                    .filter(holiday -> holiday.getType() != HolidayType.OBSERVANCE)
                    .map(Rules::toEntry)
                    .sorted(Comparator.comparing(CalendarEntry::startsOn).thenComparing(CalendarEntry::kind))
                    .toList();
        }

        private static CalendarEntry toEntry(Holiday holiday) {
            EntryKind kind = holiday.getType() == HolidayType.PUBLIC_HOLIDAY ? EntryKind.HOLIDAY : EntryKind.NON_WORKING_DAY;
            String key = holiday.getPropertiesKey();
            return CalendarEntry.day(kind, holiday.getDate(), text(key + ".instrument"), text(key));
        }

        private static String text(String key) {
            String value = TEXTS.getProperty(key);
            if (value == null || value.isBlank()) {
                throw new IllegalStateException(RULE_TEXTS + " has no text for " + key);
            }
            return value;
        }

        private static URL resource(String name) {
            return Objects.requireNonNull(JurisdictionCalendar.class.getResource(name), name + " is not on the classpath");
        }

        private static Properties load(String name) {
            Properties properties = new Properties();
            try (InputStream in = resource(name).openStream()) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name, e);
            }
            return properties;
        }
    }
}
