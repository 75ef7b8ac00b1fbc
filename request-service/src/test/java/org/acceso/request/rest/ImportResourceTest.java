package org.acceso.request.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.acceso.contracts.Envelope;
import org.acceso.contracts.EventCodec;
import org.acceso.contracts.RequestAnswered;
import org.acceso.contracts.RequestAssigned;
import org.acceso.contracts.RequestFiled;
import org.acceso.contracts.RequestWithdrawn;
import org.acceso.contracts.Topics;
import org.acceso.testsupport.KafkaEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.acceso.request.Fixture.ADMIN;
import static org.acceso.request.Fixture.ANA;
import static org.acceso.request.Fixture.CARLA;
import static org.acceso.request.Fixture.ELENA;
import static org.acceso.request.Fixture.EVENTUALLY;
import static org.acceso.request.Fixture.FEDE;
import static org.acceso.testsupport.ContractAssertions.assertMatchesContract;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * Importing the requests of an earlier register (admin only, JSON lines or CSV, all or nothing): each keeps its real
 * filing instant, status, agency and tracking number, and announces itself with RequestFiled {@code imported: true}
 * and the events of the status it had, so its legal clock counts from the true date.
 */
@QuarkusTest
class ImportResourceTest {

    static final String NDJSON = ImportResource.NDJSON;
    static final Instant FILED = Instant.parse("2025-03-10T13:15:00Z");
    static final Instant ANSWERED = Instant.parse("2025-03-28T15:00:00Z");
    static final Instant WITHDRAWN = Instant.parse("2025-03-12T10:00:00Z");

    @Inject
    AgroalDataSource db;

    /** Sends {@code body} in UTF-8, saying so unless the content type names its own charset. */
    static Response importAs(String token, String contentType, String body) {
        String type = contentType.contains("charset") || contentType.startsWith("multipart") ? contentType
                : contentType + "; charset=UTF-8";
        return given().auth().oauth2(token).contentType(type).body(body.getBytes(StandardCharsets.UTF_8)).post("/requests/import");
    }

