package org.acceso.request.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.acceso.contracts.EventCodec;
import org.acceso.contracts.RequestDeemedDenied;
import org.acceso.contracts.RequestEvent;
import org.acceso.contracts.Topics;
import org.acceso.request.Fixture;
import org.acceso.request.domain.RequestStatus;
import org.acceso.testsupport.KafkaEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.acceso.request.Fixture.ANA;
import static org.acceso.request.Fixture.ELENA;
import static org.acceso.request.Fixture.EVENTUALLY;
import static org.acceso.request.Fixture.get;
import static org.acceso.testsupport.ContractAssertions.assertMatchesContract;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** Silence is denial: deadline-service's DeadlineMissed turns a request still waiting for its answer into DEEMED_DENIED, once. */
@QuarkusTest
class DeemedDenialTest {

    @Inject
    EntityManager em;

    @Test
    void shouldDeemARequestDeniedOnceWhateverTheRedeliveries() {
        String id = Fixture.inStatus(RequestStatus.ASSIGNED);
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();

        missed(id, first);
        missed(id, first);
        missed(id, second);
        await().atMost(EVENTUALLY).until(() -> processed(first, second) == 2);

        get(ANA, id).then().statusCode(200)
                .body("status", equalTo("DEEMED_DENIED"))
                .body("appealDueOn", equalTo("2027-02-23"))
                .body("appealDueAt", equalTo("2027-02-23T23:59:59-03:00"))
                .body("allowedMoves", contains("appeal"));
        Fixture.as(ELENA).get("/requests/" + id + "/history").then()
                .body("action", contains("file", "assign", "deemDenied"))
                .body("role[2]", equalTo("system"));
        List<ConsumerRecord<String, String>> denials = KafkaEvents.awaitRecords(Topics.REQUEST_EVENTS,
                r -> id.equals(r.key()) && r.value().contains("\"RequestDeemedDenied\""), 1, EVENTUALLY);
        assertThat(denials).hasSize(1);
        assertMatchesContract(denials.get(0).value());
        RequestDeemedDenied event = (RequestDeemedDenied) EventCodec.decode(EventCodec.read(denials.get(0).value()),
                RequestEvent.class).orElseThrow();
        assertThat(event.missedDueAt()).isEqualTo(OffsetDateTime.parse("2026-12-21T23:59:59-03:00"));
        assertThat(event.agencyCode()).isEqualTo("OBRAS");
        assertThat(outboxRows(id, "RequestDeemedDenied")).isEqualTo(1);
    }

    @Test
    void shouldLeaveAnAnsweredRequestAnswered() {
        String id = Fixture.inStatus(RequestStatus.ANSWERED);

        String event = missed(id, UUID.randomUUID().toString());
        await().atMost(EVENTUALLY).until(() -> processed(event) == 1);

        get(ANA, id).then().body("status", equalTo("ANSWERED")).body("appealDueOn", equalTo(null));
        assertThat(outboxRows(id, "RequestDeemedDenied")).isZero();
    }

    @Test
    void shouldNotDeemDeniedWhileWaitingForTheRequestersClarification() {
        String id = Fixture.inStatus(RequestStatus.AWAITING_CLARIFICATION);

        String event = missed(id, UUID.randomUUID().toString());
        await().atMost(EVENTUALLY).until(() -> processed(event) == 1);

        get(ANA, id).then().body("status", equalTo("AWAITING_CLARIFICATION"));
    }

    @Test
    void shouldAcceptALateAnswerAfterADeemedDenial() {
        String id = Fixture.inStatus(RequestStatus.DEEMED_DENIED);

        Fixture.deny(id).then().statusCode(200).body("status", equalTo("ANSWERED"));
    }

    /** How many of these deadline events request-service has consumed. */
    long processed(String... eventIds) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM processed_event WHERE consumer = 'request-service' AND event_id = ANY(CAST(?1 AS uuid[]))")
                .setParameter(1, "{" + String.join(",", eventIds) + "}").getSingleResult()).longValue());
    }

    static String missed(String id, String eventId) {
        KafkaEvents.send(Topics.DEADLINE_EVENTS, id, Fixture.deadlineEvent("DeadlineMissed", id, eventId));
        return eventId;
    }

    long outboxRows(String requestId, String type) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM outbox_message WHERE message_key = ?1 AND type = ?2")
                .setParameter(1, requestId).setParameter(2, type).getSingleResult()).longValue());
    }
}
