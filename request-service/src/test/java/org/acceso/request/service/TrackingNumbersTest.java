package org.acceso.request.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Yearly tracking numbers from one sequence per year: a filing whose transaction is still open does not make the next
 * one wait, numbers stay unique under concurrent filings, and migration V3 carries each year's counter over.
 */
@QuarkusTest
class TrackingNumbersTest {

    private static final String SCHEMA = "tracking_v3";

    @Inject
    TrackingNumbers numbers;

    @Inject
    DataSource dataSource;

    final ExecutorService pool = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void shouldNotMakeAFilingWaitForAnotherWhoseTransactionIsStillOpen() throws Exception {
        Instant filedAt = Instant.parse("2031-03-02T15:00:00Z");
        CountDownLatch numbered = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        Future<String> first = pool.submit(() -> QuarkusTransaction.requiringNew().call(() -> {
            String number = numbers.next(filedAt);
            numbered.countDown();
            assertThat(secondDone.await(60, TimeUnit.SECONDS)).isTrue(); // still open while the second one runs
            return number;
        }));
        assertThat(numbered.await(60, TimeUnit.SECONDS)).isTrue();

        // With the first filing's transaction open, the second one gets its number and commits (a counter row locked
        // until the first commit would block it here: the get below would time out).
        String second = pool.submit(() -> QuarkusTransaction.requiringNew().call(() -> numbers.next(filedAt)))
                .get(30, TimeUnit.SECONDS);
        secondDone.countDown();

        assertThat(second).startsWith("AIP-2031-");
        assertThat(Integer.parseInt(second.substring(9))).isGreaterThan(Integer.parseInt(first.get(60, TimeUnit.SECONDS).substring(9)));
    }

    @Test
    void shouldHandOutUniqueNumbersToConcurrentFilings() throws Exception {
        Instant filedAt = Instant.parse("2032-07-01T12:00:00Z");
        List<Future<String>> taken = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            taken.add(pool.submit(() -> QuarkusTransaction.requiringNew().call(() -> numbers.next(filedAt))));
        }
        List<String> handedOut = new ArrayList<>();
        for (Future<String> number : taken) {
            handedOut.add(number.get(60, TimeUnit.SECONDS));
        }

        assertThat(handedOut).doesNotHaveDuplicates().allMatch(n -> n.matches("AIP-2032-\\d{6}"));
        assertThat(handedOut.stream().mapToInt(n -> Integer.parseInt(n.substring(9))).max().orElseThrow())
                .isEqualTo(80); // the year's first 80 numbers, none skipped when nothing rolls back
    }

    @Test
    void shouldMoveAYearPastAReservedNumberAndNeverBack() {
        Instant filedAt = Instant.parse("2033-05-01T12:00:00Z");
        QuarkusTransaction.requiringNew().run(() -> numbers.reserve("AIP-2033-000500"));
        QuarkusTransaction.requiringNew().run(() -> numbers.reserve("AIP-2033-000020"));
        QuarkusTransaction.requiringNew().run(() -> numbers.reserve("EXP-77/2033"));

        assertThat(QuarkusTransaction.requiringNew().call(() -> numbers.next(filedAt))).isEqualTo("AIP-2033-000501");
    }

    @Test
    void shouldCarryEachYearsCounterOverToItsSequence() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            flyway("2").migrate();
            sql.execute("INSERT INTO " + SCHEMA + ".tracking_sequence (year, last_value) VALUES (2024, 1234), (2025, 7)");

            assertThat(flyway("3").migrate().migrationsExecuted).as("V3 applied").isEqualTo(1);

            assertThat(single(sql, "SELECT nextval('" + SCHEMA + ".tracking_number_2024')")).isEqualTo(1235);
            assertThat(single(sql, "SELECT nextval('" + SCHEMA + ".tracking_number_2025')")).isEqualTo(8);
            assertThat(single(sql, "SELECT count(*) FROM information_schema.tables WHERE table_schema = '" + SCHEMA
                    + "' AND table_name = 'tracking_sequence'")).as("the counter table is gone").isZero();
        } finally {
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                sql.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            }
        }
    }

    private Flyway flyway(String target) {
        var configuration = Flyway.configure().dataSource(dataSource).schemas(SCHEMA).createSchemas(true)
                .locations("classpath:db/eventing", "classpath:db/migration").outOfOrder(true);
        if (target != null) {
            configuration.target(target);
        }
        return configuration.load();
    }

    private static long single(Statement sql, String query) throws Exception {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
