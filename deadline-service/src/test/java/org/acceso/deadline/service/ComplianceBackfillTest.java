package org.acceso.deadline.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Migration V5 over a database that already holds clocks: the rollup it builds with one set-based pass
 * ({@code compliance_rebuild()}) is exactly the one the trigger keeps clock by clock. A scratch schema is migrated to
 * V4, given a copy of every clock of the test database (plus a varied 2031 cohort: outcomes, grounds, timings, days to
 * answer, extensions, referrals, misses, withdrawals, appeals, no agency yet), then migrated to V5; its rollup must
 * equal the test database's own, kept by the trigger over the same clocks (rows of zeros and trailing zeros of the
 * histogram aside, which the trigger leaves behind and the rebuild does not write).
 */
@QuarkusTest
class ComplianceBackfillTest {

    private static final String SCHEMA = "backfill_v5";

    @Inject
    DataSource dataSource;

    @Test
    void shouldBackfillTheRollupOfExistingClocksExactlyAsTheTriggerKeepsIt() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            flyway("4").migrate();
            connection.setAutoCommit(false);
            // No other writer while the clocks and their rollup are copied.
            sql.execute("LOCK TABLE legal_clock IN SHARE MODE");
            sql.execute(COHORT_2031);
            sql.execute("INSERT INTO " + SCHEMA + ".legal_clock SELECT * FROM public.legal_clock");
            sql.execute("CREATE TABLE " + SCHEMA + ".expected_day AS SELECT * FROM public.compliance_day");
            sql.execute("CREATE TABLE " + SCHEMA + ".expected_key AS SELECT * FROM public.compliance_key");
            sql.execute("DELETE FROM public.legal_clock WHERE tracking_number LIKE 'AIP-BACKFILL-%'");
            connection.commit();
            connection.setAutoCommit(true);

            assertThat(flyway("5").migrate().migrationsExecuted).as("V5 applied").isEqualTo(1);

            assertThat(count(sql, "SELECT count(*) FROM " + SCHEMA + ".compliance_day WHERE received_on >= '2031-01-01'"))
                    .as("the 2031 cohort's days and agencies").isGreaterThan(100);
            assertThat(count(sql, "SELECT count(DISTINCT figure) FROM " + SCHEMA + ".compliance_key")).isEqualTo(2);
            assertThat(count(sql, "SELECT count(*) FROM " + SCHEMA + ".compliance_day WHERE agency_code = ''")).isPositive();
            for (String figure : FIGURES) {
                assertThat(count(sql, "SELECT count(*) FROM (" + figure.formatted("expected_day", "expected_key")
                        + " EXCEPT " + figure.formatted("compliance_day", "compliance_key") + ") AS d")
                        + count(sql, "SELECT count(*) FROM (" + figure.formatted("compliance_day", "compliance_key")
                        + " EXCEPT " + figure.formatted("expected_day", "expected_key") + ") AS d"))
                        .as("rows that differ: %s", figure).isZero();
            }
        } finally {
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                sql.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            }
        }
    }

    /** The same migrations as the service, into the scratch schema, up to {@code target} (null: all). */
    private Flyway flyway(String target) {
        var configuration = Flyway.configure().dataSource(dataSource).schemas(SCHEMA).createSchemas(true)
                .locations("classpath:db/eventing", "classpath:db/migration").outOfOrder(true);
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }

    private static long count(Statement sql, String query) throws Exception {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /** Each figure of the rollup, normalized: counters of non-empty rows, non-zero histogram cells, non-zero keys. */
    private static final String[] FIGURES = {
        "SELECT received_on, agency_code, received, answered, within_initial, within_extended, late, extended, extensions, "
                + "extensions_before_expiry, granted, partially_granted, denied, not_held, referred, referrals, deemed_denied, "
                + "withdrawn, appeals_filed, appeals_resolved FROM " + SCHEMA + ".%1$s WHERE received <> 0",
        // by subscript, as ComplianceService reads it (the trigger's arrays may start above 1)
        "SELECT received_on, agency_code, i, days_hist[i] FROM " + SCHEMA + ".%1$s, generate_subscripts(days_hist, 1) AS i "
                + "WHERE days_hist[i] <> 0",
        "SELECT received_on, agency_code, figure, key, n FROM " + SCHEMA + ".%2$s WHERE n <> 0",
    };

    /** 3,000 clocks received in 2031, through the trigger of the test database. */
    private static final String COHORT_2031 = "INSERT INTO public.legal_clock (request_id, tracking_number, jurisdiction, "
            + "profile, zone, agency_code, requester_user_id, imported, calendar_version, filed_at, received_on, due_on, "
            + "due_at, status, segment_start_on, segment_days, segment_unit, segment_extensions, elapsed_days, paused_days, "
            + "extensions, extensions_before_expiry, referrals, stop_cause, answered_at, outcome, grounds, answer_timing, "
            + "business_days_to_answer, missed_at, appeal_filed_at, appeal_resolved_at, appeal_decision, created_at) "
            + "SELECT gen_random_uuid(), 'AIP-BACKFILL-' || g, 'rosario', 'ar-rosario', 'America/Argentina/Cordoba', "
            + "CASE WHEN g % 9 = 0 THEN NULL ELSE 'AG' || (g % 5) END, 'u' || g, g % 50 = 0, 1, d::timestamptz, d, d + 21, "
            + "d + 21, CASE WHEN g % 6 = 0 THEN 'RUNNING' ELSE 'STOPPED' END, d, 15, 'BUSINESS', 0, 0, 0, (g % 3 = 0)::int, "
            + "(g % 3 = 0 AND g % 7 <> 0)::int, (g % 11 = 0)::int, "
            + "CASE WHEN g % 6 = 0 THEN NULL WHEN g % 19 = 0 THEN 'WITHDRAWN' ELSE 'ANSWERED' END, "
            + "CASE WHEN g % 6 <> 0 AND g % 19 <> 0 THEN d + (g % 40) END, "
            + "CASE WHEN g % 6 <> 0 AND g % 19 <> 0 THEN (ARRAY['GRANTED','PARTIALLY_GRANTED','DENIED','NOT_HELD'])[1 + g % 4] END, "
            + "CASE WHEN g % 6 <> 0 AND g % 19 <> 0 AND g % 4 IN (1, 2) "
            + "THEN (ARRAY['personal-data','security','personal-data,security,personal-data'])[1 + g % 3] END, "
            + "CASE WHEN g % 6 = 0 OR g % 19 = 0 THEN NULL WHEN g % 40 <= 21 THEN 'INITIAL' WHEN g % 3 = 0 THEN 'EXTENDED' "
            + "ELSE 'LATE' END, CASE WHEN g % 6 <> 0 AND g % 19 <> 0 THEN g % 30 END, "
            + "CASE WHEN g % 13 = 0 THEN d + 22 END, CASE WHEN g % 17 = 0 THEN d + 30 END, "
            + "CASE WHEN g % 34 = 0 THEN d + 60 END, (ARRAY['UPHELD','DISMISSED'])[CASE WHEN g % 34 = 0 THEN 1 + g % 4 / 2 END], "
            + "now() FROM generate_series(1, 3000) AS g, LATERAL (SELECT DATE '2031-01-01' + (g % 120) AS d) AS day";
}
