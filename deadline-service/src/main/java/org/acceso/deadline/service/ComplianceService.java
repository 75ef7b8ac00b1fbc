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
 * when its events arrived (never from request-service's database). The cohort of a period is the requests received
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
        List<Figures> rows = figures(from, to, Optional.ofNullable(agency), false);
        return rows.isEmpty() ? empty(from, to, agency) : rows.get(0);
    }

    /** The figures per agency (agencies with no request received in the period are absent). */
    @Transactional
    public List<Figures> byAgency(LocalDate from, LocalDate to) {
        return figures(from, to, Optional.empty(), true);
    }

    private List<Figures> figures(LocalDate from, LocalDate to, Optional<String> agency, boolean perAgency) {
        Instant now = clock.instant();
        DeadlinePolicy policy = policies.inForce();
        LocalDate[] bounds = ageBounds(calendars.calendar(policy), LocalDate.ofInstant(now, policy.zone()));
        String group = perAgency ? "coalesce(agency_code, '" + UNASSIGNED + "')" : "'ALL'";
        String where = " WHERE received_on BETWEEN :from AND :to" + (agency.isPresent() ? " AND agency_code = :agency" : "");
        // One pass over the covering index: the totals of each group, and the histogram of business days to answer
        // (median and 90th percentile come from it exactly, without sorting a million values).
        String sets = perAgency ? "GROUPING SETS ((" + group + "), (" + group + ", business_days_to_answer))"
                : "GROUPING SETS ((), (business_days_to_answer))";
        String sql = "SELECT " + group + " AS agency, GROUPING(business_days_to_answer), business_days_to_answer, count(*), "
                + "count(answered_at), count(*) FILTER (WHERE answer_timing = 'INITIAL'), "
                + "count(*) FILTER (WHERE answer_timing = 'EXTENDED'), count(*) FILTER (WHERE answer_timing = 'LATE'), "
                + "count(*) FILTER (WHERE extensions > 0), coalesce(sum(extensions), 0), coalesce(sum(extensions_before_expiry), 0), "
                + "count(*) FILTER (WHERE outcome = 'GRANTED'), count(*) FILTER (WHERE outcome = 'PARTIALLY_GRANTED'), "
                + "count(*) FILTER (WHERE outcome = 'DENIED'), count(*) FILTER (WHERE outcome = 'NOT_HELD'), "
                + "count(*) FILTER (WHERE referrals > 0), coalesce(sum(referrals), 0), count(missed_at), "
                + "count(*) FILTER (WHERE stop_cause = 'WITHDRAWN'), count(appeal_filed_at), count(appeal_resolved_at) "
                + "FROM legal_clock" + where + " GROUP BY " + sets;
        List<Object[]> rows = rows(sql, from, to, agency, Map.of());

        Map<String, Map<String, Long>> grounds = keyed("SELECT " + group + ", g, count(*) FROM legal_clock, "
                + "unnest(string_to_array(grounds, ',')) AS g" + where
                + " AND grounds IS NOT NULL AND outcome IN ('DENIED', 'PARTIALLY_GRANTED') GROUP BY 1, 2 ORDER BY 1, 2",
                from, to, agency, Map.of());
        Map<String, Map<String, Long>> decisions = keyed("SELECT " + group + ", appeal_decision, count(*) FROM legal_clock"
                + where + " AND appeal_decision IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2", from, to, agency, Map.of());
        // Open past due: still running after DeadlineMissed (a small partial index), by business days past due.
        Map<String, long[]> pastDue = new HashMap<>();
        for (Object[] row : rows("SELECT " + group + ", count(*) FILTER (WHERE due_on >= :c6), "
                + "count(*) FILTER (WHERE due_on < :c6 AND due_on >= :c16), count(*) FILTER (WHERE due_on < :c16) "
                + "FROM legal_clock" + where + " AND status = 'RUNNING' AND missed_at IS NOT NULL GROUP BY 1",
                from, to, agency, Map.of("c6", bounds[0], "c16", bounds[1]))) {
            pastDue.put((String) row[0], new long[] {number(row[1]), number(row[2]), number(row[3])});
        }

        Map<String, Object[]> totals = new java.util.TreeMap<>();
        Map<String, java.util.TreeMap<Integer, Long>> histograms = new HashMap<>();
        for (Object[] row : rows) {
            String key = (String) row[0];
            if (number(row[1]) == 1) {
                totals.put(key, row);
            } else if (row[2] != null) {
                histograms.computeIfAbsent(key, k -> new java.util.TreeMap<>()).put(((Number) row[2]).intValue(), number(row[3]));
            }
        }
        List<Figures> figures = new ArrayList<>();
        for (Map.Entry<String, Object[]> entry : totals.entrySet()) {
            String key = entry.getKey();
            Object[] row = entry.getValue();
            long received = number(row[3]);
            long extended = number(row[8]);
            Map<String, Long> outcomes = new LinkedHashMap<>();
            for (int i = 0; i < OUTCOMES.size(); i++) {
                outcomes.put(OUTCOMES.get(i), number(row[11 + i]));
            }
            long[] ages = pastDue.getOrDefault(key, new long[3]);
            Map<String, Long> openPastDue = new LinkedHashMap<>();
            for (int i = 0; i < AGE_BUCKETS.size(); i++) {
                openPastDue.put(AGE_BUCKETS.get(i), ages[i]);
            }
            figures.add(new Figures(perAgency ? key : agency.orElse(null), from, to, now, received, number(row[4]),
                    number(row[5]), number(row[6]), number(row[7]), extended, ratio(extended, received), number(row[9]),
                    number(row[10]), daysToAnswer(histograms.getOrDefault(key, new java.util.TreeMap<>())), outcomes,
                    grounds.getOrDefault(key, Map.of()), number(row[15]), number(row[16]), number(row[17]),
                    number(row[18]), number(row[19]), number(row[20]), decisions.getOrDefault(key, Map.of()), openPastDue));
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
