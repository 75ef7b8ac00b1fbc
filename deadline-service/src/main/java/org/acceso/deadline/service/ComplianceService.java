package org.acceso.deadline.service;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.acceso.deadline.domain.DeadlinePolicy;
import org.acceso.deadline.domain.JurisdictionCalendar;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The compliance figures, exactly as docs/compliance.md defines them, aggregated in SQL from what each clock stored
 * when its events arrived (never from request-service's database): from the rollup that legal_clock's trigger keeps
 * (one row per received day and agency, V5), and open past due from the clocks themselves. The cohort of a period is the requests received
 * (day 0) in it; figures about the present (open past due) are as of now.
 */
@ApplicationScoped
public class ComplianceService {

    /** The bucket names of requests open past their due date, by business days past due. */
    public static final List<String> AGE_BUCKETS = List.of("1-5", "6-15", "16+");
    public static final List<String> OUTCOMES = List.of("GRANTED", "PARTIALLY_GRANTED", "DENIED", "NOT_HELD");
    /** The agency column of requests that no agency holds (not routed yet). */
    public static final String UNASSIGNED = "UNASSIGNED";

    private final CalendarService calendars;
    private final PolicyCatalog policies;
    private final Clock clock;

    public ComplianceService(CalendarService calendars, PolicyCatalog policies, Clock clock) {
        this.calendars = calendars;
        this.policies = policies;
        this.clock = clock;
    }

    /** The figures of one cohort. */
    public record Figures(String agency, LocalDate from, LocalDate to, Instant asOf, long received, long answered,
                          long answeredWithinInitialDeadline, long answeredWithinExtendedDeadline, long answeredLate,
                          long extended, BigDecimal extensionRate, long extensionsGranted,
                          long extensionsGrantedBeforeExpiry, DaysToAnswer businessDaysToAnswer,
                          Map<String, Long> outcomes, Map<String, Long> denialsByGround, long referredRequests,
                          long referrals, long deemedDenials, long withdrawn, long appealsFiled, long appealsResolved,
                          Map<String, Long> appealDecisions, Map<String, Long> openPastDue) {
    }

    /** Business days from receipt to answer, paused days excluded. */
    public record DaysToAnswer(BigDecimal mean, Integer median, Integer p90) {
    }

    /** The figures of the requests received in [from, to], of one agency or (null) of all. */
    @Transactional
    public Figures summary(LocalDate from, LocalDate to, String agency) {
        List<Figures> rows = figures(from, to, Optional.ofNullable(agency), Grouping.ALL);
        return rows.isEmpty() ? empty(from, to, agency) : rows.get(0);
    }

    /** The figures per agency (agencies with no request received in the period are absent). */
    @Transactional
    public List<Figures> byAgency(LocalDate from, LocalDate to) {
        return figures(from, to, Optional.empty(), Grouping.AGENCY);
    }

    /**
     * The figures per agency and calendar month of receipt, in month then agency order (pairs with no request received
     * are absent); each entry's {@code from} and {@code to} are its month's first and last day within [from, to]. The
     * same definitions as {@link #byAgency}: the public register publishes them (docs/compliance.md).
     */
    @Transactional
    public List<Figures> byAgencyAndMonth(LocalDate from, LocalDate to) {
        return figures(from, to, Optional.empty(), Grouping.AGENCY_MONTH);
    }

    /** How the cohort is split: not at all, per agency, per month of receipt and agency. */
    private enum Grouping {
        ALL, AGENCY, AGENCY_MONTH;

        /** The SQL of the group key; {@code agency} is the expression of the table's agency column. */
        String key(String agency) {
            return switch (this) {
                case ALL -> "'ALL'";
                case AGENCY -> agency;
                case AGENCY_MONTH -> "to_char(received_on, 'YYYY-MM') || '|' || " + agency;
            };
        }
    }

    private List<Figures> figures(LocalDate from, LocalDate to, Optional<String> agency, Grouping grouping) {
        Instant now = clock.instant();
        DeadlinePolicy policy = policies.inForce();
        LocalDate[] bounds = ageBounds(calendars.calendar(policy), LocalDate.ofInstant(now, policy.zone()));
        String group = grouping.key("CASE WHEN agency_code = '' THEN '" + UNASSIGNED + "' ELSE agency_code END");
        String where = " WHERE received_on BETWEEN :from AND :to" + (agency.isPresent() ? " AND agency_code = :agency" : "");
        // The rollup kept by legal_clock's trigger (V5): one row per received day and agency.
        List<Object[]> rows = rows("SELECT " + group + ", sum(received), sum(answered), sum(within_initial), "
                + "sum(within_extended), sum(late), sum(extended), sum(extensions), sum(extensions_before_expiry), "
                + "sum(granted), sum(partially_granted), sum(denied), sum(not_held), sum(referred), sum(referrals), "
                + "sum(deemed_denied), sum(withdrawn), sum(appeals_filed), sum(appeals_resolved) "
                + "FROM compliance_day" + where + " GROUP BY 1 HAVING sum(received) > 0 ORDER BY 1", from, to, agency, Map.of());
        Map<String, java.util.TreeMap<Integer, Long>> histograms = new HashMap<>();
        // days_hist[d + 1] counts the answers of d business days (its lower bound may be above 1: read by subscript).
        for (Object[] row : rows("SELECT " + group + ", i - 1, sum(days_hist[i]) FROM compliance_day, "
                + "generate_subscripts(days_hist, 1) AS i" + where + " AND days_hist[i] <> 0 GROUP BY 1, 2",
                from, to, agency, Map.of())) {
            histograms.computeIfAbsent((String) row[0], k -> new java.util.TreeMap<>())
                    .put(((Number) row[1]).intValue(), number(row[2]));
        }
        Map<String, Map<String, Long>> grounds = keyed("SELECT " + group + ", key, sum(n) FROM compliance_key" + where
                + " AND figure = 'ground' GROUP BY 1, 2 HAVING sum(n) > 0 ORDER BY 1, 2", from, to, agency, Map.of());
        Map<String, Map<String, Long>> decisions = keyed("SELECT " + group + ", key, sum(n) FROM compliance_key" + where
                + " AND figure = 'decision' GROUP BY 1, 2 HAVING sum(n) > 0 ORDER BY 1, 2", from, to, agency, Map.of());
        // Open past due depends on today: still running after DeadlineMissed (a small partial index of legal_clock).
        String clockGroup = grouping.key("coalesce(agency_code, '" + UNASSIGNED + "')");
        Map<String, long[]> pastDue = new HashMap<>();
        for (Object[] row : rows("SELECT " + clockGroup + ", count(*) FILTER (WHERE due_on >= :c6), "
                + "count(*) FILTER (WHERE due_on < :c6 AND due_on >= :c16), count(*) FILTER (WHERE due_on < :c16) "
                + "FROM legal_clock" + where + " AND status = 'RUNNING' AND missed_at IS NOT NULL GROUP BY 1",
                from, to, agency, Map.of("c6", bounds[0], "c16", bounds[1]))) {
            pastDue.put((String) row[0], new long[] {number(row[1]), number(row[2]), number(row[3])});
        }

        List<Figures> figures = new ArrayList<>();
        for (Object[] row : rows) {
            String key = (String) row[0];
            long received = number(row[1]);
            long extended = number(row[6]);
            Map<String, Long> outcomes = new LinkedHashMap<>();
            for (int i = 0; i < OUTCOMES.size(); i++) {
                outcomes.put(OUTCOMES.get(i), number(row[9 + i]));
            }
            long[] ages = pastDue.getOrDefault(key, new long[3]);
            Map<String, Long> openPastDue = new LinkedHashMap<>();
            for (int i = 0; i < AGE_BUCKETS.size(); i++) {
                openPastDue.put(AGE_BUCKETS.get(i), ages[i]);
            }
            String agencyOf = grouping == Grouping.ALL ? agency.orElse(null) : key;
            LocalDate first = from;
            LocalDate last = to;
            if (grouping == Grouping.AGENCY_MONTH) {
                java.time.YearMonth month = java.time.YearMonth.parse(key.substring(0, 7));
                agencyOf = key.substring(8);
                first = month.atDay(1).isBefore(from) ? from : month.atDay(1);
                last = month.atEndOfMonth().isAfter(to) ? to : month.atEndOfMonth();
            }
            figures.add(new Figures(agencyOf, first, last, now, received, number(row[2]),
                    number(row[3]), number(row[4]), number(row[5]), extended, ratio(extended, received), number(row[7]),
                    number(row[8]), daysToAnswer(histograms.getOrDefault(key, new java.util.TreeMap<>())), outcomes,
                    grounds.getOrDefault(key, Map.of()), number(row[13]), number(row[14]), number(row[15]),
                    number(row[16]), number(row[17]), number(row[18]), decisions.getOrDefault(key, Map.of()), openPastDue));
        }
        return figures;
    }

    /**
     * Mean (2 decimals, half up), median and 90th percentile from the histogram of business days to answer. The
     * percentiles are {@code percentile_disc}'s: the smallest value whose cumulative share reaches the fraction.
     */
    static DaysToAnswer daysToAnswer(java.util.SortedMap<Integer, Long> histogram) {
        long count = histogram.values().stream().mapToLong(Long::longValue).sum();
        if (count == 0) {
            return new DaysToAnswer(null, null, null);
        }
        long sum = histogram.entrySet().stream().mapToLong(e -> (long) e.getKey() * e.getValue()).sum();
        Integer median = null;
        Integer p90 = null;
        long cumulative = 0;
        for (Map.Entry<Integer, Long> bucket : histogram.entrySet()) {
            cumulative += bucket.getValue();
            if (median == null && 2 * cumulative >= count) {
                median = bucket.getKey();
            }
            if (p90 == null && 10 * cumulative >= 9 * count) {
                p90 = bucket.getKey();
            }
        }
        return new DaysToAnswer(BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP), median, p90);
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(String sql, LocalDate from, LocalDate to, Optional<String> agency,
                                       Map<String, Object> more) {
        Query query = Panache.getEntityManager().createNativeQuery(sql).setParameter("from", from).setParameter("to", to);
        agency.ifPresent(code -> query.setParameter("agency", code));
        more.forEach(query::setParameter);
        return query.getResultList();
    }

    private Figures empty(LocalDate from, LocalDate to, String agency) {
        Map<String, Long> outcomes = new LinkedHashMap<>();
        OUTCOMES.forEach(outcome -> outcomes.put(outcome, 0L));
        Map<String, Long> openPastDue = new LinkedHashMap<>();
        AGE_BUCKETS.forEach(bucket -> openPastDue.put(bucket, 0L));
        return new Figures(agency, from, to, clock.instant(), 0, 0, 0, 0, 0, 0, BigDecimal.ZERO.setScale(4), 0, 0,
                new DaysToAnswer(null, null, null), outcomes, Map.of(), 0, 0, 0, 0, 0, 0, Map.of(), openPastDue);
    }

    /**
     * The due dates at which a request open past due reaches 6 and 16 business days past due: with c1 > c2 > ... the
     * counting business days up to today, a due date before c_k is at least k business days behind.
     */
    static LocalDate[] ageBounds(JurisdictionCalendar calendar, LocalDate today) {
        LocalDate c6 = null;
        int counted = 0;
        LocalDate day = today;
        for (int scanned = 0; counted < 16 && scanned < 3660; scanned++, day = day.minusDays(1)) {
            if (calendar.counts(day)) {
                counted++;
                if (counted == 6) {
                    c6 = day;
                }
            }
        }
        return new LocalDate[] {c6, day.plusDays(1)};
    }

    private Map<String, Map<String, Long>> keyed(String sql, LocalDate from, LocalDate to, Optional<String> agency,
                                                 Map<String, Object> more) {
        Map<String, Map<String, Long>> keyed = new HashMap<>();
        for (Object[] row : rows(sql, from, to, agency, more)) {
            keyed.computeIfAbsent((String) row[0], k -> new LinkedHashMap<>()).put((String) row[1], number(row[2]));
        }
        return keyed;
    }

    private static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