    static String line(String subject, String status, String extra) {
        return "{\"subject\":\"" + subject + "\",\"description\":\"Del registro en papel.\",\"filedAt\":\"" + FILED
                + "\",\"status\":\"" + status + "\",\"requesterName\":\"Rosa Ruiz\",\"requesterEmail\":\"rosa@example.org\""
                + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    static String unique(String what) {
        return what + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    // ---- JSON lines ----

    @Test
    void shouldImportJsonLinesWithTheirPastFilingInstantStatusAndEvents() {
        String marker = unique("Importada");
        String body = String.join("\n",
                line(marker + " recibida", "RECEIVED", "\"agencyCode\":\"OBRAS\",\"requesterUserId\":\"ana-sub\""),
                line(marker + " asignada", "ASSIGNED", "\"agencyCode\":\"SALUD\",\"language\":\"en\""),
                "",
                line(marker + " contestada", "ANSWERED", "\"agencyCode\":\"OBRAS\",\"outcome\":\"DENIED\","
                        + "\"grounds\":[\"personal-data\"],\"answeredAt\":\"" + ANSWERED + "\",\"answerText\":\"Datos personales.\""),
                line(marker + " desistida", "WITHDRAWN", "\"withdrawnAt\":\"" + WITHDRAWN + "\""));

        Response response = importAs(ADMIN, NDJSON, body);

        response.then().statusCode(201).body("imported", equalTo(4))
                .body("requests.line", equalTo(List.of(1, 2, 4, 5)))
                .body("requests.status", equalTo(List.of("RECEIVED", "ASSIGNED", "ANSWERED", "WITHDRAWN")))
                .body("requests.trackingNumber", hasItem(notNullValue()));
        List<String> ids = response.path("requests.id");

        given().auth().oauth2(ELENA).get("/requests/" + ids.get(0)).then().statusCode(200)
                .body("status", equalTo("RECEIVED")).body("imported", equalTo(true))
                .body("filedAt", equalTo(FILED.toString())).body("agencyCode", equalTo("OBRAS"))
                .body("requesterName", equalTo("Rosa Ruiz")).body("contactEmail", equalTo("rosa@example.org"));
        given().auth().oauth2(ANA).get("/requests/mine").then().statusCode(200).body("id", hasItem(ids.get(0)));
        given().auth().oauth2(ELENA).get("/requests/" + ids.get(2)).then().statusCode(200)
                .body("status", equalTo("ANSWERED")).body("answer.outcome", equalTo("DENIED"))
                .body("answer.grounds", equalTo(List.of("personal-data"))).body("answer.answeredAt", equalTo(ANSWERED.toString()));
        given().auth().oauth2(ELENA).get("/requests/" + ids.get(2) + "/history").then().statusCode(200)
                .body("action", equalTo(List.of("import", "assign", "answer")))
                .body("role", equalTo(List.of("admin", "admin", "admin")));

        assertEvents(ids.get(0), "RequestFiled");
        RequestAssigned assigned = EventCodec.payload(assertEvents(ids.get(1), "RequestFiled", "RequestAssigned").get(1),
                RequestAssigned.class).orElseThrow();
        assertThat(assigned.agencyCode()).isEqualTo("SALUD");
        assertThat(assigned.assignedAt()).isEqualTo(FILED);
        List<Envelope> answered = assertEvents(ids.get(2), "RequestFiled", "RequestAssigned", "RequestAnswered");
        RequestAnswered answer = EventCodec.payload(answered.get(2), RequestAnswered.class).orElseThrow();
        assertThat(answer.outcome()).isEqualTo("DENIED");
        assertThat(answer.grounds()).containsExactly("personal-data");
        assertThat(answer.answeredAt()).isEqualTo(ANSWERED);
        RequestWithdrawn withdrawn = EventCodec.payload(assertEvents(ids.get(3), "RequestFiled", "RequestWithdrawn").get(1),
                RequestWithdrawn.class).orElseThrow();
        assertThat(withdrawn.withdrawnAt()).isEqualTo(WITHDRAWN);
    }

    /**
     * The request's events on request-events, in order, each matching its contract; the first is RequestFiled with
     * {@code imported: true} and the real filing instant.
     */
    static List<Envelope> assertEvents(String id, String... types) {
        List<ConsumerRecord<String, String>> records = KafkaEvents.awaitRecords(Topics.REQUEST_EVENTS, id, types.length, EVENTUALLY);
        records.forEach(r -> assertMatchesContract(r.value()));
        List<Envelope> envelopes = records.stream().map(r -> EventCodec.read(r.value())).toList();
        assertThat(envelopes).extracting(Envelope::type).containsExactly(types);
        assertThat(envelopes).extracting(e -> e.requestId().toString()).containsOnly(id);
        RequestFiled filed = EventCodec.payload(envelopes.get(0), RequestFiled.class).orElseThrow();
        assertThat(filed.imported()).isTrue();
        assertThat(filed.filedAt()).isEqualTo(FILED);
        assertThat(filed.requester().name()).isEqualTo("Rosa Ruiz");
        assertThat(filed.requester().email()).isEqualTo("rosa@example.org");
        return envelopes;
    }

    // ---- CSV ----

    @Test
    void shouldImportCsvWithAHeaderRowAndGroundsSeparatedBySemicolons() {
        String marker = unique("CSV");
        String csv = "trackingNumber,subject,description,agencyCode,filedAt,status,requesterName,requesterEmail,outcome,grounds,answeredAt,answerText\n"
                + "EXP-" + marker.substring(4) + "/2025,\"" + marker + ", con coma\",Del registro,OBRAS," + FILED
                + ",ANSWERED,Rosa Ruiz,rosa@example.org,PARTIALLY_GRANTED,personal-data; third-party-confidential," + ANSWERED
                + ",Se entrega en parte\n"
                + ",\"" + marker + " recibida\",Del registro,,"+ FILED + ",RECEIVED,Juan Díaz,juan@example.org,,,,\n";

        Response response = importAs(ADMIN, "text/csv", csv);

        response.then().statusCode(201).body("imported", equalTo(2))
                .body("requests.line", equalTo(List.of(2, 3)))
                .body("requests[0].trackingNumber", equalTo("EXP-" + marker.substring(4) + "/2025"))
                .body("requests.status", equalTo(List.of("ANSWERED", "RECEIVED")));
        String answered = response.path("requests[0].id");
        given().auth().oauth2(ELENA).get("/requests/" + answered).then().statusCode(200)
                .body("subject", equalTo(marker + ", con coma"))
                .body("filedAt", equalTo(FILED.toString()))
                .body("answer.outcome", equalTo("PARTIALLY_GRANTED"))
                .body("answer.grounds", equalTo(List.of("personal-data", "third-party-confidential")));
        given().auth().oauth2(ELENA).get("/requests/" + response.path("requests[1].id")).then().statusCode(200)
                .body("agencyCode", nullValue()).body("requesterName", equalTo("Juan Díaz"));
        assertEvents(answered, "RequestFiled", "RequestAssigned", "RequestAnswered");
    }

    @Test
    void shouldReadACsvInTheCharsetItsContentTypeNames() {
        String marker = unique("Latin-1");
        String csv = "subject,description,filedAt,status,requesterName,requesterEmail\n"
                + marker + " año,Exportada de una planilla," + FILED + ",RECEIVED,Begoña Ibáñez,begona@example.org\n";

        Response response = given().auth().oauth2(ADMIN).contentType("text/csv; charset=ISO-8859-1")
                .body(csv.getBytes(StandardCharsets.ISO_8859_1)).post("/requests/import");

        response.then().statusCode(201).body("imported", equalTo(1));
        given().auth().oauth2(ELENA).get("/requests/" + response.path("requests[0].id")).then().statusCode(200)
                .body("subject", equalTo(marker + " año")).body("requesterName", equalTo("Begoña Ibáñez"));
        given().auth().oauth2(ADMIN).contentType("text/csv; charset=UTF-8").body(csv.getBytes(StandardCharsets.ISO_8859_1))
                .post("/requests/import").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("not UTF-8 text"));
        assertThat(count(marker)).isEqualTo(1);
    }

    // ---- tracking numbers ----

    @Test
    void shouldKeepTrackingNumbersAndMoveTheYearlyCounterPastAnImportedOne() {
        String foreign = "EXP-" + UUID.randomUUID().toString().substring(0, 6) + "/2019";
        String body = String.join("\n",
                line(unique("Con número propio"), "RECEIVED", "\"trackingNumber\":\"AIP-2019-000777\"")
                        .replace(FILED.toString(), "2019-05-02T12:00:00Z"),
                line(unique("Con número ajeno"), "RECEIVED", "\"trackingNumber\":\"" + foreign + "\"")
                        .replace(FILED.toString(), "2019-05-03T12:00:00Z"),
                line(unique("Sin número"), "RECEIVED", "").replace(FILED.toString(), "2019-06-01T12:00:00Z"));

        importAs(ADMIN, NDJSON, body).then().statusCode(201)
                .body("requests.trackingNumber", equalTo(List.of("AIP-2019-000777", foreign, "AIP-2019-000778")));
    }

    @Test
    void shouldNeverHandOutAnImportedTrackingNumberOfThisYearAgain() {
        int year = Instant.now().atZone(ZoneId.of("America/Argentina/Cordoba")).getYear();
        int next = (int) query("SELECT COALESCE(max(CAST(substring(tracking_number FROM 10) AS integer)), 0) "
                + "FROM information_request WHERE tracking_number LIKE 'AIP-" + year + "-%'") + 500;
        String imported = "AIP-%d-%06d".formatted(year, next);
        importAs(ADMIN, NDJSON, line(unique("De este año"), "RECEIVED", "\"trackingNumber\":\"" + imported + "\"")
                .replace(FILED.toString(), Instant.now().minusSeconds(60).toString()))
                .then().statusCode(201).body("requests[0].trackingNumber", equalTo(imported));

        given().auth().oauth2(ANA).contentType("application/json")
                .body(Map.of("subject", "Después de importar", "description", "Numerada después."))
                .post("/requests").then().statusCode(201)
                .body("trackingNumber", equalTo("AIP-%d-%06d".formatted(year, next + 1)));
    }

    // ---- refusals: all or nothing ----

    @Test
    void shouldRefuseAFileWithBadLinesListingTheirNumbersAndImportNothing() {
        String marker = unique("Lote con errores");
        String body = String.join("\n",
                line(marker, "RECEIVED", ""),
                line(marker, "CLOSED", ""),
                line(marker, "RECEIVED", ""),
                "{\"subject\": \"" + marker + "\", ",
                line(marker, "ANSWERED", "\"agencyCode\":\"OBRAS\",\"outcome\":\"DENIED\",\"answeredAt\":\"" + ANSWERED + "\""),
                line(marker, "RECEIVED", "").replace(FILED.toString(), "2999-01-01T00:00:00Z"));

        Response response = importAs(ADMIN, NDJSON, body);

        response.then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("title", notNullValue())
                .body("detail", containsString("nothing was imported"));
        List<String> fields = response.path("violations.field");
        assertThat(fields).allMatch(f -> f.startsWith("line "));
        assertThat(fields.stream().map(f -> f.replaceAll("^line (\\d+).*", "$1")).distinct().toList())
                .as("the lines at fault").containsExactlyInAnyOrder("4");
        assertThat(count(marker)).isZero();

        Response rules = importAs(ADMIN, NDJSON, String.join("\n", line(marker, "RECEIVED", ""), line(marker, "CLOSED", ""),
                line(marker, "ANSWERED", "\"agencyCode\":\"OBRAS\",\"outcome\":\"DENIED\",\"answeredAt\":\"" + ANSWERED + "\""),
                line(marker, "RECEIVED", "").replace(FILED.toString(), "2999-01-01T00:00:00Z")));
        rules.then().statusCode(400).contentType("application/problem+json").body("detail", containsString("nothing was imported"));
        List<String> ruleFields = rules.path("violations.field");
        assertThat(ruleFields.stream().map(f -> f.replaceAll("^line (\\d+).*", "$1")).distinct().toList())
                .containsExactlyInAnyOrder("2", "3", "4");
        assertThat(rules.<List<String>>path("violations.message")).contains(
                "status must be one of RECEIVED, ASSIGNED, ANSWERED, WITHDRAWN", "DENIED needs at least one exemption ground",
                "filedAt is in the future");
        assertThat(count(marker)).isZero();
    }

    @Test
    void shouldRefuseABadCsvRowByItsLineNumber() {
        String marker = unique("CSV con errores");
        String csv = "subject,description,filedAt,status,requesterName,requesterEmail\n"
                + marker + ",D," + FILED + ",RECEIVED,Rosa,rosa@example.org\n"
                + marker + ",D,ayer,RECEIVED,Rosa,rosa@example.org\n";

        importAs(ADMIN, "text/csv", csv).then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("line 3"))
                .body("violations.find { it.field == 'line 3' }.message", containsString("filedAt"));
        assertThat(count(marker)).isZero();
    }

