package org.acceso.register.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.acceso.register.client.DeadlineServiceClient;
import org.acceso.register.client.DeadlineServiceClient.MonthFigures;
import org.acceso.register.config.RegisterConfig;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The public statistics are deadline-service's compliance figures per agency and month of receipt
 * ({@code GET /compliance/agencies?per=month}, docs/compliance.md), fetched on a schedule with the register's
 * client-credentials token and stored whole ({@code register.statistics.months} months up to the end of next month).
 * Never counted
 * here: the public figures are the directorate's, so the two cannot disagree. While deadline-service cannot be
 * reached, the last figures stay published and the next run tries again.
 */
@ApplicationScoped
public class PublicStatistics {

    private static final Logger LOG = Logger.getLogger(PublicStatistics.class);

    private final DeadlineServiceClient deadlineService;
    private final RegisterConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    public PublicStatistics(@RestClient DeadlineServiceClient deadlineService, RegisterConfig config, ObjectMapper json,
                            Clock clock) {
        this.deadlineService = deadlineService;
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    @Scheduled(every = "${register.statistics.every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warnf("Public statistics not refreshed (the last ones stay published): %s", e.getMessage());
        }
    }

    /** Fetches the figures and stores them; true when they changed. */
    public boolean refresh() {
        // up to the end of next month: a request filed on a weekend or holiday is received (day 0) on the next
        // business day, which may fall there; deadline-service takes periods under ten years
        YearMonth current = YearMonth.from(LocalDate.ofInstant(clock.instant(), config.zone()));
        int months = Math.max(2, Math.min(config.statistics().months(), 120));
        LocalDate from = current.minusMonths(months - 2L).atDay(1);
        LocalDate to = current.plusMonths(1).atEndOfMonth();
        List<MonthFigures> figures = deadlineService.agenciesPerMonth(from, to, "month");
        String digest = digest(figures);
        return QuarkusTransaction.requiringNew().call(() -> store(figures, from, to, digest));
    }

    private boolean store(List<MonthFigures> figures, LocalDate from, LocalDate to, String digest) throws JsonProcessingException {
        EntityManager em = Panache.getEntityManager();
        Timestamp now = Timestamp.from(clock.instant());
        String before = (String) em.createNativeQuery("SELECT digest FROM statistics_source WHERE id = 1 FOR UPDATE")
                .getSingleResult();
        boolean changed = before == null || !before.equals(digest);
        if (changed) {
            em.createNativeQuery("DELETE FROM statistics_month").executeUpdate();
            for (MonthFigures f : figures) {
                em.createNativeQuery("INSERT INTO statistics_month (month, agency_code, received, answered, "
                                + "answered_within_initial, answered_within_extended, answered_late, deemed_denials, "
                                + "median_business_days_to_answer, denials_by_ground) "
                                + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, CAST(?10 AS jsonb))")
                        .setParameter(1, YearMonth.from(f.from()).atDay(1))
                        .setParameter(2, f.agency())
                        .setParameter(3, f.received())
                        .setParameter(4, f.answered())
                        .setParameter(5, f.answeredWithinInitialDeadline())
                        .setParameter(6, f.answeredWithinExtendedDeadline())
                        .setParameter(7, f.answeredLate())
                        .setParameter(8, f.deemedDenials())
                        .setParameter(9, f.businessDaysToAnswer() == null ? null : f.businessDaysToAnswer().median())
                        .setParameter(10, json.writeValueAsString(grounds(f)))
                        .executeUpdate();
            }
        }
        em.createNativeQuery("UPDATE statistics_source SET fetched_at = ?1, period_from = ?2, period_to = ?3, digest = ?4"
                        + (changed ? ", changed_at = ?1" : "") + " WHERE id = 1")
                .setParameter(1, now)
                .setParameter(2, from)
                .setParameter(3, to)
                .setParameter(4, digest)
                .executeUpdate();
        LOG.infof("Public statistics fetched: %d agency-months from %s to %s%s", figures.size(), from, to,
                changed ? " (changed)" : "");
        return changed;
    }

    private static Map<String, Long> grounds(MonthFigures figures) {
        return figures.denialsByGround() == null ? Map.of() : new TreeMap<>(figures.denialsByGround());
    }

    /** A digest of the figures as stored (not of when they were fetched), so unchanged figures keep their ETag. */
    private String digest(List<MonthFigures> figures) {
        try {
            StringBuilder canonical = new StringBuilder();
            for (MonthFigures f : figures) {
                canonical.append(YearMonth.from(f.from())).append('|').append(f.agency()).append('|').append(f.received())
                        .append('|').append(f.answered()).append('|').append(f.answeredWithinInitialDeadline()).append('|')
                        .append(f.answeredWithinExtendedDeadline()).append('|').append(f.answeredLate()).append('|')
                        .append(f.deemedDenials()).append('|')
                        .append(f.businessDaysToAnswer() == null ? null : f.businessDaysToAnswer().median()).append('|')
                        .append(json.writeValueAsString(grounds(f))).append('\n');
            }
            return Sha256.hex(canonical.toString().getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
