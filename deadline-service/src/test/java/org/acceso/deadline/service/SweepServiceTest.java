package org.acceso.deadline.service;

import static io.restassured.RestAssured.given;
import static org.acceso.deadline.Events.local;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.acceso.contracts.AppealWindowOpened;
import org.acceso.contracts.DeadlineApproaching;
import org.acceso.contracts.DeadlineEvent;
import org.acceso.contracts.DeadlineMissed;
import org.acceso.contracts.EventCodec;
import org.acceso.contracts.ExtensionGranted;
import org.acceso.contracts.Topics;
import org.acceso.deadline.Events;
import org.acceso.deadline.MutableClock;
import org.acceso.deadline.domain.DayUnit;
import org.acceso.deadline.domain.DeadlineCalculator;
import org.acceso.deadline.domain.JurisdictionCalendar;
import org.acceso.testsupport.KafkaEvents;
import org.acceso.testsupport.TestTokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sweep on the real database and broker: each reminder, miss and appeal window once, whatever the reruns. */
@QuarkusTest
class SweepServiceTest {

    @Inject
    SweepService sweep;

    @Inject
    CalendarService calendars;

    @Inject
    PolicyCatalog policies;

    @Inject
    DataSource dataSource;

    @AfterEach
    void realTime() {
        MutableClock.reset();
    }

    @Test
    void shouldDeemDeniedAnImportedRequestFiledFortyBusinessDaysAgoAndOpenItsAppealWindow() {
        JurisdictionCalendar calendar = calendars.calendar(policies.inForce());
        LocalDate today = LocalDate.now(Events.ROSARIO);
        LocalDate filedOn = DeadlineCalculator.daysBefore(calendar, DayUnit.BUSINESS, today, 40);
        UUID id = UUID.randomUUID();
        Events.send(id, Events.filed("AIP-2026-000601", "OBRAS", filedOn.atTime(11, 0).atZone(Events.ROSARIO).toInstant(), true));
        KafkaEvents.awaitRecords(Topics.DEADLINE_EVENTS, id.toString(), 1, Duration.ofSeconds(60));

        sweep.sweep();
        sweep.sweep();

        List<DeadlineEvent> events = events(id, 4);
        assertThat(events).extracting(EventCodec::typeOf)
                .containsExactly("DeadlineScheduled", "DeadlineMissed", "AppealWindowOpened", "DeadlineVeryOverdue");
        DeadlineMissed missed = (DeadlineMissed) events.get(1);
        AppealWindowOpened appeal = (AppealWindowOpened) events.get(2);
        assertThat(missed.appealDueOn()).isEqualTo(appeal.dueOn());
        assertThat(appeal.cause()).isEqualTo("DEEMED_DENIED");
        assertThat(appeal.opensOn()).isEqualTo(missed.dueOn().plusDays(1));
        assertThat(DeadlineCalculator.countDays(calendar, DayUnit.BUSINESS, missed.dueOn(), appeal.dueOn())).isEqualTo(40);

        given().auth().oauth2(TestTokens.token("fede-sub", "fede@example.org", "auditor")).get("/deadlines/" + id).then()
                .statusCode(200)
                .body("imported", equalTo(true))
                .body("status", equalTo("RUNNING"))
                .body("missedAt", org.hamcrest.Matchers.notNullValue())
                .body("appeal.status", equalTo("RUNNING"))
                .body("appeal.cause", equalTo("DEEMED_DENIED"))
                .body("appeal.dueOn", equalTo(appeal.dueOn().toString()))
                .body("history.cause", hasItem("DEEMED_DENIED"));
        sweep.sweep();
        assertThat(events(id, 4)).hasSize(4);
    }

    @Test
    void shouldRemindFiveAndTwoBusinessDaysBeforeTheDueDateOnceEach() {
        UUID id = UUID.randomUUID();
        // Filed Thu 26 Nov 2026: due Mon 21 Dec; 5 business days left from Mon 14 Dec, 2 from Thu 17 Dec.
        Events.send(id, Events.filed("AIP-2026-000602", "OBRAS", local("2026-11-26T14:20"), false));
        KafkaEvents.awaitRecords(Topics.DEADLINE_EVENTS, id.toString(), 1, Duration.ofSeconds(60));

        MutableClock.set(local("2026-12-13T23:59"));
        sweep.sweep();
        MutableClock.set(local("2026-12-14T08:00"));
        sweep.sweep();
        sweep.sweep();
        MutableClock.set(local("2026-12-17T08:00"));
        sweep.sweep();
        sweep.sweep();

        List<DeadlineEvent> events = events(id, 3);
        assertThat(events).extracting(EventCodec::typeOf)
                .containsExactly("DeadlineScheduled", "DeadlineApproaching", "DeadlineApproaching");
        assertThat(events.subList(1, 3)).extracting(event -> ((DeadlineApproaching) event).daysLeft()).containsExactly(5, 2);
        assertThat(((DeadlineApproaching) events.get(1)).dueOn()).isEqualTo(LocalDate.parse("2026-12-21"));
    }