    @Test
    void shouldRefuseDuplicateTrackingNumbers() {
        String number = "EXP-" + UUID.randomUUID().toString().substring(0, 8);
        String marker = unique("Duplicada");

        importAs(ADMIN, NDJSON, String.join("\n",
                line(marker, "RECEIVED", "\"trackingNumber\":\"" + number + "\""),
                line(marker, "RECEIVED", "\"trackingNumber\":\"" + number + "\"")))
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("line 2.trackingNumber"))
                .body("violations.message", hasItem("already exists"));
        assertThat(count(marker)).isZero();

        importAs(ADMIN, NDJSON, line(marker + " primera", "RECEIVED", "\"trackingNumber\":\"" + number + "\"")).then().statusCode(201);
        importAs(ADMIN, NDJSON, String.join("\n", line(marker, "RECEIVED", ""),
                line(marker, "RECEIVED", "\"trackingNumber\":\"" + number + "\"")))
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("line 2.trackingNumber")));
        assertThat(count(marker)).as("only the first import").isEqualTo(1);
    }

    @Test
    void shouldRefuseOtherContentTypesWithA415() {
        String marker = unique("Tipo equivocado");
        for (String type : List.of("application/json", "text/plain", "application/xml", "multipart/form-data; boundary=x")) {
            Response response = importAs(ADMIN, type, line(marker, "RECEIVED", ""));
            response.then().statusCode(415).contentType("application/problem+json")
                    .body("status", equalTo(415)).body("title", notNullValue()).body("detail", notNullValue());
            assertThat(response.asString()).doesNotContain("Exception").doesNotContain("org.").doesNotContain("java.");
        }
        assertThat(count(marker)).isZero();
    }

    @Test
    void shouldLetOnlyAdminsImport() {
        String marker = unique("Sin permiso");
        for (String token : List.of(ANA, CARLA, ELENA, FEDE)) {
            importAs(token, NDJSON, line(marker, "RECEIVED", "")).then().statusCode(403)
                    .contentType("application/problem+json").body("status", equalTo(403));
        }
        given().contentType(NDJSON).body(line(marker, "RECEIVED", "").getBytes(StandardCharsets.UTF_8)).post("/requests/import")
                .then().statusCode(401)
                .contentType("application/problem+json");
        assertThat(count(marker)).isZero();
    }

    // ---- helpers ----

    long count(String subject) {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM information_request WHERE subject LIKE ?")) {
            s.setString(1, subject + "%");
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long query(String sql) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
