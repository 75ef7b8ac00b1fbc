package org.acceso.deadline.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.acceso.contracts.DeadlineScheduled;
import org.acceso.contracts.Person;
import org.acceso.contracts.RequestFiled;
import org.acceso.deadline.Events;
import org.acceso.contracts.Envelope;
import org.acceso.contracts.EventCodec;
import org.acceso.contracts.Topics;
import org.acceso.testsupport.KafkaEvents;
import org.acceso.testsupport.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.acceso.testsupport.ContractAssertions.assertMatchesContract;
import static org.acceso.testsupport.ContractAssertions.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class RequestEventsConsumerTest {

    static final String CLERK = TestTokens.token("carla-sub", "carla@example.org", "clerk");
    static final String AUDITOR = TestTokens.token("fede-sub", "fede@example.org", "auditor");
    static final String RESIDENT = TestTokens.resident("ana-sub", "ana@example.org");

    @Inject
    EntityManager em;

    /** The pinned RequestFiled example for a new request, filed at {@code filedAt}. */
    static String requestFiled(String requestId, String eventId, String filedAt) {
        return example("RequestFiled")
                .replace("0b6e3f57-2a43-4c1b-8d0e-3c6a1f2b7d44", requestId)
                .replace("6f1c2b1e-4d4a-4b8e-9a57-0c2f6a3d9e10", eventId)
                .replace("2026-11-26T17:20:00.123Z", filedAt);
    }

    static ConsumerRecord<String, String> scheduledFor(String requestId) {
        return KafkaEvents.awaitRecords(Topics.DEADLINE_EVENTS, requestId, 1, Duration.ofSeconds(60)).get(0);
    }

    @Test
    void shouldScheduleTheLegalDueDateOfAFiledRequest() {
        String requestId = UUID.randomUUID().toString();

        // Thursday 26 Nov 2026, 14:20 in Rosario: day 0. Fifteen business days, skipping the 7 December
        // bridge day and the 8 December holiday, end on Monday 21 December.
        KafkaEvents.send(Topics.REQUEST_EVENTS, requestId, requestFiled(requestId, UUID.randomUUID().toString(),
                "2026-11-26T17:20:00.123Z"));

        ConsumerRecord<String, String> record = scheduledFor(requestId);
        assertMatchesContract(record.value());
        Envelope envelope = EventCodec.read(record.value());
        assertThat(envelope.requestId().toString()).isEqualTo(requestId);
        DeadlineScheduled scheduled = EventCodec.payload(envelope, DeadlineScheduled.class).orElseThrow();
        assertThat(scheduled.trackingNumber()).isEqualTo("AIP-2026-000123");
        assertThat(scheduled.jurisdiction()).isEqualTo("rosario");
        assertThat(scheduled.filedAt()).isEqualTo(Instant.parse("2026-11-26T17:20:00.123Z"));
        assertThat(scheduled.receivedOn()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(scheduled.dueOn()).isEqualTo(LocalDate.of(2026, 12, 21));
        assertThat(scheduled.dueAt()).isEqualTo(OffsetDateTime.parse("2026-12-21T23:59:59-03:00"));
        assertThat(scheduled.responseDays()).isEqualTo(15);
        assertThat(scheduled.dayUnit()).isEqualTo("BUSINESS");
        assertThat(scheduled.zone()).isEqualTo("America/Argentina/Cordoba");

        given().auth().oauth2(AUDITOR).get("/deadlines/" + requestId).then().statusCode(200)
                .body("trackingNumber", equalTo("AIP-2026-000123"))
                .body("profile", equalTo("ar-rosario"))
                .body("agencyCode", equalTo("AMBIENTE"))
                .body("status", equalTo("RUNNING"))
                .body("receivedOn", equalTo("2026-11-26"))
                .body("dueOn", equalTo("2026-12-21"))
                .body("dueAt", equalTo("2026-12-21T23:59:59-03:00"))
                .body("history", hasSize(1))
                .body("history[0].newDueOn", equalTo("2026-12-21"))
                .body("history[0].cause", equalTo("FILED"));
    }

    @Test
    void shouldStartARegisteredRequestsClockAtItsReceivedAtLikeAFilingOnlineAtThatInstant() {
        // Received at the front desk on Thursday 26 November 2026, 11:05 in Rosario, typed in days later: the event
        // comes now, its filedAt is the instant of receipt. The same instant filed online gives the same clock.
        Instant receivedAt = Instant.parse("2026-11-26T14:05:00Z");
        UUID online = UUID.randomUUID();
        UUID registered = UUID.randomUUID();
        Events.send(online, new RequestFiled("AIP-2026-000801", "Contratos", "OBRAS", "es", receivedAt,
                new Person("ana-sub", "Ana Pérez", "ana@example.org"), false));
        Events.send(registered, new RequestFiled("AIP-2026-000802", "Contratos", "OBRAS", "es", receivedAt,
                new Person(null, "Rosa Ruiz", null), false, "IN_PERSON"));

        ConsumerRecord<String, String> registeredRecord = scheduledFor(registered.toString());
        DeadlineScheduled byDesk = EventCodec.payload(EventCodec.read(registeredRecord.value()), DeadlineScheduled.class).orElseThrow();
        DeadlineScheduled byWeb = EventCodec.payload(EventCodec.read(scheduledFor(online.toString()).value()),
                DeadlineScheduled.class).orElseThrow();

        assertMatchesContract(registeredRecord.value());
        assertThat(byDesk.filedAt()).isEqualTo(receivedAt);
        assertThat(byDesk.receivedOn()).isEqualTo(LocalDate.of(2026, 11, 26)).isEqualTo(byWeb.receivedOn());
        assertThat(byDesk.dueOn()).isEqualTo(LocalDate.of(2026, 12, 21)).isEqualTo(byWeb.dueOn());
        assertThat(byDesk.dueAt()).isEqualTo(OffsetDateTime.parse("2026-12-21T23:59:59-03:00")).isEqualTo(byWeb.dueAt());
        assertThat(byDesk.responseDays()).isEqualTo(byWeb.responseDays());
        given().auth().oauth2(AUDITOR).get("/deadlines/" + registered).then().statusCode(200)
                .body("filedAt", equalTo("2026-11-26T14:05:00Z"))
                .body("receivedOn", equalTo("2026-11-26"))
                .body("dueOn", equalTo("2026-12-21"));
    }

    @Test
    void shouldReceiveASaturdayFilingOnMonday() {
        String requestId = UUID.randomUUID().toString();

        // Saturday 13 June 2026 → received Tuesday 16 June (Monday 15 is Güemes, moved from Wednesday 17).
        KafkaEvents.send(Topics.REQUEST_EVENTS, requestId, requestFiled(requestId, UUID.randomUUID().toString(),
                "2026-06-13T15:00:00Z"));

        DeadlineScheduled scheduled = EventCodec.payload(EventCodec.read(scheduledFor(requestId).value()),
                DeadlineScheduled.class).orElseThrow();
        assertThat(scheduled.receivedOn()).isEqualTo(LocalDate.of(2026, 6, 16));
    }

    @Test
    void shouldStartOneClockWhenTheSameEventArrivesTwice() {
        String requestId = UUID.randomUUID().toString();
        String event = requestFiled(requestId, UUID.randomUUID().toString(), "2026-11-26T17:20:00Z");

        KafkaEvents.send(Topics.REQUEST_EVENTS, requestId, event);
        KafkaEvents.send(Topics.REQUEST_EVENTS, requestId, event);
        // A later event on the same key: once its clock is scheduled, both copies have been consumed.
        String markerId = UUID.randomUUID().toString();
        KafkaEvents.send(Topics.REQUEST_EVENTS, requestId, requestFiled(markerId, UUID.randomUUID().toString(),
                "2026-11-26T17:21:00Z"));
        scheduledFor(markerId);

        assertThat(count("SELECT count(*) FROM legal_clock WHERE request_id = ?1", UUID.fromString(requestId))).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM outbox_message WHERE message_key = ?1", requestId)).isEqualTo(1);
    }

    @Test
    void shouldParkAPoisonMessageAndKeepConsuming() {
        String requestId = UUID.randomUUID().toString();

        KafkaEvents.send(Topics.REQUEST_EVENTS, requestId, "{\"not\": \"an event\"}");
        KafkaEvents.send(Topics.REQUEST_EVENTS, requestId, requestFiled(requestId, UUID.randomUUID().toString(),
                "2026-11-26T17:20:00Z"));

        var parked = KafkaEvents.awaitRecords(Topics.deadLetter("deadline-service", Topics.REQUEST_EVENTS),
                r -> r.value().contains("an event"), 1, Duration.ofSeconds(60));
        assertThat(parked.get(0).key()).isEqualTo(requestId);
        scheduledFor(requestId);
    }

    @Test
    void shouldShowAClockToItsRequesterTheHoldingAgencyAndStaffOnly() {
        String requestId = UUID.randomUUID().toString();
        KafkaEvents.send(Topics.REQUEST_EVENTS, requestId, requestFiled(requestId, UUID.randomUUID().toString(),
                "2026-11-26T17:20:00Z"));
        scheduledFor(requestId);

        // The pinned example is filed by user 5f0c7d0e-... for agency AMBIENTE.
        String requester = TestTokens.resident("5f0c7d0e-8a8e-4a53-9d8e-2f1f3c9b7a10", "ana@example.org");
        for (String reader : new String[] {requester, TestTokens.clerk("x-sub", "x@example.org", "AMBIENTE"),
                TestTokens.token("elena-sub", "elena@example.org", "coordinator"),
                TestTokens.token("fede-sub", "fede@example.org", "auditor"), TestTokens.token("admin-sub", null, "admin")}) {
            given().auth().oauth2(reader).get("/deadlines/" + requestId).then().statusCode(200)
                    .body("trackingNumber", equalTo("AIP-2026-000123"));
        }
        for (String stranger : new String[] {RESIDENT, TestTokens.clerk("carla-sub", "carla@example.org", "OBRAS"), CLERK}) {
            given().auth().oauth2(stranger).get("/deadlines/" + requestId).then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("status", equalTo(404));
        }
        given().auth().oauth2(RESIDENT).get("/deadlines/not-a-uuid").then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/deadlines/" + requestId).then().statusCode(401)
                .contentType("application/problem+json");
    }

    long count(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter(1, parameter)
                .getSingleResult()).longValue());
    }
}