    @Test
    void shouldTakeComplianceRowsInKeyOrderSoThatTwoSweepingInstancesWaitInsteadOfDeadlocking() throws Exception {
        // X is received a day before Y but extended, so its miss comes after Y's in the sweep's claim order while its
        // rollup row (received day, agency) comes first in key order.
        JurisdictionCalendar calendar = calendars.calendar(policies.inForce());
        LocalDate xOn = DeadlineCalculator.daysBefore(calendar, DayUnit.BUSINESS, LocalDate.now(Events.ROSARIO), 90);
        LocalDate yOn = DeadlineCalculator.addDays(calendar, DayUnit.BUSINESS, xOn, 1);
        UUID x = UUID.randomUUID();
        UUID y = UUID.randomUUID();
        Events.send(x, Events.filed("AIP-2026-000611", "ORDEN", xOn.atTime(10, 0).atZone(Events.ROSARIO).toInstant(), true));
        Events.send(x, new ExtensionGranted("AIP-2026-000611", "ORDEN", "Volumen", null,
                DeadlineCalculator.addDays(calendar, DayUnit.BUSINESS, xOn, 5).atTime(10, 0).atZone(Events.ROSARIO).toInstant()));
        Events.send(y, Events.filed("AIP-2026-000612", "ORDEN", yOn.atTime(10, 0).atZone(Events.ROSARIO).toInstant(), true));
        KafkaEvents.awaitRecords(Topics.DEADLINE_EVENTS, x.toString(), 2, Duration.ofSeconds(60));
        KafkaEvents.awaitRecords(Topics.DEADLINE_EVENTS, y.toString(), 1, Duration.ofSeconds(60));

        // Another instance's sweep holds X's row; this sweep must wait for it holding nothing after it (Y's row).
        CompletableFuture<Integer> swept;
        try (Connection other = dataSource.getConnection(); Connection observer = dataSource.getConnection()) {
            other.setAutoCommit(false);
            assertThat(lockRollupRow(other, xOn, "")).as("X's rollup row").isTrue();
            swept = CompletableFuture.supplyAsync(sweep::sweep);
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> waitingForALock(observer));
            assertThat(lockRollupRow(other, yOn, " NOWAIT")).as("Y's rollup row is free while the sweep waits").isTrue();
            other.commit();
        }
        assertThat(swept.get(60, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(2);

        for (UUID id : List.of(x, y)) {
            assertThat(events(id, id.equals(x) ? 6 : 5)).extracting(EventCodec::typeOf).containsSubsequence(
                    "DeadlineScheduled", "DeadlineMissed", "AppealWindowOpened", "DeadlineVeryOverdue", "AppealWindowClosed");
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT received_on, deemed_denied FROM compliance_day "
                     + "WHERE agency_code = 'ORDEN' AND received_on IN (?, ?) ORDER BY received_on")) {
            select.setObject(1, xOn);
            select.setObject(2, yOn);
            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next() && rows.getInt(2) == 1 && rows.next() && rows.getInt(2) == 1)
                        .as("one deemed denial counted on each day").isTrue();
            }
        }
    }

    private static boolean lockRollupRow(Connection connection, LocalDate receivedOn, String nowait) throws Exception {
        try (PreparedStatement lock = connection.prepareStatement("SELECT 1 FROM compliance_day "
                + "WHERE received_on = ? AND agency_code = 'ORDEN' FOR UPDATE" + nowait)) {
            lock.setObject(1, receivedOn);
            try (ResultSet rows = lock.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static boolean waitingForALock(Connection observer) throws Exception {
        try (ResultSet rows = observer.createStatement().executeQuery("SELECT count(*) FROM pg_stat_activity "
                + "WHERE state = 'active' AND wait_event_type = 'Lock' AND datname = current_database()")) {
            return rows.next() && rows.getInt(1) > 0;
        }
    }

    /** Every record of the key once at least {@code count} are there, after a pause that lets duplicates show. */
    private static List<DeadlineEvent> events(UUID id, int count) {
        KafkaEvents.awaitRecords(Topics.DEADLINE_EVENTS, id.toString(), count, Duration.ofSeconds(60));
        sleep();
        return KafkaEvents.awaitRecords(Topics.DEADLINE_EVENTS, id.toString(), count, Duration.ofSeconds(10)).stream()
                .map(record -> EventCodec.decode(EventCodec.read(record.value()), DeadlineEvent.class).orElseThrow())
                .toList();
    }

    private static void sleep() {
        try {
            Thread.sleep(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
