package org.acceso.request.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.acceso.contracts.Topics;
import org.acceso.request.Fixture;
import org.acceso.request.domain.Move;
import org.acceso.request.domain.RequestStatus;
import org.acceso.testsupport.KafkaEvents;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.acceso.request.Fixture.ANA;
import static org.acceso.request.Fixture.BEN;
import static org.acceso.request.Fixture.CARLA;
import static org.acceso.request.Fixture.CORA;
import static org.acceso.request.Fixture.DIEGO;
import static org.acceso.request.Fixture.ELENA;
import static org.acceso.request.Fixture.EVENTUALLY;
import static org.acceso.request.Fixture.as;
import static org.acceso.request.Fixture.file;
import static org.acceso.request.Fixture.get;
import static org.acceso.request.Fixture.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/** The legal rules beyond the status table: who may route, extension limits, grounds, withdrawal, appeals, races. */
@QuarkusTest
class LifecycleRulesTest {

    @Inject
    EntityManager em;

    @Test
    void shouldLetAClerkTakeAnUnassignedRequestOfTheirAgencyOnly() {
        String id = file("OBRAS");

        post(DIEGO, id, "/assignment", Map.of("agencyCode", "SALUD")).then().statusCode(404)
                .contentType("application/problem+json");
        post(CORA, id, "/assignment", Map.of("agencyCode", "SALUD")).then().statusCode(403)
                .contentType("application/problem+json");
        post(CORA, id, "/assignment", Map.of("agencyCode", "OBRAS")).then().statusCode(200)
                .body("status", equalTo("ASSIGNED"))
                .body("assignee.userId", equalTo("cora-sub"))
                .body("assignee.name", equalTo("Cora Ibáñez")); // as the staff directory (Keycloak) names her
        post(CARLA, id, "/assignment", Map.of("agencyCode", "OBRAS")).then().statusCode(403)
                .body("detail", equalTo("Your role does not allow this action"));
    }

