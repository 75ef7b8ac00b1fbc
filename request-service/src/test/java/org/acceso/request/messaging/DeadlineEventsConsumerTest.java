package org.acceso.request.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.acceso.contracts.Topics;
import org.acceso.testsupport.KafkaEvents;
import org.acceso.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.acceso.testsupport.ContractAssertions.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class DeadlineEventsConsumerTest {

    static final String ANA = TestTokens.resident("ana-sub", "ana@example.org");

    @Inject
    EntityManager em;

    static String fileRequest() {
        return given().auth().oauth2(ANA).contentType(ContentType.JSON)
                .body(Map.of("subject", "Obras en calle Córdoba", "description", "Expedientes y certificados de obra."))
                .post("/requests").then().statusCode(201).extract().path("id");
    }

    /** The pinned contract example, aimed at {@code requestId}, with its own event id and due date. */
    static String deadlineScheduled(String requestId, String eventId, String dueOn, String occurredAt) {
        return example("DeadlineScheduled")
                .replace("0b6e3f57-2a43-4c1b-8d0e-3c6a1f2b7d44", requestId)
                .replace("a3d4e5f6-1b2c-4d3e-8f90-112233445566", eventId)
                .replace("2026-12-21", dueOn)
                .replace("2026-11-26T17:20:01.456Z", occurredAt);
    }

    @Test
    void shouldShowTheDueDateOnceTheClockIsScheduled() {
        String id = fileRequest();

        KafkaEvents.send(Topics.DEADLINE_EVENTS, id,
                deadlineScheduled(id, UUID.randomUUID().toString(), "2026-12-21", "2026-11-26T17:20:01.456Z"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(ANA).get("/requests/" + id).then().statusCode(200)
                        .body("dueOn", equalTo("2026-12-21"))
                        .body("dueAt", equalTo("2026-12-21T23:59:59-03:00")));
    }

    @Test
    void shouldApplyTheSameEventOnlyOnce() {
        String id = fileRequest();
        String eventId = UUID.randomUUID().toString();
        String event = deadlineScheduled(id, eventId, "2026-12-21", "2026-11-26T17:20:01.456Z");

        KafkaEvents.send(Topics.DEADLINE_EVENTS, id, event);
        KafkaEvents.send(Topics.DEADLINE_EVENTS, id, event);
        // A marker event after the duplicates: once it is applied, both copies have been consumed.
        String markerId = fileRequest();
        KafkaEvents.send(Topics.DEADLINE_EVENTS, id,
                deadlineScheduled(markerId, UUID.randomUUID().toString(), "2026-12-22", "2026-11-26T17:20:02Z"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(ANA).get("/requests/" + markerId).then().body("dueOn", equalTo("2026-12-22")));

        assertThat(processedCount(eventId)).isEqualTo(1);
        given().auth().oauth2(ANA).get("/requests/" + id).then().body("dueOn", equalTo("2026-12-21"));
    }

    @Test
    void shouldNotMoveTheDueDateBackForAnOlderNotice() {
        String id = fileRequest();
        KafkaEvents.send(Topics.DEADLINE_EVENTS, id,
                deadlineScheduled(id, UUID.randomUUID().toString(), "2027-01-20", "2026-11-27T10:00:00Z"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(ANA).get("/requests/" + id).then().body("dueOn", equalTo("2027-01-20")));

        String olderId = UUID.randomUUID().toString();
        KafkaEvents.send(Topics.DEADLINE_EVENTS, id, deadlineScheduled(id, olderId, "2026-12-21", "2026-11-26T17:20:01Z"));
        await().atMost(Duration.ofSeconds(60)).until(() -> processedCount(olderId) == 1);

        given().auth().oauth2(ANA).get("/requests/" + id).then().body("dueOn", equalTo("2027-01-20"));
    }

    @Test
    void shouldParkAPoisonMessageAndKeepConsuming() {
        String id = fileRequest();

        KafkaEvents.send(Topics.DEADLINE_EVENTS, id, "this is not an event");
        KafkaEvents.send(Topics.DEADLINE_EVENTS, id,
                deadlineScheduled(id, UUID.randomUUID().toString(), "2026-12-23", "2026-11-26T17:20:01Z"));

        var parked = KafkaEvents.awaitRecords(Topics.deadLetter("request-service", Topics.DEADLINE_EVENTS),
                r -> "this is not an event".equals(r.value()), 1, Duration.ofSeconds(60));
        assertThat(parked.get(0).key()).isEqualTo(id);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(ANA).get("/requests/" + id).then().body("dueOn", equalTo("2026-12-23")));
    }

    long processedCount(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("SELECT count(*) FROM processed_event WHERE event_id = ?1")
                .setParameter(1, UUID.fromString(eventId)).getSingleResult()).longValue());
    }
}
