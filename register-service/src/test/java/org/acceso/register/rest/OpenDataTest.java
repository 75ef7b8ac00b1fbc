package org.acceso.register.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.acceso.contracts.RequestPublished;
import org.acceso.register.Db;
import org.acceso.register.Publish;
import org.acceso.register.Upstreams;
import org.acceso.register.service.OpenData;
import org.acceso.register.service.PublicStatistics;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Open data: both exports in both formats, their caching headers, the statistics from deadline-service, the dictionary. */
@QuarkusTest
class OpenDataTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String REQUEST_HEADER = "tracking_number,agency_code,agency_name,subject,question,answer,outcome,grounds,"
            + "grounds_text,filed_at,filed_on,answered_at,due_on,on_time,extended,published_at,documents,url";
    static final String STATISTICS_HEADER = "month,agency_code,agency_name,received,answered,"
            + "answered_within_initial_deadline,answered_within_extended_deadline,answered_late,deemed_denials,"
            + "business_days_to_answer_median,denials_by_ground";

    @Inject
    DataSource db;

    @Inject
    PublicStatistics statistics;

    @Test
    void shouldExportEveryPublishedRequestOnceWithStableColumnsInCsvAndJson() throws Exception {
        String tracking = Publish.trackingNumber();
        UUID requestId = UUID.randomUUID();
        byte[] bytes = Publish.utf8("planilla");
        UUID documentId = UUID.randomUUID();
        Upstreams.document(requestId, documentId, bytes);
        Instant publishedAt = Instant.parse("2026-03-10T13:00:00Z");
        RequestPublished event = new RequestPublished(tracking, "DATOS", "Dirección de Datos Abiertos",
                "Presupuesto \"participativo\", 2025", "¿Qué proyectos ganaron?\nCon montos, por favor.",
                "Se adjunta la planilla; se testó a [dato personal].", "PARTIALLY_GRANTED",
                List.of(Publish.PERSONAL_DATA, new RequestPublished.Ground("security", "art. 8 inc. j)",
                        "Seguridad de las personas", "People's safety")),
                Instant.parse("2026-02-10T12:00:00Z"), Instant.parse("2026-03-02T18:30:00Z"),
                java.time.LocalDate.parse("2026-03-04"), true, false,
                List.of(Publish.document(documentId, "planilla.csv", "text/csv", bytes)), null, publishedAt);
        Publish.send(requestId, event);
        Awaitility.await("published with its document").atMost(Duration.ofSeconds(60)).until(() ->
                Db.count(db, "SELECT count(*) FROM public_document WHERE id = ? AND stored_at IS NOT NULL", documentId) == 1);

        Response csv = given().get("/public/open-data/requests.csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.contentType().replace(" ", "")).isEqualTo("text/csv;charset=UTF-8");
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"acceso-requests.csv\"");
        assertThat(csv.header("Link")).contains("<https://creativecommons.org/licenses/by/4.0/>; rel=\"license\"");
        String text = csv.asString();
        assertThat(text.lines().findFirst()).contains(REQUEST_HEADER);
        String row = tracking + ",DATOS,Dirección de Datos Abiertos,\"Presupuesto \"\"participativo\"\", 2025\","
                + "\"¿Qué proyectos ganaron?\nCon montos, por favor.\",Se adjunta la planilla; se testó a [dato personal].,"
                + "PARTIALLY_GRANTED,personal-data;security,"
                + "art. 8 inc. i) Datos personales que no puedan ser disociados;art. 8 inc. j) Seguridad de las personas,"
                + "2026-02-10T12:00:00Z,2026-02-10,2026-03-02T18:30:00Z,2026-03-04,true,false,2026-03-10T13:00:00Z,1,"
                + "http://127.0.0.1:8080/api/public/requests/" + tracking + "\n";
        assertThat(text).contains(row);
        assertThat(text.split(tracking + ",", -1)).as("one row per request").hasSize(2);

        JsonNode rows = JSON.readTree(given().get("/public/open-data/requests.json").then().statusCode(200)
                .contentType("application/json").extract().asString());
        JsonNode mine = null;
        for (JsonNode node : rows) {
            assertThat(iterable(node.fieldNames())).containsExactly(REQUEST_HEADER.split(","));
            if (node.get("tracking_number").asText().equals(tracking)) {
                mine = node;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("question").asText()).isEqualTo("¿Qué proyectos ganaron?\nCon montos, por favor.");
        assertThat(mine.get("grounds").toString()).isEqualTo("[\"personal-data\",\"security\"]");
        assertThat(mine.get("on_time").isBoolean()).isTrue();
        assertThat(mine.get("documents").asLong()).isEqualTo(1);
        assertThat(mine.get("answered_at").asText()).isEqualTo("2026-03-02T18:30:00Z");
        // the same requests in both files, each once
        List<Object> csvRows = new com.fasterxml.jackson.dataformat.csv.CsvMapper()
                .readerFor(java.util.Map.class).with(com.fasterxml.jackson.dataformat.csv.CsvSchema.emptySchema().withHeader())
                .readValues(text).readAll();
        assertThat(csvRows).hasSize(rows.size());
        List<String> numbers = new java.util.ArrayList<>();
        rows.forEach(node -> numbers.add(node.get("tracking_number").asText()));
        assertThat(numbers).doesNotHaveDuplicates();
    }

    @Test
    void shouldAnswer304UntilTheRegisterChanges() {
        Response first = given().get("/public/open-data/requests.csv");
        String etag = first.header("ETag");
        String lastModified = first.header("Last-Modified");
        assertThat(etag).matches("\"r\\d+-.+\\.csv\"");
        assertThat(lastModified).isNotBlank();
        given().header("If-None-Match", etag).get("/public/open-data/requests.csv").then().statusCode(304)
                .header("ETag", etag);
        given().header("If-Modified-Since", lastModified).get("/public/open-data/requests.csv").then().statusCode(304);
        given().header("If-None-Match", etag).get("/public/open-data/requests.json").then().statusCode(200);

        String tracking = Publish.trackingNumber();
        Publish.send(UUID.randomUUID(), Publish.answered(tracking, "DATOS", "Otra", "Otra pregunta.", "Otra respuesta.",
                "GRANTED"));
        Awaitility.await("the new publication").atMost(Duration.ofSeconds(60))
                .until(() -> given().get("/public/requests/" + tracking).statusCode() == 200);
        Response after = given().header("If-None-Match", etag).get("/public/open-data/requests.csv");
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.header("ETag")).isNotEqualTo(etag);
        assertThat(after.asString()).contains(tracking);
    }

    @Test
    void shouldPublishDeadlineServicesFiguresPerAgencyAndMonthAsFetched() throws Exception {
        // the register knows ESTADNOM's name from a publication, not ESTADSIN's
        String named = Publish.trackingNumber();
        Publish.send(UUID.randomUUID(), Publish.answered(named, "ESTADNOM", "Nombre", "Nombre.", "Nombre.", "GRANTED"));
        Awaitility.await("a publication of ESTADNOM").atMost(Duration.ofSeconds(60))
                .until(() -> given().get("/public/requests/" + named).statusCode() == 200);
        Upstreams.compliance("""
                [{"agency":"ESTADNOM","from":"2026-01-01","to":"2026-01-31","asOf":"2026-12-05T10:00:00Z","received":12,
                  "answered":10,"answeredWithinInitialDeadline":7,"answeredWithinExtendedDeadline":2,"answeredLate":1,
                  "extended":3,"extensionRate":0.25,"businessDaysToAnswer":{"mean":9.5,"median":9,"p90":18},
                  "outcomes":{"GRANTED":6,"PARTIALLY_GRANTED":2,"DENIED":1,"NOT_HELD":1},
                  "denialsByGround":{"security":1,"personal-data":2},"deemedDenials":2,"openPastDue":{"1-5":0}},
                 {"agency":"ESTADSIN","from":"2026-02-01","to":"2026-02-28","received":1,"answered":0,
                  "answeredWithinInitialDeadline":0,"answeredWithinExtendedDeadline":0,"answeredLate":0,
                  "businessDaysToAnswer":{"mean":null,"median":null,"p90":null},"denialsByGround":{},"deemedDenials":1}]
                """);
        assertThat(statistics.refresh()).isTrue();
        String csv = given().get("/public/open-data/statistics.csv").then().statusCode(200).extract().asString();
        assertThat(csv.lines().toList()).containsExactly(STATISTICS_HEADER,
                "2026-01,ESTADNOM,Secretaría de ESTADNOM,12,10,7,2,1,2,9,personal-data=2;security=1",
                "2026-02,ESTADSIN,,1,0,0,0,0,1,,");
        given().get("/public/open-data/statistics.json").then().statusCode(200)
                .body("[0].month", equalTo("2026-01"))
                .body("[0].agency_code", equalTo("ESTADNOM"))
                .body("[0].agency_name", equalTo("Secretaría de ESTADNOM"))
                .body("[1].agency_name", equalTo(null))
                .body("[0].received", equalTo(12))
                .body("[0].answered_within_initial_deadline", equalTo(7))
                .body("[0].business_days_to_answer_median", equalTo(9))
                .body("[0].denials_by_ground.'personal-data'", equalTo(2))
                .body("[1].business_days_to_answer_median", equalTo(null));
        // asked with the register's token (Upstreams answers no other) for 120 months ending with next month: a request
        // filed on a weekend is received on the next business day, maybe next month
        var asked = Upstreams.server().findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/compliance/agencies")));
        var last = asked.get(asked.size() - 1);
        java.time.YearMonth now = java.time.YearMonth.now(java.time.ZoneId.of("America/Argentina/Cordoba"));
        assertThat(last.queryParameter("per").firstValue()).isEqualTo("month");
        assertThat(last.queryParameter("from").firstValue()).isEqualTo(now.minusMonths(118).atDay(1).toString());
        assertThat(last.queryParameter("to").firstValue()).isEqualTo(now.plusMonths(1).atEndOfMonth().toString());

        // the same figures again: unchanged, same ETag; deadline-service down: the last figures stay
        String etag = given().get("/public/open-data/statistics.csv").header("ETag");
        assertThat(statistics.refresh()).isFalse();
        given().header("If-None-Match", etag).get("/public/open-data/statistics.csv").then().statusCode(304);
        Upstreams.complianceFails(503);
        org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, statistics::refresh);
        assertThat(given().get("/public/open-data/statistics.csv").asString()).contains("2026-01,ESTADNOM,Secretaría de ESTADNOM,12,10,7,2,1,2,9");
    }

    @Test
    void shouldDescribeEveryColumnInSpanishAndEnglishUnderCcBy() {
        Response schema = given().get("/public/open-data/schema");
        schema.then().statusCode(200)
                .body("licence.name", equalTo("CC BY 4.0"))
                .body("licence.url", equalTo("https://creativecommons.org/licenses/by/4.0/"))
                .body("publisher", equalTo("Municipalidad de Rosario"))
                .body("datasets.name", org.hamcrest.Matchers.contains("requests", "statistics"))
                .body("datasets[0].files.csv", equalTo("/api/public/open-data/requests.csv"))
                .body("datasets[1].files.json", equalTo("/api/public/open-data/statistics.json"));
        assertThat(schema.jsonPath().getList("datasets[0].columns.name", String.class))
                .containsExactly(REQUEST_HEADER.split(","));
        assertThat(schema.jsonPath().getList("datasets[1].columns.name", String.class))
                .containsExactly(STATISTICS_HEADER.split(","));
        for (OpenData.Dataset dataset : OpenData.Dataset.values()) {
            for (OpenData.Column column : dataset.columns()) {
                assertThat(Arrays.asList(column.type(), column.es(), column.en())).as(column.name()).allSatisfy(
                        text -> assertThat(text).isNotBlank());
            }
        }
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