    @Test
    void shouldLetACoordinatorAssignAKnownClerkAndRefuseAnUnknownOne() {
        String id = file(null);

        post(ELENA, id, "/assignment", Map.of("agencyCode", "OBRAS", "clerk", "nobody")).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("clerk"))
                .body("violations[0].message", containsString("is not a clerk of OBRAS"));
        post(ELENA, id, "/assignment", Map.of("agencyCode", "SALUD", "clerk", "carla-sub")).then().statusCode(400)
                .body("violations[0].field", equalTo("clerk"));
        post(ELENA, id, "/assignment", Map.of("agencyCode", "NOPE")).then().statusCode(400)
                .body("violations[0].field", equalTo("agencyCode"));
        post(ELENA, id, "/assignment", Map.of("agencyCode", "OBRAS", "clerk", "carla-sub")).then().statusCode(200)
                .body("agencyCode", equalTo("OBRAS"))
                .body("assignee.userId", equalTo("carla-sub"));
        get(ELENA, id).then().body("allowedMoves", contains("assign"));
        get(CARLA, id).then().body("allowedMoves", contains("requestClarification", "refer", "referOut", "extend", "answer"));
    }

    @Test
    void shouldRefuseAnExtensionAfterTheDeadlinePassed() {
        String id = Fixture.inStatus(RequestStatus.ASSIGNED);
        String past = Fixture.deadlineEvent("DeadlineScheduled", id, UUID.randomUUID().toString())
                .replace("2026-12-21T23:59:59-03:00", "2026-01-05T23:59:59-03:00").replace("2026-12-21", "2026-01-05");
        KafkaEvents.send(Topics.DEADLINE_EVENTS, id, past);
        await().atMost(EVENTUALLY).untilAsserted(() -> get(CARLA, id).then().body("dueOn", equalTo("2026-01-05")));

        Fixture.make(Move.EXTEND, id).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/rule-violation"))
                .body("detail", containsString("deadline passed at 2026-01-05T23:59:59-03:00"));
        get(CARLA, id).then().body("status", equalTo("ASSIGNED")).body("extensions", equalTo(0));
    }

    @Test
    void shouldExtendOnceWithReasons() {
        String id = Fixture.inStatus(RequestStatus.ASSIGNED);

        post(CARLA, id, "/extension", Map.of("reason", " ")).then().statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        Fixture.make(Move.EXTEND, id).then().statusCode(200).body("status", equalTo("EXTENDED")).body("extensions", equalTo(1));
        Fixture.make(Move.EXTEND, id).then().statusCode(409).body("type", equalTo("/problems/illegal-move"));
    }

    @Test
    void shouldRequireAGroundFromTheCatalogueForADenial() {
        String id = Fixture.inStatus(RequestStatus.ASSIGNED);

        post(CARLA, id, "/answer", Map.of("outcome", "DENIED", "text", "No.")).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("grounds"))
                .body("violations[0].message", equalTo("DENIED needs at least one exemption ground"));
        post(CARLA, id, "/answer", Map.of("outcome", "PARTIALLY_GRANTED", "text", "En parte.", "grounds", List.of("capricho")))
                .then().statusCode(400)
                .body("violations[0].field", equalTo("grounds"))
                .body("violations[0].message", containsString("unknown exemption ground"));
        post(CARLA, id, "/answer", Map.of("outcome", "GRANTED", "text", "Sí.", "grounds", List.of("personal-data")))
                .then().statusCode(400).body("violations[0].field", equalTo("grounds"));
        post(CARLA, id, "/answer", Map.of("outcome", "MAYBE", "text", "Sí.")).then().statusCode(400)
                .body("violations[0].field", equalTo("outcome"));
        post(CARLA, id, "/answer", Map.of("outcome", "GRANTED", "text", "Sí.", "documentIds", List.of(UUID.randomUUID())))
                .then().statusCode(400).body("violations[0].field", equalTo("documentIds"));
        get(CARLA, id).then().body("status", equalTo("ASSIGNED"));

        post(CARLA, id, "/answer", Map.of("outcome", "PARTIALLY_GRANTED", "text", "Se testaron los nombres.",
                "grounds", List.of("personal-data", "third-party-confidential"))).then().statusCode(200)
                .body("status", equalTo("ANSWERED"))
                .body("answer.outcome", equalTo("PARTIALLY_GRANTED"))
                .body("answer.grounds", contains("personal-data", "third-party-confidential"))
                .body("answer.text", equalTo("Se testaron los nombres."))
                .body("allowedMoves", hasSize(0));
        get(ANA, id).then().body("allowedMoves", contains("appeal"));
    }

    @Test
    void shouldListTheExemptionGroundsOfLaw27275() {
        as(CARLA).get("/exemption-grounds").then().statusCode(200)
                .body("law", containsString("27.275"))
                .body("grounds", hasSize(13))
                .body("grounds[0].code", equalTo("classified-defence"))
                .body("grounds[0].reference", equalTo("art. 8 inc. a)"))
                .body("grounds[8].code", equalTo("personal-data"))
                .body("grounds[12].reference", equalTo("art. 8 inc. m)"));
    }

    @Test
    void shouldLetOnlyTheRequesterWithdrawWhileOpen() {
        String id = Fixture.inStatus(RequestStatus.AWAITING_CLARIFICATION);

        post(BEN, id, "/withdrawal", Map.of()).then().statusCode(404).contentType("application/problem+json");
        post(CARLA, id, "/withdrawal", Map.of()).then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403));
        as(ANA).post("/requests/" + id + "/withdrawal").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("pendingQuestion", nullValue());
        post(ANA, id, "/withdrawal", Map.of()).then().statusCode(409).body("currentStatus", equalTo("WITHDRAWN"))
                .body("allowedMoves", hasSize(0));
    }

    @Test
    void shouldRefuseAnAppealOnceTheClockSaysTheWindowClosed() {
        String id = Fixture.inStatus(RequestStatus.ANSWERED);
        KafkaEvents.send(Topics.DEADLINE_EVENTS, id, Fixture.deadlineEvent("AppealWindowOpened", id, UUID.randomUUID().toString()));
        KafkaEvents.send(Topics.DEADLINE_EVENTS, id, Fixture.deadlineEvent("AppealWindowClosed", id, UUID.randomUUID().toString()));
        await().atMost(EVENTUALLY).untilAsserted(() -> get(ANA, id).then()
                .body("appealWindowClosed", equalTo(true))
                .body("appealDueOn", equalTo("2027-02-19"))
                .body("appealDueAt", equalTo("2027-02-19T23:59:59-03:00")));

        Fixture.make(Move.APPEAL, id).then().statusCode(409)
                .body("type", equalTo("/problems/rule-violation"))
                .body("detail", containsString("appeal window"));
        get(ANA, id).then().body("status", equalTo("ANSWERED"));
    }

    @Test
    void shouldRefuseAnAppealAgainstAFullGrant() {
        String id = Fixture.inStatus(RequestStatus.ASSIGNED);
        Fixture.make(Move.ANSWER, id).then().statusCode(200);

        Fixture.make(Move.APPEAL, id).then().statusCode(409)
                .body("detail", containsString("was answered GRANTED"));
    }

    @Test
    void shouldRecordEveryMoveInTheHistoryWithActorRoleStatusesAndReason() {
        String id = Fixture.inStatus(RequestStatus.EXTENDED);

        as(ELENA).get("/requests/" + id + "/history").then().statusCode(200)
                .body("action", contains("file", "assign", "extend"))
                .body("fromStatus", contains(null, "RECEIVED", "ASSIGNED"))
                .body("status", contains("RECEIVED", "ASSIGNED", "EXTENDED"))
                .body("role", contains("resident", "coordinator", "clerk"))
                .body("actor", contains("ana-sub", "elena-sub", "carla-sub"))
                .body("reason[2]", equalTo("Hay que reunir tres expedientes."));
        as(ANA).get("/requests/" + id + "/history").then().statusCode(200)
                .body("actor", contains(null, null, null))
                .body("actorName", contains("Test ana-sub", null, null))
                .body("role", contains("resident", "coordinator", "clerk"));
        as(BEN).get("/requests/" + id + "/history").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404)).body("actor", nullValue());
    }

    @Test
    void shouldLetOnlyOneOfTwoClerksAnsweringAtOnceWin() throws Exception {
        for (int round = 0; round < 3; round++) {
            String id = Fixture.inStatus(RequestStatus.ASSIGNED);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Future<Response>> answers = new ArrayList<>();
            for (String clerk : List.of(CARLA, CORA)) {
                Callable<Response> answer = () -> {
                    start.await();
                    return post(clerk, id, "/answer", Map.of("outcome", "GRANTED", "text", "Respuesta de " + clerk.length()));
                };
                answers.add(pool.submit(answer));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                statuses.add(response.statusCode());
                if (response.statusCode() == 409) {
                    assertThat(response.contentType()).isEqualTo("application/problem+json");
                }
            }
            pool.shutdown();

            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            assertThat(count("SELECT count(*) FROM outbox_message WHERE message_key = ?1 AND type = 'RequestAnswered'", id))
                    .isEqualTo(1);
            assertThat(count("SELECT count(*) FROM request_history WHERE request_id = CAST(?1 AS uuid) AND action = 'answer'", id))
                    .isEqualTo(1);
        }
    }

    long count(String sql, String id) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).setParameter(1, id).getSingleResult()).longValue());
    }
}
