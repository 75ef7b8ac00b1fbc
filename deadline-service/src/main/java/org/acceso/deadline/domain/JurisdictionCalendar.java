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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A jurisdiction's business calendar. A day is <em>not</em> a business day when it is
 * <ul>
 *   <li>a Saturday or Sunday;</li>
 *   <li>a feriado of the {@link HolidayRules holiday rules}, or one of their días no laborables if
 *       {@link #closesOnNonWorkingDays()}, unless a WORKING_DAY entry reopens it (the year's official list
 *       overrides the rule engine in both directions);</li>
 *   <li>inside a hand entry whose {@link EntryKind#closesOffices(boolean) kind closes offices}
 *       (HOLIDAY, ADMINISTRATIVE_CLOSURE, and NON_WORKING_DAY if {@link #closesOnNonWorkingDays()}).</li>
 * </ul>
 * Days inside a DEADLINE_SUSPENSION entry are {@linkplain #isSuspended(LocalDate) suspended}.
 *
 * <p>Argentina uses the project's own rule file {@value #ARGENTINA_RULES} (jollyday's bundled Argentina data is
 * wrong); other countries use jollyday's bundled calendars. Each rule engine is loaded once per JVM. A calendar
 * computes a year the first time it is asked about it and keeps it; instances are immutable apart from that
 * cache and are safe to share between threads. A changed entry means a new calendar (see CalendarService).
 */
public final class JurisdictionCalendar implements BusinessCalendar {

    /** The project's rule file for Argentina (without {@code .xml}). */
    public static final String ARGENTINA_RULES = "acceso-argentina";
    /** National Argentine rules (Law 27.399). */
    public static final HolidayRules ARGENTINA = new HolidayRules(ARGENTINA_RULES, List.of());
    /** National rules plus Santa Fe and Rosario (7 October every year). */
    public static final HolidayRules ROSARIO = new HolidayRules(ARGENTINA_RULES, List.of("s", "rosario"));

    private final HolidayRules rules;
    private final List<CalendarEntry> entries;
    private final boolean closesOnNonWorkingDays;
    private final ConcurrentMap<Integer, YearDays> years = new ConcurrentHashMap<>();

    private JurisdictionCalendar(HolidayRules rules, List<CalendarEntry> entries, boolean closesOnNonWorkingDays) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.entries = List.copyOf(entries);
        this.closesOnNonWorkingDays = closesOnNonWorkingDays;
    }

    /** A calendar of {@code rules} plus the hand {@code entries}. */
    public static JurisdictionCalendar of(HolidayRules rules, List<CalendarEntry> entries, boolean closesOnNonWorkingDays) {
        return new JurisdictionCalendar(rules, entries, closesOnNonWorkingDays);
    }

    /** National rules only (Law 27.399), plus {@code entries}. Has no 7 October: use {@link #rosario} for Rosario. */
    public static JurisdictionCalendar argentina(List<CalendarEntry> entries, boolean closesOnNonWorkingDays) {
        return of(ARGENTINA, entries, closesOnNonWorkingDays);
    }

    /** National rules plus Santa Fe and Rosario ones (7 October every year), plus {@code entries}. */
    public static JurisdictionCalendar rosario(List<CalendarEntry> entries, boolean closesOnNonWorkingDays) {
        return of(ROSARIO, entries, closesOnNonWorkingDays);
    }

    @Override
    public boolean isBusinessDay(LocalDate date) {
        if (isWeekend(date)) {
            return false;
        }
        YearDays year = year(date);
        if (year.handClosed().contains(date)) {
            return false;
        }
        return !year.ruleClosed().contains(date) || year.reopened().contains(date);
    }

    @Override
    public boolean isSuspended(LocalDate date) {
        return year(date).suspended().contains(date);
    }

    /** Whether {@code date} counts as a business day of a running term: a business day, not suspended. */
    public boolean counts(LocalDate date) {
        return isBusinessDay(date) && !isSuspended(date);
    }

    /** Why a day is what it is: every rule day and hand entry on it, with their instruments. */
    public DayExplanation explain(LocalDate date) {
        List<CalendarEntry> reasons = year(date).reasons().getOrDefault(date, List.of());
        return new DayExplanation(date, isWeekend(date), isBusinessDay(date), isSuspended(date), reasons);
    }

    /**
     * The days the holiday rules give for {@code year}, as single-day entries sorted by date: HOLIDAY for a
     * feriado, NON_WORKING_DAY for a día no laborable, each with its description and instrument.
     */
    public List<CalendarEntry> ruleDays(Year year) {
        return year(year.getValue()).ruleDays();
    }

    /** The hand entries this calendar was built with. */
    public List<CalendarEntry> entries() {
        return entries;
    }

    public HolidayRules rules() {
        return rules;
    }

    /** Whether offices close on días no laborables (bridge days, Jueves Santo). */
    public boolean closesOnNonWorkingDays() {
        return closesOnNonWorkingDays;
    }

    private static boolean isWeekend(LocalDate date) {
        DayOfWeek weekday = date.getDayOfWeek();
        return weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY;
    }

    private YearDays year(LocalDate date) {
        return year(date.getYear());
    }

    private YearDays year(int year) {
        return years.computeIfAbsent(year, this::computeYear);
    }

    private YearDays computeYear(int year) {
        List<CalendarEntry> ruleDays = Rules.days(rules, year);
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        Set<LocalDate> ruleClosed = new HashSet<>();
        for (CalendarEntry day : ruleDays) {
            if (day.kind().closesOffices(closesOnNonWorkingDays)) {
                ruleClosed.add(day.startsOn());
            }
        }
        Set<LocalDate> handClosed = new HashSet<>();
        Set<LocalDate> reopened = new HashSet<>();
        Set<LocalDate> suspended = new HashSet<>();
        Map<LocalDate, List<CalendarEntry>> reasons = new HashMap<>();
        for (CalendarEntry day : ruleDays) {
            reasons.computeIfAbsent(day.startsOn(), d -> new ArrayList<>()).add(day);
        }
        for (CalendarEntry entry : entries) {
            if (entry.endsOn().isBefore(first) || entry.startsOn().isAfter(last)) {
                continue;
            }
            LocalDate from = entry.startsOn().isBefore(first) ? first : entry.startsOn();
            LocalDate to = entry.endsOn().isAfter(last) ? last : entry.endsOn();
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                reasons.computeIfAbsent(day, d -> new ArrayList<>()).add(entry);
                if (entry.kind().closesOffices(closesOnNonWorkingDays)) {
                    handClosed.add(day);
                }
                if (entry.kind().reopens()) {
                    reopened.add(day);
                }
                if (entry.kind().suspendsDeadlines()) {
                    suspended.add(day);
                }
            }
        }
        Map<LocalDate, List<CalendarEntry>> frozen = new HashMap<>();
        reasons.forEach((day, list) -> frozen.put(day, List.copyOf(list)));
        return new YearDays(ruleDays, Set.copyOf(ruleClosed), Set.copyOf(handClosed), Set.copyOf(reopened),
                Set.copyOf(suspended), Map.copyOf(frozen));
    }

    @Override
    public String toString() {
        return "JurisdictionCalendar[" + rules + ", entries=" + entries.size()
                + ", closesOnNonWorkingDays=" + closesOnNonWorkingDays + "]";
    }

    /** One day and why: its weekday, whether offices are open, whether deadlines run, and the entries on it. */
    public record DayExplanation(LocalDate date, boolean weekend, boolean businessDay, boolean suspended,
                                 List<CalendarEntry> reasons) {

        /** Whether a business-day term counts this day. */
        public boolean counts() {
            return businessDay && !suspended;
        }
    }

    private record YearDays(List<CalendarEntry> ruleDays, Set<LocalDate> ruleClosed, Set<LocalDate> handClosed,
                            Set<LocalDate> reopened, Set<LocalDate> suspended, Map<LocalDate, List<CalendarEntry>> reasons) {
    }

    /** The holiday engines and the texts of their keys, each loaded once (on first use) for the whole JVM. */
    private static final class Rules {

        private static final ConcurrentMap<String, Engine> ENGINES = new ConcurrentHashMap<>();

        static List<CalendarEntry> days(HolidayRules rules, int year) {
            Engine engine = ENGINES.computeIfAbsent(rules.calendar(), name -> Engine.load(rules));
            Set<Holiday> holidays;
            synchronized (engine) {
                holidays = Set.copyOf(engine.manager().getHolidays(Year.of(year), rules.subdivisions().toArray(String[]::new)));
            }
            return holidays.stream()
                    .filter(holiday -> holiday.getType() != HolidayType.OBSERVANCE)
                    .map(engine::toEntry)
                    .distinct()
                    .sorted(Comparator.comparing(CalendarEntry::startsOn).thenComparing(CalendarEntry::kind)
                            .thenComparing(CalendarEntry::description, Comparator.nullsFirst(Comparator.naturalOrder())))
                    .toList();
        }
    }

    /** One holiday engine: the project's rule file with its own texts, or a jollyday bundled calendar. */
    private record Engine(HolidayManager manager, Properties texts, String bundledInstrument) {

        static Engine load(HolidayRules rules) {
            if (rules.bundled()) {
                HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(rules.countryCode()));
                return new Engine(manager, null, "jollyday " + rules.countryCode().toUpperCase(Locale.ROOT) + " calendar");
            }
            String file = "/holidays/" + rules.calendar();
            return new Engine(HolidayManager.getInstance(ManagerParameters.create(resource(file + ".xml"))),
                    load(file + ".properties"), null);
        }

        CalendarEntry toEntry(Holiday holiday) {
            EntryKind kind = holiday.getType() == HolidayType.PUBLIC_HOLIDAY ? EntryKind.HOLIDAY : EntryKind.NON_WORKING_DAY;
            if (texts == null) {
                return CalendarEntry.day(kind, holiday.getDate(), bundledInstrument, holiday.getDescription(Locale.ENGLISH));
            }
            String key = holiday.getPropertiesKey();
            return CalendarEntry.day(kind, holiday.getDate(), text(key + ".instrument"), text(key));
        }

        private String text(String key) {
            String value = texts.getProperty(key);
            if (value == null || value.isBlank()) {
                throw new IllegalStateException("The holiday texts have no text for " + key);
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
