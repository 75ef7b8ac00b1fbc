package org.acceso.request.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.acceso.request.Law;
import org.acceso.request.domain.RequestStatus;
import org.acceso.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.acceso.request.Fixture.ANA;
import static org.acceso.request.Fixture.BEN;
import static org.acceso.request.Fixture.CARLA;
import static org.acceso.request.Fixture.DIEGO;
import static org.acceso.request.Fixture.ELENA;
import static org.acceso.request.Fixture.FEDE;
import static org.acceso.request.Fixture.as;
import static org.acceso.request.Fixture.inStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Every endpoint of request-service × every kind of caller. {@link Row} is the expected table and the single source of
 * truth: each cell is asserted here, and request-service/README.md must print exactly {@link #markdown()}.
 * <p>
 * Each cell meets the request in a status where the move is allowed for the right person, so that a refusal shows
 * authorization and not the state machine. A request someone may not see is 404, never 403; a role that can never make
 * the move is 403 before visibility is checked; no token is 401. A cell that succeeds on a move gets a request of its
 * own; refused cells share one, and must leave its status as it was.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    static final String README = "README.md";
    static final String ANA_EMAIL = "ana@example.org";
    static final String ANA_NAME = "Test ana-sub";
    /** register-service's client-credentials token (realm client acceso-register, role register). */
    static final String REGISTER_TOKEN = TestTokens.token("service-account-acceso-register", null,
            Map.of("azp", "acceso-register"), "register");

    /** The columns: who calls. */
    enum Who {
        OWNER("resident (owner)", ANA),
        OTHER_RESIDENT("other resident", BEN),
        CLERK("clerk of the agency", CARLA),
        OTHER_CLERK("clerk of another agency", DIEGO),
        COORDINATOR("coordinator", ELENA),
        AUDITOR("auditor", FEDE),
        ADMIN("admin", org.acceso.request.Fixture.ADMIN),
        REGISTER("register service", REGISTER_TOKEN),
        NO_TOKEN("no token", null);

        final String header;
        final String token;

        Who(String header, String token) {
            this.header = header;
            this.token = token;
        }

        /** Who may see the requester's identity and contact on Ana's request held by OBRAS. */
        boolean seesRequester() {
            return this == OWNER || this == CLERK || this == COORDINATOR || this == AUDITOR;
        }

        RequestSpecification spec() {
            RequestSpecification spec = given().contentType(ContentType.JSON);
            return token == null ? spec : spec.auth().oauth2(token);
        }

        @Override
        public String toString() {
            return header;
        }
    }

    /**
     * The rows: every endpoint, the status its request is in (– for none), and the expected status for each column in
     * the order of {@link Who}. A mutating row's successful cells each get a request of their own.
     */
    enum Row {
        FILE("POST", "/requests", null, false, 201, 201, 403, 403, 403, 403, 403, 403, 401),
        REGISTER("POST", "/requests", " with `channel`, `requester`", null, false, 403, 403, 201, 403, 201, 403, 403, 403, 401),
        MINE("GET", "/requests/mine", null, false, 200, 200, 403, 403, 403, 403, 403, 403, 401),
        LIST("GET", "/requests", null, false, 200, 200, 200, 200, 200, 200, 200, 403, 401),
        GET("GET", "/requests/{id}", RequestStatus.ANSWERED, false, 200, 404, 200, 404, 200, 200, 200, 404, 401),
        HISTORY("GET", "/requests/{id}/history", RequestStatus.ANSWERED, false, 200, 404, 200, 404, 200, 200, 200, 404, 401),
        ASSIGN("POST", "/requests/{id}/assignment", RequestStatus.RECEIVED, true, 403, 403, 200, 404, 200, 403, 403, 403, 401),
        CLARIFY("POST", "/requests/{id}/clarification", RequestStatus.ASSIGNED, true, 403, 403, 200, 404, 403, 403, 403, 403, 401),
        REPLY("POST", "/requests/{id}/clarification/reply", RequestStatus.AWAITING_CLARIFICATION, true,
                200, 404, 403, 403, 403, 403, 403, 403, 401),
        REFER("POST", "/requests/{id}/referral", RequestStatus.ASSIGNED, true, 403, 403, 200, 404, 403, 403, 403, 403, 401),
        EXTEND("POST", "/requests/{id}/extension", RequestStatus.ASSIGNED, true, 403, 403, 200, 404, 403, 403, 403, 403, 401),
        ANSWER("POST", "/requests/{id}/answer", RequestStatus.ASSIGNED, true, 403, 403, 200, 404, 403, 403, 403, 403, 401),
        WITHDRAW("POST", "/requests/{id}/withdrawal", RequestStatus.ASSIGNED, true, 200, 404, 403, 403, 403, 403, 403, 403, 401),
        APPEAL("POST", "/requests/{id}/appeal", RequestStatus.ANSWERED, true, 200, 404, 403, 403, 403, 403, 403, 403, 401),
        RESOLVE("POST", "/requests/{id}/appeal/resolution", RequestStatus.APPEALED, true,
                403, 403, 403, 403, 200, 403, 403, 403, 401),
        UPLOAD("POST", "/requests/{id}/documents", RequestStatus.ASSIGNED, false, 201, 404, 201, 404, 403, 403, 403, 403, 401),
        DOCUMENTS("GET", "/requests/{id}/documents", RequestStatus.ANSWERED, false, 200, 404, 200, 404, 200, 200, 200, 404, 401),
        DOCUMENT("GET", "/requests/{id}/documents/{docId}", RequestStatus.ANSWERED, false,
                200, 404, 200, 404, 200, 200, 200, 404, 401),
        RECEIPT("GET", "/requests/{id}/receipt.pdf", RequestStatus.ANSWERED, false, 200, 404, 200, 404, 200, 200, 200, 404, 401),
        IMPORT("POST", "/requests/import", null, false, 403, 403, 403, 403, 403, 403, 201, 403, 401),
        AGENCIES("GET", "/agencies", null, false, 200, 200, 200, 200, 200, 200, 200, 200, 401),
        AGENCY_CREATE("POST", "/agencies", null, false, 403, 403, 403, 403, 403, 403, 201, 403, 401),
        AGENCY("GET", "/agencies/{code}", null, false, 200, 200, 200, 200, 200, 200, 200, 200, 401),
        AGENCY_UPDATE("PUT", "/agencies/{code}", null, false, 403, 403, 403, 403, 403, 403, 200, 403, 401),
        CLERKS("GET", "/agencies/{code}/clerks", null, false, 403, 403, 403, 403, 200, 403, 200, 403, 401),
        STAFF("GET", "/staff", null, false, 403, 403, 403, 403, 200, 403, 200, 403, 401),
        STAFF_REFRESH("POST", "/staff/refresh", null, false, 403, 403, 403, 403, 200, 403, 200, 403, 401),
        GROUNDS("GET", "/exemption-grounds", null, false, 200, 200, 200, 200, 200, 200, 200, 200, 401),
        PROPOSAL("GET", "/requests/{id}/publication/proposal", RequestStatus.ANSWERED, false,
                403, 403, 200, 404, 200, 403, 403, 403, 401),
        PUBLISH("POST", "/requests/{id}/publication", RequestStatus.ANSWERED, true, 403, 403, 200, 404, 200, 403, 403, 403, 401),
        PUBLICATION("GET", "/requests/{id}/publication", RequestStatus.ANSWERED, false,
                403, 403, 200, 404, 200, 403, 403, 403, 401),
        UNPUBLISH("DELETE", "/requests/{id}/publication", RequestStatus.ANSWERED, true,
                403, 403, 200, 404, 200, 403, 403, 403, 401),
        PUBLIC_COPY("GET", "/internal/publications/{id}/documents/{copyId}", RequestStatus.ANSWERED, false,
                403, 403, 403, 403, 403, 403, 403, 200, 401);

        final String method;
        final String path;
        /** What tells this row from another of the same method and path (the body), or "". */
        final String variant;
        final RequestStatus state;
        final boolean mutates;
        final Map<Who, Integer> expected = new EnumMap<>(Who.class);

        Row(String method, String path, RequestStatus state, boolean mutates, int... statuses) {
            this(method, path, "", state, mutates, statuses);
        }

        Row(String method, String path, String variant, RequestStatus state, boolean mutates, int... statuses) {
            this.method = method;
            this.path = path;
            this.variant = variant;
            this.state = state;
            this.mutates = mutates;
            Who[] columns = Who.values();
            if (statuses.length != columns.length) {
                throw new IllegalArgumentException(name() + " needs one status per column");
            }
            for (int i = 0; i < columns.length; i++) {
                expected.put(columns[i], statuses[i]);
            }
        }

        int expectedFor(Who who) {
            return expected.get(who);
        }

        boolean succeeds(Who who) {
            return expectedFor(who) < 300;
        }

        /** The endpoint as the README's table names it. */
        String cell() {
            return "`" + method + " " + path + "`" + variant;
        }

        @Override
        public String toString() {
            return method + " " + path + variant;
        }
    }

    /** The markdown table README.md must contain, rendered from {@link Row}. */
    static String markdown() {
        StringBuilder table = new StringBuilder("| endpoint | request in |");
        Arrays.stream(Who.values()).forEach(who -> table.append(' ').append(who.header).append(" |"));
        table.append("\n|---|---|").append("---|".repeat(Who.values().length)).append('\n');
        for (Row row : Row.values()) {
            table.append("| ").append(row.cell()).append(" | ").append(row.state == null ? "–" : row.state.name()).append(" |");
            Arrays.stream(Who.values()).forEach(who -> table.append(' ').append(row.expectedFor(who)).append(" |"));
            table.append('\n');
        }
        return table.toString();
    }

    static Stream<Arguments> cells() {
        return Arrays.stream(Row.values()).flatMap(row -> Arrays.stream(Who.values()).map(who -> Arguments.of(row, who)));
    }

    // ---- what each row meets: created once and shared by the refused cells (and the reading ones) ----

    /** A request of Ana's held by OBRAS, answered GRANTED with a released text document. */
    record Answered(String id, String documentId, byte[] document) {
    }

    static final byte[] RELEASED = "Contrato de repavimentación 2025: monto total $ 1.234.567.\n".getBytes(StandardCharsets.UTF_8);
    static final Map<Row, String> shared = new EnumMap<>(Row.class);
    static Answered answered;
    static String matrixAgency;

    static synchronized Answered answered() {
        if (answered == null) {
            String id = inStatus(RequestStatus.ASSIGNED);
            String documentId = upload(CARLA, id, "contrato.txt", RELEASED).then().statusCode(201).extract().path("id");
            as(CARLA).body(Map.of("outcome", "GRANTED", "text", "Se adjunta el contrato.", "documentIds", List.of(documentId)))
                    .post("/requests/" + id + "/answer").then().statusCode(200);
            ReceiptTest.scheduled(id); // the receipt's due date
            answered = new Answered(id, documentId, RELEASED);
        }
        return answered;
    }

    /** A request of Ana's held by OBRAS, answered with a released text document and published with it by Carla. */
    record Published(String id, String copyId) {
    }

    static Published published;

    static synchronized Published published() {
        if (published == null) {
            String id = inStatus(RequestStatus.ASSIGNED);
            String documentId = upload(CARLA, id, "contrato.txt", RELEASED).then().statusCode(201).extract().path("id");
            as(CARLA).body(Map.of("outcome", "GRANTED", "text", "Se adjunta el contrato.", "documentIds", List.of(documentId)))
                    .post("/requests/" + id + "/answer").then().statusCode(200);
            String copyId = publish(id, List.of(Map.of("id", documentId, "visibility", "PUBLIC")))
                    .then().statusCode(200).extract().path("documents[0].id");
            published = new Published(id, copyId);
        }
        return published;
    }

    /** Carla publishes an answered request (its question and answer hold no personal data) with these documents. */
    static Response publish(String id, List<Map<String, String>> documents) {
        String answer = as(ELENA).get("/requests/" + id).then().statusCode(200).extract().path("answer.text");
        return as(CARLA).body(Map.of("question", "Copia de los contratos de repavimentación firmados en 2025.",
                "answer", answer, "documents", documents)).post("/requests/" + id + "/publication");
    }

    static synchronized String matrixAgency() {
        if (matrixAgency == null) {
            matrixAgency = "MATRIZ_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
            as(org.acceso.request.Fixture.ADMIN).body(Map.of("code", matrixAgency, "name", "Dirección de la matriz", "contactEmail", "matriz@rosario.example.org"))
                    .post("/agencies").then().statusCode(201);
        }
        return matrixAgency;
    }

    /** The request the cell meets: its own for a successful move, the row's shared one otherwise. */
    static String requestFor(Row row, Who who) {
        Supplier<String> create = row == Row.UNPUBLISH ? () -> {
            String id = inStatus(row.state);
            publish(id, List.of()).then().statusCode(200);
            return id;
        } : () -> inStatus(row.state);
        if (row.mutates && row.succeeds(who)) {
            return create.get();
        }
        synchronized (shared) {
            return shared.computeIfAbsent(row, r -> create.get());
        }
    }

    static Response upload(String token, String id, String name, byte[] content) {
        RequestSpecification spec = given().multiPart("file", name, content, "text/plain");
        return (token == null ? spec : spec.auth().oauth2(token)).post("/requests/" + id + "/documents");
    }

    // ---- the cells ----

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cells")
    void shouldAnswerEachCallerAsTheMatrixSays(Row row, Who who) {
        Answered reading = answered(); // exists before any call, so that the lists can show it
        String id = row.state == null ? null : row == Row.PUBLICATION || row == Row.PUBLIC_COPY ? published().id()
                : row.state == RequestStatus.ANSWERED && !row.mutates ? reading.id() : requestFor(row, who);
        Response response = call(row, who, id);
        int expected = row.expectedFor(who);

        response.then().statusCode(expected);
        if (expected >= 400) {
            assertProblem(response, expected);
            if (row.mutates) {
                as(ELENA).get("/requests/" + id).then().statusCode(200).body("status", equalTo(row.state.name()));
            }
        } else {
            assertSucceeded(row, who, id, response);
        }
    }

    static void assertProblem(Response response, int status) {
        response.then().contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("title", notNullValue())
                .body("detail", notNullValue());
        assertThat(response.asString()).doesNotContain("Exception").doesNotContain("org.").doesNotContain("java.");
    }

    private Response call(Row row, Who who, String id) {
        RequestSpecification spec = who.spec();
        String requests = "/requests/" + id;
        return switch (row) {
            case FILE -> spec.body(Map.of("subject", "Horas extra 2025", "description", "Por secretaría.", "agencyCode", "OBRAS"))
                    .post("/requests");
            case REGISTER -> spec.body(Map.of("subject", "Horas extra 2025", "description", "Por secretaría.", "agencyCode", "OBRAS",
                    "channel", "IN_PERSON", "requester", Map.of("name", "Rosa Ruiz", "postalAddress", "Bv. Oroño 1234"))).post("/requests");
            case MINE -> spec.get("/requests/mine");
            case LIST -> spec.queryParam("sort", "-filedAt").queryParam("size", 100).get("/requests");
            case GET -> spec.get(requests);
            case HISTORY -> spec.get(requests + "/history");
            case ASSIGN -> spec.body(Map.of("agencyCode", "OBRAS")).post(requests + "/assignment");
            case CLARIFY -> spec.body(Map.of("question", "¿Qué barrio?")).post(requests + "/clarification");
            case REPLY -> spec.body(Map.of("text", "Barrio Echesortu.")).post(requests + "/clarification/reply");
            case REFER -> spec.body(Map.of("agencyCode", "SALUD", "reason", "La tiene Salud.")).post(requests + "/referral");
            case EXTEND -> {
                Law.awaitKnown();
                yield spec.body(Map.of("reason", "Hay que reunir tres expedientes.")).post(requests + "/extension");
            }
            case ANSWER -> spec.body(Map.of("outcome", "GRANTED", "text", "Se adjunta lo pedido.")).post(requests + "/answer");
            case WITHDRAW -> spec.body(Map.of("reason", "Ya no la necesito.")).post(requests + "/withdrawal");
            case APPEAL -> spec.body(Map.of("reason", "La denegación no está fundada.")).post(requests + "/appeal");
            case RESOLVE -> spec.body(Map.of("decision", "DISMISSED", "text", "La denegación está fundada."))
                    .post(requests + "/appeal/resolution");
            case UPLOAD -> upload(who.token, id, "nota.txt", "Una nota.\n".getBytes(StandardCharsets.UTF_8));
            case DOCUMENTS -> spec.get(requests + "/documents");
            case DOCUMENT -> spec.get(requests + "/documents/" + answered().documentId());
            case RECEIPT -> spec.get(requests + "/receipt.pdf");
            case IMPORT -> spec.contentType(ImportResource.NDJSON + "; charset=UTF-8").body("""
                    {"subject":"Importada por la matriz","description":"d","filedAt":"2025-03-10T13:00:00Z","status":"RECEIVED",\
                    "requesterName":"Rosa Ruiz","requesterEmail":"rosa@example.org"}
                    """.getBytes(StandardCharsets.UTF_8)).post("/requests/import");
            case AGENCIES -> spec.get("/agencies");
            case AGENCY_CREATE -> spec.body(Map.of("code", "MATRIZ_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(),
                    "name", "Dirección nueva", "contactEmail", "nueva@rosario.example.org")).post("/agencies");
            case AGENCY -> spec.get("/agencies/OBRAS");
            case AGENCY_UPDATE -> spec.body(Map.of("name", "Dirección de la matriz (" + who.header + ")",
                    "contactEmail", "matriz@rosario.example.org")).put("/agencies/" + matrixAgency());
            case CLERKS -> spec.get("/agencies/OBRAS/clerks");
            case STAFF -> spec.get("/staff");
            case STAFF_REFRESH -> spec.post("/staff/refresh");
            case GROUNDS -> spec.get("/exemption-grounds");
            case PROPOSAL -> spec.get(requests + "/publication/proposal");
            case PUBLISH -> spec.body(Map.of("question", "Copia de los contratos de repavimentación firmados en 2025.",
                    "answer", "Contiene datos personales.")).post(requests + "/publication");
            case PUBLICATION -> spec.get(requests + "/publication");
            case UNPUBLISH -> spec.body(Map.of("reason", "Publicado por error.")).delete(requests + "/publication");
            case PUBLIC_COPY -> spec.get("/internal/publications/" + id + "/documents/" + published().copyId());
        };
    }

    /** What a successful cell answers: the right thing, and the requester only to those who may see them. */
    private void assertSucceeded(Row row, Who who, String id, Response response) {
        response.then().contentType(row == Row.DOCUMENT || row == Row.PUBLIC_COPY ? "text/plain"
                : row == Row.RECEIPT ? ReceiptResource.PDF : "application/json");
        switch (row) {
            case FILE -> response.then().body("status", equalTo("RECEIVED"))
                    .body("contactEmail", equalTo(who == Who.OWNER ? ANA_EMAIL : "ben@example.org"));
            case REGISTER -> response.then().body("status", equalTo("RECEIVED")).body("channel", equalTo("IN_PERSON"))
                    .body("agencyCode", equalTo("OBRAS")).body("requesterName", equalTo("Rosa Ruiz"))
                    .body("requesterPostalAddress", equalTo("Bv. Oroño 1234")).body("contactEmail", nullValue());
            case MINE -> response.then().body("id", who == Who.OWNER ? hasItem(answered().id()) : not(hasItem(answered().id())))
                    .body("contactEmail", who == Who.OWNER ? hasItem(ANA_EMAIL) : not(hasItem(ANA_EMAIL)));
            case LIST -> {
                boolean listed = who != Who.OTHER_RESIDENT && who != Who.OTHER_CLERK;
                response.then().body("items.id", listed ? hasItem(answered().id()) : not(hasItem(answered().id())));
                if (listed) {
                    assertRequester(who, response, "items.find { it.id == '" + answered().id() + "' }.");
                }
                if (who == Who.OTHER_CLERK) {
                    response.then().body("items.agencyCode", everyItem(equalTo("SALUD")));
                }
            }
            case GET -> {
                response.then().body("id", equalTo(id)).body("status", equalTo("ANSWERED"));
                assertRequester(who, response, "");
            }
            case HISTORY -> {
                response.then().body("action", equalTo(List.of("file", "assign", "answer")));
                List<String> actors = response.path("actor");
                List<String> names = response.path("actorName");
                if (who == Who.OWNER) {
                    assertThat(names.get(0)).isEqualTo(ANA_NAME);
                } else if (who.seesRequester()) {
                    assertThat(actors.get(0)).isEqualTo("ana-sub");
                    assertThat(names.get(0)).isEqualTo(ANA_NAME);
                } else {
                    assertThat(actors).doesNotContain("ana-sub");
                    assertThat(names).doesNotContain(ANA_NAME);
                }
            }
            case ASSIGN -> {
                response.then().body("status", equalTo("ASSIGNED")).body("agencyCode", equalTo("OBRAS"));
                if (who == Who.CLERK) {
                    response.then().body("assignee.userId", equalTo("carla-sub"));
                }
                assertRequester(who, response, "");
            }
            case CLARIFY -> {
                response.then().body("status", equalTo("AWAITING_CLARIFICATION")).body("pendingQuestion", equalTo("¿Qué barrio?"));
                assertRequester(who, response, "");
            }
            case REPLY -> {
                response.then().body("status", equalTo("ASSIGNED")).body("pendingQuestion", nullValue());
                assertRequester(who, response, "");
            }
            // The referring clerk no longer holds the request: what they get back is what a clerk of another agency sees.
            case REFER -> response.then().body("status", equalTo("REFERRED")).body("agencyCode", equalTo("SALUD"))
                    .body("contactEmail", nullValue());
            case EXTEND -> {
                response.then().body("status", equalTo("EXTENDED")).body("extensions", equalTo(1));
                assertRequester(who, response, "");
            }
            case ANSWER -> {
                response.then().body("status", equalTo("ANSWERED")).body("answer.outcome", equalTo("GRANTED"));
                assertRequester(who, response, "");
            }
            case WITHDRAW -> {
                response.then().body("status", equalTo("WITHDRAWN"));
                assertRequester(who, response, "");
            }
            case APPEAL -> {
                response.then().body("status", equalTo("APPEALED")).body("appeal.against", equalTo("DENIED"));
                assertRequester(who, response, "");
            }
            case RESOLVE -> {
                response.then().body("status", equalTo("APPEAL_RESOLVED")).body("appeal.decision", equalTo("DISMISSED"));
                assertRequester(who, response, "");
            }
            case UPLOAD -> response.then().body("name", equalTo("nota.txt")).body("mediaType", equalTo("text/plain"))
                    .body("size", equalTo(10)).body("released", equalTo(false));
            case DOCUMENTS -> response.then().body("id", hasItem(answered().documentId()));
            case DOCUMENT -> assertThat(response.asByteArray()).isEqualTo(answered().document());
            case RECEIPT -> {
                String tracking = as(ELENA).get(requests(id)).then().extract().path("trackingNumber");
                try {
                    assertThat(ReceiptTest.text(response)).contains(tracking).contains("lunes 21 de diciembre de 2026");
                } catch (IOException e) {
                    throw new AssertionError("The receipt is no PDF", e);
                }
            }
            case IMPORT -> response.then().body("imported", equalTo(1)).body("requests[0].status", equalTo("RECEIVED"));
            case AGENCIES -> response.then().body("code", hasItem("OBRAS")).body("code", hasItem("SALUD"));
            case AGENCY_CREATE -> response.then().body("code", org.hamcrest.Matchers.startsWith("MATRIZ_"))
                    .body("active", equalTo(true));
            case AGENCY -> response.then().body("code", equalTo("OBRAS")).body("name", equalTo("Secretaría de Obras Públicas"));
            case AGENCY_UPDATE -> response.then().body("code", equalTo(matrixAgency()))
                    .body("name", equalTo("Dirección de la matriz (" + who.header + ")"));
            case CLERKS -> response.then().body("userId", hasItem("carla-sub")).body("userId", not(hasItem("diego-sub")));
            case STAFF -> response.then().body("members.userId", hasItem("carla-sub")).body("members.userId", hasItem("elena-sub"));
            case STAFF_REFRESH -> response.then().body("clerks", equalTo(3)).body("coordinators", equalTo(1));
            case GROUNDS -> response.then().body("law", notNullValue()).body("grounds.code", hasItem("personal-data"));
            case PROPOSAL -> response.then().body("trackingNumber", notNullValue()).body("publishable", equalTo(true))
                    .body("answer.text", equalTo("Se adjunta el contrato."));
            case PUBLISH -> response.then().body("status", equalTo("PUBLISHED")).body("answer", equalTo("Contiene datos personales."));
            case PUBLICATION -> response.then().body("status", equalTo("PUBLISHED")).body("documents.id", equalTo(List.of(published().copyId())));
            case UNPUBLISH -> response.then().body("status", equalTo("WITHDRAWN"));
            // the released text holds no personal data: its public copy is the same bytes
            case PUBLIC_COPY -> assertThat(response.asByteArray()).isEqualTo(RELEASED);
        }
    }

    private static String requests(String id) {
        return "/requests/" + id;
    }

    /** Ana's name and e-mail appear for those who may see the requester, and are null for everyone else. */
    private static void assertRequester(Who who, Response response, String prefix) {
        if (who.seesRequester()) {
            response.then().body(prefix + "contactEmail", equalTo(ANA_EMAIL)).body(prefix + "requesterName", equalTo(ANA_NAME));
        } else {
            response.then().body(prefix + "contactEmail", nullValue()).body(prefix + "requesterName", nullValue());
        }
    }

    // ---- the README prints the same table ----

    @Test
    void shouldPrintExactlyThisMatrixInTheReadme() throws IOException {
        String readme = Files.readString(Path.of(README), StandardCharsets.UTF_8);
        String table = markdown();

        assertThat(readme)
                .as("request-service/README.md must contain the authorization matrix exactly as the test asserts it:%n%s", table)
                .contains(table);
        assertThat(Arrays.stream(Row.values()).map(Row::toString).collect(Collectors.toSet()))
                .as("one row per endpoint").hasSize(Row.values().length);
    }
}
