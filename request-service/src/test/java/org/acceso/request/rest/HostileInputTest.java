package org.acceso.request.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.acceso.request.domain.RequestStatus;
import org.acceso.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.acceso.request.Fixture.ADMIN;
import static org.acceso.request.Fixture.ANA;
import static org.acceso.request.Fixture.CARLA;
import static org.acceso.request.Fixture.ELENA;
import static org.acceso.request.Fixture.as;
import static org.acceso.request.Fixture.inStatus;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Hostile input on every endpoint that takes input: malformed JSON, wrong types, 1 MB strings, unknown enum values,
 * non-UUID and encoded ids, SQL and script injection in every field whose syntax is constrained, NUL characters, path
 * tricks in document names. Each gets a 4xx problem+json (never a 5xx, no stack trace, no class name) AND changes
 * nothing: the request's status, history, outbox rows and documents (or the catalogue, or the imported requests) are
 * the same before and after. Injection strings in free text are not errors: they are kept verbatim as inert text
 * ({@link #shouldKeepInjectionStringsInFreeTextAsInertText()}).
 */
@QuarkusTest
class HostileInputTest {

    static final String HOSTILE = TestTokens.resident("hostile-sub", "hostile@example.org");
    static final String REGISTER = AuthorizationMatrixTest.REGISTER_TOKEN;
    static final String MEGA = "x".repeat(1_000_000);
    static final String OVER_A_MEBIBYTE = "x".repeat(1_100_000);
    static final String SQL = "OBRAS' OR '1'='1'; DROP TABLE information_request; --";
    static final String SCRIPT = "<script>alert(document.cookie)</script>";
    static final String NUL = "Contratos\u0000 de obra";
    static final String VALID_PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

    /** Ids that are not ids: garbage, injections, path tricks, encodings (sent raw, without further URL encoding). */
    static final List<String> BAD_IDS = List.of(
            "not-a-uuid",
            "12345",
            "00000000-0000-0000-0000-000000000000",
            "%27%20OR%20%271%27%3D%271",
            "1%3B%20DROP%20TABLE%20information_request",
            "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "..%2F..%2Fetc%2Fpasswd",
            "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "%252e%252e%252fetc%252fpasswd",
            "%00",
            "%C0%AE%C0%AE%2F",
            "%E2%80%AE",
            "{id}%00",
            "{id}%27--",
            "{id}%2F..");

    @Inject
    AgroalDataSource db;

    /** The endpoints attacked, the request (or catalogue) each meets, and how to see that nothing changed. */
    enum Target {
        FILE, LIST, READ, ASSIGN, CLARIFY, REPLY, REFER, EXTEND, ANSWER, WITHDRAW, APPEAL, RESOLVE, UPLOAD, IMPORT,
        AGENCY_CREATE, AGENCY_UPDATE, AGENCY_READ, PUBLISH, UNPUBLISH;

        RequestStatus state() {
            return switch (this) {
                case READ, CLARIFY, REFER, EXTEND, ANSWER, WITHDRAW, UPLOAD -> RequestStatus.ASSIGNED;
                case ASSIGN -> RequestStatus.RECEIVED;
                case REPLY -> RequestStatus.AWAITING_CLARIFICATION;
                case APPEAL, PUBLISH, UNPUBLISH -> RequestStatus.ANSWERED;
                case RESOLVE -> RequestStatus.APPEALED;
                default -> null;
            };
        }
    }

    /** What an attack meets: the request id (and a document of it), and an agency of the test's own. */
    record Ctx(String id, String documentId, String agency) {
    }

    record Attack(Target target, String name, int status, Function<Ctx, Response> send) {
    }

    enum Kind { TEXT, CODE, ENUM, EMAIL, NAME, BOOL, INSTANT, CODES, UUIDS }

    record Field(String name, Kind kind) {
    }

    /** Each enum field's value in the wrong case: enums are exact. */
    static final Map<String, String> WRONG_CASE = Map.of("language", "ES", "outcome", "granted", "decision", "dismissed");

    static final Map<String, Attack> ATTACKS = new LinkedHashMap<>();
    static final Map<Target, Ctx> CONTEXTS = new EnumMap<>(Target.class);

    static {
        json(Target.FILE, HOSTILE, "POST", "/requests", Map.of("subject", "Obras 2025", "description", "Contratos."),
                new Field("subject", Kind.TEXT), new Field("description", Kind.TEXT), new Field("agencyCode", Kind.CODE),
                new Field("language", Kind.ENUM), new Field("contactEmail", Kind.EMAIL));
        json(Target.ASSIGN, ELENA, "POST", "/requests/{id}/assignment", Map.of("agencyCode", "OBRAS"),
                new Field("agencyCode", Kind.CODE), new Field("clerk", Kind.NAME));
        json(Target.CLARIFY, CARLA, "POST", "/requests/{id}/clarification", Map.of("question", "¿Qué barrio?"),
                new Field("question", Kind.TEXT));
        json(Target.REPLY, ANA, "POST", "/requests/{id}/clarification/reply", Map.of("text", "Echesortu."),
                new Field("text", Kind.TEXT));
        json(Target.REFER, CARLA, "POST", "/requests/{id}/referral", Map.of("agencyCode", "SALUD", "reason", "La tiene Salud."),
                new Field("agencyCode", Kind.CODE), new Field("reason", Kind.TEXT), new Field("external", Kind.TEXT));
        json(Target.EXTEND, CARLA, "POST", "/requests/{id}/extension", Map.of("reason", "Tres expedientes."),
                new Field("reason", Kind.TEXT));
        json(Target.ANSWER, CARLA, "POST", "/requests/{id}/answer", Map.of("outcome", "GRANTED", "text", "Se adjunta."),
                new Field("outcome", Kind.ENUM), new Field("text", Kind.TEXT), new Field("grounds", Kind.CODES),
                new Field("documentIds", Kind.UUIDS));
        json(Target.WITHDRAW, ANA, "POST", "/requests/{id}/withdrawal", Map.of("reason", "Ya no la necesito."),
                new Field("reason", Kind.TEXT));
        json(Target.APPEAL, ANA, "POST", "/requests/{id}/appeal", Map.of("reason", "No está fundada."),
                new Field("reason", Kind.TEXT));
        json(Target.RESOLVE, ELENA, "POST", "/requests/{id}/appeal/resolution", Map.of("decision", "DISMISSED", "text", "Fundada."),
                new Field("decision", Kind.ENUM), new Field("text", Kind.TEXT));
        json(Target.AGENCY_CREATE, ADMIN, "POST", "/agencies",
                Map.of("code", "HOSTIL_NUEVA", "name", "Dirección hostil", "contactEmail", "hostil@rosario.example.org"),
                new Field("code", Kind.CODE), new Field("name", Kind.TEXT), new Field("contactEmail", Kind.EMAIL),
                new Field("backupEmail", Kind.EMAIL), new Field("active", Kind.BOOL));
        json(Target.AGENCY_UPDATE, ADMIN, "PUT", "/agencies/{code}",
                Map.of("name", "Dirección hostil", "contactEmail", "hostil@rosario.example.org"),
                new Field("code", Kind.CODE), new Field("name", Kind.TEXT), new Field("contactEmail", Kind.EMAIL),
                new Field("backupEmail", Kind.EMAIL), new Field("active", Kind.BOOL));
        json(Target.PUBLISH, CARLA, "POST", "/requests/{id}/publication",
                Map.of("question", "Copia de los contratos.", "answer", "Contiene datos personales."),
                new Field("subject", Kind.TEXT), new Field("question", Kind.TEXT), new Field("answer", Kind.TEXT),
                new Field("embargoUntil", Kind.INSTANT));
        json(Target.UNPUBLISH, CARLA, "DELETE", "/requests/{id}/publication", Map.of("reason", "Orden judicial."),
                new Field("reason", Kind.TEXT));
        publications();
        imports();
        uploads();
        list();
        ids();
    }

    // ---- the attacks ----

    /** Every attack on a JSON endpoint: on the body as a whole, then on each field by its kind. */
    static void json(Target target, String token, String method, String path, Map<String, Object> valid, Field... fields) {
        String firstField = valid.keySet().iterator().next();
        add(target, "malformed JSON", 400, c -> send(token, method, path, c, "{\"" + firstField + "\": \"x\", "));
        add(target, "a JSON array instead of an object", 400, c -> send(token, method, path, c, "[]"));
        add(target, "a JSON string instead of an object", 400, c -> send(token, method, path, c, "\"hola\""));
        add(target, "not JSON at all", 400, c -> send(token, method, path, c, "subject=x&description=y"));
        add(target, "a body over 1 MB", 413, c -> send(token, method, path, c, with(valid, firstField, OVER_A_MEBIBYTE)));
        add(target, "JSON declared as text/plain", 415, c -> spec(token).contentType("text/plain; charset=UTF-8")
                .body("{\"" + firstField + "\": \"x\"}".getBytes(StandardCharsets.UTF_8)).request(method, resolve(path, c)));
        if (target != Target.WITHDRAW) { // a withdrawal's body is optional
            add(target, "no body", 400, c -> spec(token).contentType(ContentType.JSON).request(method, resolve(path, c)));
            add(target, "a JSON null", 400, c -> send(token, method, path, c, "null"));
        }
        for (Field field : fields) {
            String f = field.name() + " ";
            switch (field.kind()) {
                case TEXT, CODE, ENUM, EMAIL, NAME -> {
                    add(target, f + "as an object", 400, c -> send(token, method, path, c, with(valid, field.name(), Map.of("a", 1))));
                    add(target, f + "as an array", 400, c -> send(token, method, path, c, with(valid, field.name(), List.of("a"))));
                    add(target, f + "of 1 MB", 400, c -> send(token, method, path, c, with(valid, field.name(), MEGA)));
                    add(target, f + "with a NUL character", 400, c -> send(token, method, path, c, with(valid, field.name(), NUL)));
                }
                case BOOL -> add(target, f + "as a word", 400, c -> send(token, method, path, c, with(valid, field.name(), "quizás")));
                case INSTANT -> add(target, f + "as a word", 400, c -> send(token, method, path, c, with(valid, field.name(), "ayer")));
                case CODES, UUIDS -> {
                    add(target, f + "as a string", 400, c -> send(token, method, path, c, with(valid, field.name(), "personal-data")));
                    add(target, f + "with an object", 400, c -> send(token, method, path, c, with(valid, field.name(), List.of(Map.of()))));
                    add(target, f + "with 1 MB", 400, c -> send(token, method, path, c, with(valid, field.name(), List.of(MEGA))));
                    add(target, f + "with SQL", 400, c -> send(token, method, path, c, with(valid, field.name(), List.of(SQL))));
                    add(target, f + "with a script", 400, c -> send(token, method, path, c, with(valid, field.name(), List.of(SCRIPT))));
                    add(target, f + "with a NUL character", 400, c -> send(token, method, path, c, with(valid, field.name(), List.of(NUL))));
                }
            }
            if (field.kind() == Kind.CODE || field.kind() == Kind.ENUM || field.kind() == Kind.EMAIL || field.kind() == Kind.NAME) {
                add(target, f + "with SQL", 400, c -> send(token, method, path, c, with(valid, field.name(), SQL)));
                add(target, f + "with a script", 400, c -> send(token, method, path, c, with(valid, field.name(), SCRIPT)));
            }
            if (field.kind() == Kind.ENUM) {
                add(target, f + "with an unknown value", 400, c -> send(token, method, path, c, with(valid, field.name(), "MAYBE")));
                add(target, f + "as a number", 400, c -> send(token, method, path, c, with(valid, field.name(), 1)));
                add(target, f + "in the wrong case", 400, c -> send(token, method, path, c,
                        with(valid, field.name(), WRONG_CASE.get(field.name()))));
            }
        }
    }

    static final String IMPORT_LINE = "{\"subject\":\"Importada hostil\",\"description\":\"d\",\"filedAt\":\"2025-03-10T13:00:00Z\","
            + "\"status\":\"RECEIVED\",\"requesterName\":\"Rosa Ruiz\",\"requesterEmail\":\"rosa@example.org\"}";

    static void imports() {
        Target t = Target.IMPORT;
        add(t, "malformed JSON line", 400, c -> ndjson(IMPORT_LINE + "\n{\"subject\": \"x\", \n"));
        add(t, "a JSON array line", 400, c -> ndjson(IMPORT_LINE + "\n[]\n"));
        add(t, "an unknown field", 400, c -> ndjson(IMPORT_LINE.replace("{", "{\"isAdmin\":true,")));
        add(t, "filedAt as a word", 400, c -> ndjson(IMPORT_LINE.replace("2025-03-10T13:00:00Z", "ayer")));
        add(t, "filedAt as an object", 400, c -> ndjson(IMPORT_LINE.replace("\"2025-03-10T13:00:00Z\"", "{}")));
        add(t, "an unknown status", 400, c -> ndjson(IMPORT_LINE.replace("RECEIVED", "CLOSED")));
        add(t, "a status of SQL", 400, c -> ndjson(IMPORT_LINE.replace("RECEIVED", "RECEIVED' OR '1'='1")));
        add(t, "subject of 1 MB", 400, c -> ndjson(IMPORT_LINE.replace("Importada hostil", MEGA)));
        add(t, "subject with a NUL character", 400, c -> ndjson(IMPORT_LINE.replace("Importada hostil", "Importada\\u0000hostil")));
        add(t, "a tracking number of SQL", 400, c -> ndjson(IMPORT_LINE.replace("{", "{\"trackingNumber\":\"AIP' OR '1'='1\",")));
        add(t, "a tracking number with a script", 400, c -> ndjson(IMPORT_LINE.replace("{", "{\"trackingNumber\":\"" + SCRIPT.replace("/", "\\/") + "\",")));
        add(t, "an agency code of SQL", 400, c -> ndjson(IMPORT_LINE.replace("{", "{\"agencyCode\":\"" + SQL.replace("'", "'") + "\",")));
        add(t, "a requester e-mail with a script", 400, c -> ndjson(IMPORT_LINE.replace("rosa@example.org", SCRIPT)));
        add(t, "grounds with SQL", 400, c -> ndjson(IMPORT_LINE.replace("RECEIVED", "ANSWERED")
                .replace("{", "{\"agencyCode\":\"OBRAS\",\"outcome\":\"DENIED\",\"answeredAt\":\"2025-03-20T13:00:00Z\",\"grounds\":[\"x' OR 1=1 --\"],")));
        add(t, "an unknown outcome", 400, c -> ndjson(IMPORT_LINE.replace("RECEIVED", "ANSWERED")
                .replace("{", "{\"agencyCode\":\"OBRAS\",\"outcome\":\"MAYBE\",\"answeredAt\":\"2025-03-20T13:00:00Z\",")));
        add(t, "CSV with an unknown column", 400, c -> csv("subject,description,filedAt,status,requesterName,requesterEmail,\"x; DROP TABLE agency\"\n"
                + "S,D,2025-03-10T13:00:00Z,RECEIVED,Rosa,rosa@example.org,1\n"));
        add(t, "CSV with an open quote", 400, c -> csv("subject,description,filedAt,status,requesterName,requesterEmail\n"
                + "\"S,D,2025-03-10T13:00:00Z,RECEIVED,Rosa,rosa@example.org\n"));
        add(t, "CSV with a NUL character", 400, c -> csv("subject,description,filedAt,status,requesterName,requesterEmail\n"
                + "S\u0000,D,2025-03-10T13:00:00Z,RECEIVED,Rosa,rosa@example.org\n"));
        add(t, "JSON instead of JSON lines", 415, c -> given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("[" + IMPORT_LINE + "]").post("/requests/import"));
        add(t, "bytes that are not UTF-8", 400, c -> given().auth().oauth2(ADMIN).contentType(ImportResource.NDJSON + "; charset=UTF-8")
                .body(IMPORT_LINE.replace("Rosa", "Ros\u00e1").getBytes(StandardCharsets.ISO_8859_1)).post("/requests/import"));
        add(t, "an unknown charset", 415, c -> given().auth().oauth2(ADMIN).contentType("text/csv; charset=klingon")
                .body("subject\nS\n".getBytes(StandardCharsets.UTF_8)).post("/requests/import"));
        add(t, "an empty file", 400, c -> ndjson("\n\n"));
    }

    /** The publication's documents, kept data and embargo: each malformed one refused (400) before anything is made. */
    static void publications() {
        Target t = Target.PUBLISH;
        Map<String, Object> valid = Map.of("question", "Copia de los contratos.", "answer", "Contiene datos personales.");
        String path = "/requests/{id}/publication";
        String someId = UUID.randomUUID().toString();
        add(t, "documents as a string", 400, c -> send(CARLA, "POST", path, c, with(valid, "documents", "todos")));
        add(t, "documents with an unknown visibility", 400, c -> send(CARLA, "POST", path, c,
                with(valid, "documents", List.of(Map.of("id", someId, "visibility", "PUBLICO")))));
        add(t, "documents with a visibility in the wrong case", 400, c -> send(CARLA, "POST", path, c,
                with(valid, "documents", List.of(Map.of("id", someId, "visibility", "public")))));
        add(t, "documents with a visibility by its position", 400, c -> send(CARLA, "POST", path, c,
                with(valid, "documents", List.of(Map.of("id", someId, "visibility", 0)))));
        add(t, "documents with an id of SQL", 400, c -> send(CARLA, "POST", path, c,
                with(valid, "documents", List.of(Map.of("id", SQL, "visibility", "PUBLIC")))));
        add(t, "documents without an id", 400, c -> send(CARLA, "POST", path, c,
                with(valid, "documents", List.of(Map.of("visibility", "PUBLIC")))));
        add(t, "documents naming one not released", 400, c -> send(CARLA, "POST", path, c,
                with(valid, "documents", List.of(Map.of("id", someId, "visibility", "PUBLIC")))));
        add(t, "documents with 51 items", 400, c -> send(CARLA, "POST", path, c, with(valid, "documents",
                java.util.Collections.nCopies(51, Map.of("id", someId, "visibility", "PUBLIC")))));
        add(t, "keep as a string", 400, c -> send(CARLA, "POST", path, c, with(valid, "keep", "Juan Pérez")));
        add(t, "keep with an object", 400, c -> send(CARLA, "POST", path, c, with(valid, "keep", List.of(Map.of()))));
        add(t, "keep with 1 MB", 400, c -> send(CARLA, "POST", path, c, with(valid, "keep", List.of(MEGA))));
        add(t, "keep with a NUL character", 400, c -> send(CARLA, "POST", path, c, with(valid, "keep", List.of(NUL))));
        add(t, "embargoUntil in the past", 400, c -> send(CARLA, "POST", path, c, with(valid, "embargoUntil", "2020-01-01")));
        add(t, "embargoUntil as an instant", 400, c -> send(CARLA, "POST", path, c,
                with(valid, "embargoUntil", "2030-01-01T00:00:00Z' OR '1'='1")));
    }

    static void uploads() {
        Target t = Target.UPLOAD;
        byte[] pdf = VALID_PDF.getBytes(StandardCharsets.US_ASCII);
        for (String name : List.of("../../etc/passwd", "..\\x.pdf", "a/b.pdf", "/etc/passwd.pdf", "C:\\Windows\\x.pdf",
                "a\u0000.pdf", "a\u0007b.pdf", "a\u001b[31mb.pdf", "a\u007fb.pdf", "..", ".", "   ", "x".repeat(300) + ".pdf")) {
            add(t, "a document named " + printable(name), 400, c -> upload(CARLA, c.id(), "file", name, pdf));
        }
        add(t, "no file field", 400, c -> upload(CARLA, c.id(), "document", "a.pdf", pdf));
        add(t, "an empty file", 400, c -> upload(CARLA, c.id(), "file", "a.pdf", new byte[0]));
        add(t, "JSON instead of multipart", 415, c -> as(CARLA).body(Map.of("file", VALID_PDF)).post("/requests/" + c.id() + "/documents"));
    }

    static void list() {
        Target t = Target.LIST;
        List<String[]> params = List.of(
                new String[]{"status", "BOGUS"},
                new String[]{"status", SQL},
                new String[]{"sort", "bogus"},
                new String[]{"sort", "dueAt; DROP TABLE information_request"},
                new String[]{"page", "-1"},
                new String[]{"page", "abc"},
                new String[]{"size", "0"},
                new String[]{"size", "101"},
                new String[]{"size", "1e9"},
                new String[]{"dueBefore", "ayer"},
                new String[]{"dueAfter", SCRIPT},
                new String[]{"q", "x".repeat(3000)},
                new String[]{"q", "Contratos\u0000"},
                new String[]{"agency", "OBRAS\u0000"},
                new String[]{"assignee", "carla\u0000"});
        for (String[] p : params) {
            add(t, "query " + p[0] + "=" + printable(p[1]), 400,
                    c -> given().auth().oauth2(ELENA).queryParam(p[0], p[1]).get("/requests"));
        }
    }

    /** Bad ids on every endpoint that takes one: the request's, the document's and the agency's. */
    static void ids() {
        for (String raw : BAD_IDS) {
            String n = "id " + raw;
            int notFound = raw.contains("%00") ? 400 : 404; // a NUL is refused before any lookup, whatever the id
            add(Target.READ, "GET request " + n, notFound, c -> raw(ELENA, "GET", "/requests/" + id(raw, c), null));
            add(Target.READ, "GET history " + n, notFound, c -> raw(ELENA, "GET", "/requests/" + id(raw, c) + "/history", null));
            add(Target.READ, "GET documents " + n, notFound, c -> raw(ELENA, "GET", "/requests/" + id(raw, c) + "/documents", null));
            add(Target.READ, "GET document " + n, notFound, c -> raw(ELENA, "GET", "/requests/" + id(raw, c) + "/documents/" + c.documentId(), null));
            add(Target.READ, "GET document of the request, document " + n, notFound,
                    c -> raw(ELENA, "GET", "/requests/" + c.id() + "/documents/" + id(raw, c.documentId()), null));
            add(Target.ASSIGN, "assignment " + n, notFound, c -> raw(ELENA, "POST", "/requests/" + id(raw, c) + "/assignment", "{\"agencyCode\":\"OBRAS\"}"));
            add(Target.CLARIFY, "clarification " + n, notFound, c -> raw(CARLA, "POST", "/requests/" + id(raw, c) + "/clarification", "{\"question\":\"¿Qué?\"}"));
            add(Target.REPLY, "reply " + n, notFound, c -> raw(ANA, "POST", "/requests/" + id(raw, c) + "/clarification/reply", "{\"text\":\"Esto.\"}"));
            add(Target.REFER, "referral " + n, notFound, c -> raw(CARLA, "POST", "/requests/" + id(raw, c) + "/referral", "{\"agencyCode\":\"SALUD\",\"reason\":\"r\"}"));
            add(Target.EXTEND, "extension " + n, notFound, c -> raw(CARLA, "POST", "/requests/" + id(raw, c) + "/extension", "{\"reason\":\"r\"}"));
            add(Target.ANSWER, "answer " + n, notFound, c -> raw(CARLA, "POST", "/requests/" + id(raw, c) + "/answer", "{\"outcome\":\"GRANTED\",\"text\":\"t\"}"));
            add(Target.WITHDRAW, "withdrawal " + n, notFound, c -> raw(ANA, "POST", "/requests/" + id(raw, c) + "/withdrawal", "{\"reason\":\"r\"}"));
            add(Target.APPEAL, "appeal " + n, notFound, c -> raw(ANA, "POST", "/requests/" + id(raw, c) + "/appeal", "{\"reason\":\"r\"}"));
            add(Target.RESOLVE, "resolution " + n, notFound, c -> raw(ELENA, "POST", "/requests/" + id(raw, c) + "/appeal/resolution",
                    "{\"decision\":\"DISMISSED\",\"text\":\"t\"}"));
            add(Target.PUBLISH, "proposal " + n, notFound, c -> raw(CARLA, "GET", "/requests/" + id(raw, c) + "/publication/proposal", null));
            add(Target.PUBLISH, "publication " + n, notFound, c -> raw(CARLA, "GET", "/requests/" + id(raw, c) + "/publication", null));
            add(Target.PUBLISH, "publish " + n, notFound, c -> raw(CARLA, "POST", "/requests/" + id(raw, c) + "/publication",
                    "{\"question\":\"q\",\"answer\":\"a\"}"));
            add(Target.UNPUBLISH, "withdraw the publication " + n, notFound, c -> raw(CARLA, "DELETE",
                    "/requests/" + id(raw, c) + "/publication", "{\"reason\":\"r\"}"));
            add(Target.PUBLISH, "public copy of request " + n, notFound, c -> raw(REGISTER, "GET",
                    "/internal/publications/" + id(raw, c) + "/documents/" + UUID.randomUUID(), null));
            add(Target.PUBLISH, "public copy " + n, notFound, c -> raw(REGISTER, "GET",
                    "/internal/publications/" + c.id() + "/documents/" + id(raw, c), null));
            add(Target.UPLOAD, "upload " + n, notFound, c -> given().auth().oauth2(CARLA).urlEncodingEnabled(false)
                    .multiPart("file", "a.pdf", VALID_PDF.getBytes(StandardCharsets.US_ASCII), "application/pdf")
                    .post("/requests/" + id(raw, c) + "/documents"));
        }
        for (String raw : List.of("NOPE", "obras", "OBRAS%27%20OR%20%271%27%3D%271", "OBRAS%3B%20DROP%20TABLE%20agency",
                "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "..%2F..%2Fetc%2Fpasswd", "%00", "OBRAS%00", "%E2%80%AE", "x".repeat(300))) {
            String n = "agency code " + raw;
            int notFound = raw.contains("%00") ? 400 : 404;
            add(Target.AGENCY_READ, "GET " + n, notFound, c -> raw(ELENA, "GET", "/agencies/" + raw, null));
            add(Target.AGENCY_READ, "GET clerks of " + n, notFound, c -> raw(ELENA, "GET", "/agencies/" + raw + "/clerks", null));
            add(Target.AGENCY_UPDATE, "PUT " + n, notFound, c -> raw(ADMIN, "PUT", "/agencies/" + raw,
                    "{\"name\":\"Dirección hostil\",\"contactEmail\":\"hostil@rosario.example.org\"}"));
        }
    }

    static void add(Target target, String name, int status, Function<Ctx, Response> send) {
        String key = target + ": " + name;
        if (ATTACKS.putIfAbsent(key, new Attack(target, name, status, send)) != null) {
            throw new IllegalStateException("Two attacks named " + key);
        }
    }

    static Stream<Arguments> attacks() {
        return ATTACKS.keySet().stream().map(Arguments::of);
    }

    // ---- the test ----

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void shouldRefuseHostileInputWithAProblemAndChangeNothing(String key) {
        Attack attack = ATTACKS.get(key);
        Ctx ctx = context(attack.target());
        List<Object> before = snapshot(attack.target(), ctx);

        Response response = attack.send().apply(ctx);

        assertThat(response.statusCode()).as("status of %s; body: %s", key, abbreviated(response.asString()))
                .isEqualTo(attack.status());
        response.then().contentType("application/problem+json")
                .body("status", equalTo(attack.status()))
                .body("title", notNullValue())
                .body("detail", notNullValue());
        assertThat(response.asString()).doesNotContain("Exception").doesNotContain("org.").doesNotContain("java.");
        assertThat(snapshot(attack.target(), ctx)).as("nothing changed after %s", key).isEqualTo(before);
    }

    @Test
    void shouldKeepInjectionStringsInFreeTextAsInertText() {
        String text = SCRIPT + " " + SQL + " ../../etc/passwd";
        Response filed = as(HOSTILE).body(Map.of("subject", SCRIPT, "description", text)).post("/requests");
        filed.then().statusCode(201).contentType(ContentType.JSON)
                .body("subject", equalTo(SCRIPT)).body("description", equalTo(text));
        String id = filed.path("id");
        as(ELENA).body(Map.of("agencyCode", "OBRAS")).post("/requests/" + id + "/assignment").then().statusCode(200);
        as(CARLA).body(Map.of("question", text)).post("/requests/" + id + "/clarification").then().statusCode(200)
                .body("pendingQuestion", equalTo(text));

        given().auth().oauth2(HOSTILE).get("/requests/" + id).then().statusCode(200).contentType(ContentType.JSON)
                .body("subject", equalTo(SCRIPT)).body("pendingQuestion", equalTo(text));
        given().auth().oauth2(HOSTILE).queryParam("q", "' OR 1=1 --").get("/requests").then().statusCode(200)
                .body("items.contactEmail", everyItem(equalTo("hostile@example.org")));
        given().auth().oauth2(ELENA).queryParam("agency", SQL).get("/requests").then().statusCode(200)
                .body("total", equalTo(0));
        assertThat(count("SELECT count(*) FROM agency WHERE code IN ('OBRAS', 'SALUD')")).isEqualTo(2);
    }

    @Test
    void shouldRefuseAClerkAnotherAgencysListWhateverItsCodeHides() {
        given().auth().oauth2(CARLA).queryParam("agency", "SALUD' OR '1'='1").get("/requests").then().statusCode(403)
                .contentType("application/problem+json").body("status", equalTo(403));
    }

    // ---- what each attack meets, and how to tell nothing changed ----

    static synchronized Ctx context(Target target) {
        return CONTEXTS.computeIfAbsent(target, t -> {
            if (t == Target.AGENCY_UPDATE || t == Target.AGENCY_READ || t == Target.AGENCY_CREATE) {
                String code = "HOSTIL_" + t.ordinal();
                as(ADMIN).body(Map.of("code", code, "name", "Dirección hostil", "contactEmail", "hostil@rosario.example.org"))
                        .post("/agencies").then().statusCode(201);
                return new Ctx(null, null, code);
            }
            if (t.state() == null) {
                return new Ctx(null, null, null);
            }
            String id = inStatus(t.state());
            String documentId = null;
            if (t == Target.READ || t == Target.UPLOAD) {
                documentId = upload(CARLA, id, "file", "informe.pdf", VALID_PDF.getBytes(StandardCharsets.US_ASCII))
                        .then().statusCode(201).extract().path("id");
            }
            return new Ctx(id, documentId, null);
        });
    }

    List<Object> snapshot(Target target, Ctx ctx) {
        return switch (target) {
            case FILE -> row("SELECT count(*), (SELECT count(*) FROM outbox_message) FROM information_request "
                    + "WHERE requester_subject = 'hostile-sub'");
            case IMPORT -> row("SELECT count(*), (SELECT count(*) FROM request_history WHERE action = 'import') "
                    + "FROM information_request WHERE imported");
            case AGENCY_CREATE, AGENCY_UPDATE, AGENCY_READ -> row("SELECT count(*), (SELECT count(*) FROM outbox_message "
                    + "WHERE topic = 'agency-events'), (SELECT name || contact_email || active || version FROM agency WHERE code = '"
                    + ctx.agency() + "') FROM agency");
            case LIST -> row("SELECT count(*) FROM information_request");
            default -> row("SELECT r.status, r.version, (SELECT count(*) FROM request_history h WHERE h.request_id = r.id), "
                    + "(SELECT count(*) FROM outbox_message o WHERE o.message_key = r.id::text), "
                    + "(SELECT count(*) FROM request_document d WHERE d.request_id = r.id), "
                    + "(SELECT count(*) FROM publication p WHERE p.request_id = r.id), "
                    + "(SELECT count(*) FROM published_document d WHERE d.request_id = r.id) "
                    + "FROM information_request r WHERE r.id = '" + UUID.fromString(ctx.id()) + "'");
        };
    }

    List<Object> row(String sql) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            assertThat(r.next()).as("a row for %s", sql).isTrue();
            List<Object> values = new ArrayList<>();
            for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                values.add(r.getObject(i));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long count(String sql) {
        return ((Number) row(sql).get(0)).longValue();
    }

    // ---- sending ----

    static RequestSpecification spec(String token) {
        return given().auth().oauth2(token);
    }

    static String resolve(String path, Ctx c) {
        return path.replace("{id}", c.id() == null ? "" : c.id()).replace("{code}", c.agency() == null ? "" : c.agency());
    }

    static Response send(String token, String method, String path, Ctx c, Object body) {
        return spec(token).contentType(ContentType.JSON).body(body).request(method, resolve(path, c));
    }

    static Map<String, Object> with(Map<String, Object> valid, String field, Object value) {
        Map<String, Object> body = new LinkedHashMap<>(valid);
        body.put(field, value);
        return body;
    }

    static Response ndjson(String body) {
        return given().auth().oauth2(ADMIN).contentType(ImportResource.NDJSON + "; charset=UTF-8")
                .body(body.getBytes(StandardCharsets.UTF_8)).post("/requests/import");
    }

    static Response csv(String body) {
        return given().auth().oauth2(ADMIN).contentType("text/csv; charset=UTF-8").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/requests/import");
    }

    static Response upload(String token, String id, String field, String name, byte[] content) {
        return given().auth().oauth2(token).multiPart(field, name, content, "application/pdf").post("/requests/" + id + "/documents");
    }

    /** A path sent as written: no URL encoding by the client. */
    static Response raw(String token, String method, String path, String jsonBody) {
        RequestSpecification spec = given().auth().oauth2(token).urlEncodingEnabled(false);
        if (jsonBody != null) {
            spec = spec.contentType(ContentType.JSON).body(jsonBody);
        }
        return spec.request(method, path);
    }

    static String id(String raw, Ctx c) {
        return id(raw, c.id());
    }

    static String id(String raw, String real) {
        return raw.replace("{id}", real);
    }

    static String printable(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().limit(40).forEach(cp -> out.append(Character.isISOControl(cp) ? String.format("\\u%04x", cp)
                : new String(Character.toChars(cp))));
        return s.length() > 40 ? out + "…(" + s.length() + ")" : out.toString();
    }

    static String abbreviated(String s) {
        return s.length() > 500 ? s.substring(0, 500) + "…" : s;
    }
}
