package org.acceso.request;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.acceso.contracts.Topics;
import org.acceso.request.domain.Move;
import org.acceso.request.domain.RequestStatus;
import org.acceso.testsupport.KafkaEvents;
import org.acceso.testsupport.TestTokens;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.acceso.testsupport.ContractAssertions.example;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The people of the tests and the moves that bring a request into any status, through the REST API as those people
 * would (and the legal clock's events through the real broker). Ana files; Carla and Cora are clerks of OBRAS, Diego
 * of SALUD; Elena coordinates; Fede audits; Admin keeps agencies.
 */
public final class Fixture {

    public static final String ANA = TestTokens.resident("ana-sub", "ana@example.org");
    public static final String BEN = TestTokens.resident("ben-sub", "ben@example.org");
    public static final String CARLA = TestTokens.clerk("carla-sub", "carla@example.org", "OBRAS");
    public static final String CORA = TestTokens.clerk("cora-sub", "cora@example.org", "OBRAS");
    public static final String DIEGO = TestTokens.clerk("diego-sub", "diego@example.org", "SALUD");
    public static final String ELENA = TestTokens.token("elena-sub", "elena@example.org", "coordinator");
    public static final String FEDE = TestTokens.token("fede-sub", "fede@example.org", "auditor");
    public static final String ADMIN = TestTokens.token("admin-sub", "admin@example.org", "admin");

    public static final Duration EVENTUALLY = Duration.ofSeconds(60);

    private Fixture() {
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** Ana files a request for {@code agency} (null: for the coordinators to route); returns its id. */
    public static String file(String agency) {
        Map<String, Object> body = new HashMap<>(Map.of("subject", "Contratos de obra pública 2025",
                "description", "Copia de los contratos de repavimentación firmados en 2025."));
        if (agency != null) {
            body.put("agencyCode", agency);
        }
        return as(ANA).body(body).post("/requests").then().statusCode(201).extract().path("id");
    }

    public static Response post(String token, String id, String path, Object body) {
        return as(token).body(body).post("/requests/" + id + path);
    }

    public static Response get(String token, String id) {
        return given().auth().oauth2(token).get("/requests/" + id);
    }

    /** The clerk token of an agency used in these tests. */
    public static String clerkOf(String agency) {
        return switch (agency) {
            case "OBRAS" -> CARLA;
            case "SALUD" -> DIEGO;
            default -> throw new IllegalArgumentException("No test clerk for " + agency);
        };
    }

    /** Makes {@code move} on request {@code id} as the person who would make it, with a valid body. */
    public static Response make(Move move, String id) {
        String agency = get(ELENA, id).then().statusCode(200).extract().path("agencyCode");
        String other = "SALUD".equals(agency) ? "OBRAS" : "SALUD";
        String clerk = clerkOf(agency == null ? "OBRAS" : agency);
        return switch (move) {
            case ASSIGN -> post(ELENA, id, "/assignment", Map.of("agencyCode", agency == null ? "OBRAS" : agency));
            case REQUEST_CLARIFICATION -> post(clerk, id, "/clarification", Map.of("question", "¿De qué barrio?"));
            case PROVIDE_CLARIFICATION -> post(ANA, id, "/clarification/reply", Map.of("text", "Barrio Echesortu."));
            case REFER -> post(clerk, id, "/referral", Map.of("agencyCode", other, "reason", "La tiene " + other + "."));
            case REFER_OUT -> post(clerk, id, "/referral", Map.of("external", "Gobierno de la Provincia de Santa Fe",
                    "reason", "Es información provincial."));
            case EXTEND -> {
                Law.awaitKnown(); // how many extensions the law allows comes with deadline-service's policy
                yield post(clerk, id, "/extension", Map.of("reason", "Hay que reunir tres expedientes."));
            }
            case ANSWER -> post(clerk, id, "/answer", Map.of("outcome", "GRANTED", "text", "Se adjunta lo pedido."));
            case WITHDRAW -> post(ANA, id, "/withdrawal", Map.of("reason", "Ya no la necesito."));
            case APPEAL -> post(ANA, id, "/appeal", Map.of("reason", "La denegación no está fundada."));
            case RESOLVE_APPEAL -> post(ELENA, id, "/appeal/resolution", Map.of("decision", "DISMISSED",
                    "text", "La denegación está fundada."));
            case DEEM_DENIED -> throw new IllegalArgumentException("deemDenied is made by the legal clock, not over REST");
        };
    }

    /** A new request of Ana's, held by OBRAS, brought into {@code status} through the moves that lead there. */
    public static String inStatus(RequestStatus status) {
        String id = file("OBRAS");
        List<Runnable> steps = switch (status) {
            case RECEIVED -> List.of();
            case ASSIGNED -> List.of(() -> ok(make(Move.ASSIGN, id)));
            case AWAITING_CLARIFICATION -> List.of(() -> ok(make(Move.ASSIGN, id)), () -> ok(make(Move.REQUEST_CLARIFICATION, id)));
            case REFERRED -> List.of(() -> ok(make(Move.ASSIGN, id)), () -> ok(make(Move.REFER, id)));
            case EXTENDED -> List.of(() -> ok(make(Move.ASSIGN, id)), () -> ok(make(Move.EXTEND, id)));
            case ANSWERED -> List.of(() -> ok(make(Move.ASSIGN, id)), () -> ok(deny(id)));
            case WITHDRAWN -> List.of(() -> ok(make(Move.WITHDRAW, id)));
            case DEEMED_DENIED -> List.of(() -> ok(make(Move.ASSIGN, id)), () -> deadlineMissed(id));
            case APPEALED -> List.of(() -> ok(make(Move.ASSIGN, id)), () -> ok(deny(id)), () -> ok(make(Move.APPEAL, id)));
            case APPEAL_RESOLVED -> List.of(() -> ok(make(Move.ASSIGN, id)), () -> ok(deny(id)), () -> ok(make(Move.APPEAL, id)),
                    () -> ok(make(Move.RESOLVE_APPEAL, id)));
            case REFERRED_EXTERNALLY -> List.of(() -> ok(make(Move.ASSIGN, id)), () -> ok(make(Move.REFER_OUT, id)));
        };
        steps.forEach(Runnable::run);
        get(ELENA, id).then().statusCode(200).body("status", equalTo(status.name()));
        return id;
    }

    /** The holding clerk denies the request on the personal-data ground. */
    public static Response deny(String id) {
        String agency = get(ELENA, id).then().extract().path("agencyCode");
        return post(clerkOf(agency), id, "/answer", Map.of("outcome", "DENIED", "text", "Contiene datos personales.",
                "grounds", List.of("personal-data")));
    }

    private static void ok(Response response) {
        response.then().statusCode(200);
    }

    /** deadline-service's DeadlineMissed for {@code id} (the pinned example, aimed at it); waits until it is applied. */
    public static String deadlineMissed(String id) {
        String eventId = UUID.randomUUID().toString();
        KafkaEvents.send(Topics.DEADLINE_EVENTS, id, deadlineEvent("DeadlineMissed", id, eventId));
        await().atMost(EVENTUALLY).untilAsserted(() -> get(ELENA, id).then().body("status", equalTo("DEEMED_DENIED")));
        return eventId;
    }

    /** The pinned example of a deadline-events type, aimed at request {@code id}, with its own event id. */
    public static String deadlineEvent(String type, String id, String eventId) {
        String example = example(type);
        String exampleEventId = example.replaceAll("(?s).*\"eventId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        return example.replace("0b6e3f57-2a43-4c1b-8d0e-3c6a1f2b7d44", id)
                .replace(exampleEventId, eventId)
                .replaceFirst("\"occurredAt\"\\s*:\\s*\"[^\"]+\"", "\"occurredAt\": \"" + Instant.now() + "\"");
    }
}
