package org.acceso.register.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.acceso.contracts.EventCodec;
import org.acceso.contracts.RequestPublished;
import org.acceso.register.Db;
import org.acceso.register.Publish;
import org.acceso.register.Upstreams;
import org.acceso.register.service.DocumentCopies;
import org.acceso.testsupport.KafkaEvents;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.acceso.register.Publish.answered;
import static org.acceso.register.Publish.trackingNumber;
import static org.acceso.testsupport.ContractAssertions.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * The register's consumer of publication-events against the real broker: the pinned examples as request-service
 * publishes them, replacements, late and repeated events, withdrawals, poison messages and unknown types.
 */
@QuarkusTest
class PublicationEventsConsumerTest {

    static final String DLQ = "register-service-publication-events-dlq";

    @Inject
    DataSource db;

    @Inject
    DocumentCopies copies;

    /** Waits until the register shows the request; returns its page. */
    static Response awaitPublished(String trackingNumber) {
        Awaitility.await(trackingNumber + " in the register").atMost(Duration.ofSeconds(60))
                .until(() -> given().get("/public/requests/" + trackingNumber).statusCode() == 200);
        return given().get("/public/requests/" + trackingNumber);
    }

    /** Waits until the register has processed the event (whatever its effect). */
    void awaitConsumed(UUID eventId) {
        Awaitility.await("event " + eventId + " processed").atMost(Duration.ofSeconds(60))
                .until(() -> Db.count(db, "SELECT count(*) FROM processed_event WHERE event_id = ?", eventId) == 1);
    }

    /** An event of a type the register does not know (a tolerant reader skips it). */
    static String unknownType(UUID eventId, UUID requestId) {
        return "{\"eventId\":\"" + eventId + "\",\"type\":\"PublicationAmended\",\"requestId\":\""
                + requestId + "\",\"occurredAt\":\"2026-12-01T10:00:00Z\",\"payload\":{\"x\":1}}";
    }

    @Test
    void shouldShowThePinnedRequestPublishedExampleAsPublished() {
        UUID requestId = UUID.randomUUID();
        String tracking = trackingNumber();
        byte[] pdf = Publish.utf8("%PDF-1.4 contratos de recolección 2025 [dato personal]\n%%EOF\n");
        UUID documentId = UUID.randomUUID();
        Upstreams.document(requestId, documentId, pdf);
        String message = example("RequestPublished")
                .replace("2b8d6c1a-7e3f-4f0a-9c51-8d2e4b6a1f37", UUID.randomUUID().toString())
                .replace("0b6e3f57-2a43-4c1b-8d0e-3c6a1f2b7d44", requestId.toString())
                .replace("AIP-2026-000123", tracking)
                .replace("9a1e5c3b-0d7f-4e2a-8b6c-5f4d3e2a1b0c", documentId.toString())
                .replace("48213", String.valueOf(pdf.length))
                .replace("3a7bd3e2360a3d29eea436fcfb7e44c735d117c42d1c1835420b6b9942dd4f1b", Publish.sha256(pdf));
        Publish.send(requestId, message);

        awaitPublished(tracking).then().statusCode(200)
                .body("trackingNumber", equalTo(tracking))
                .body("agencyCode", equalTo("AMBIENTE"))
                .body("agencyName", equalTo("Secretaría de Ambiente y Espacio Público"))
                .body("subject", equalTo("Contratos de recolección de residuos 2025"))
                .body("question", equalTo("Solicito copia de los contratos vigentes de recolección. Respuesta a [dato personal]."))
                .body("answer", equalTo("Se adjuntan los contratos; se testaron los datos de contacto de [dato personal]."))
                .body("outcome", equalTo("PARTIALLY_GRANTED"))
                .body("outcomeText.es", equalTo("Concedida en parte: se entregó la información salvo lo exceptuado por ley"))
                .body("outcomeText.en", equalTo("Partly granted: the information was released except what the law exempts"))
                .body("grounds[0].code", equalTo("personal-data"))
                .body("grounds[0].reference", equalTo("art. 8 inc. i)"))
                .body("grounds[0].name", equalTo("Datos personales que no puedan ser disociados"))
                .body("grounds[0].nameEn", equalTo("Personal data that cannot be dissociated"))
                .body("filedAt", equalTo("2026-11-26T17:20:00.123Z"))
                .body("filedOn", equalTo("2026-11-26"))
                .body("answeredAt", equalTo("2026-12-15T15:00:00Z"))
                .body("answeredOn", equalTo("2026-12-15"))
                .body("dueOn", equalTo("2026-12-21"))
                .body("onTime", equalTo(true))
                .body("extended", equalTo(false))
                .body("publishedAt", equalTo("2026-12-20T14:05:00Z"))
                .body("href", equalTo("/api/public/requests/" + tracking));

        // the document is listed once the register holds its own copy, and served from it
        Awaitility.await("the document copied").atMost(Duration.ofSeconds(30))
                .until(() -> given().get("/public/requests/" + tracking).jsonPath().getList("documents").size() == 1);
        given().get("/public/requests/" + tracking).then()
                .body("documents[0].id", equalTo(documentId.toString()))
                .body("documents[0].fileName", equalTo("contratos-2025.pdf"))
                .body("documents[0].mediaType", equalTo("application/pdf"))
                .body("documents[0].size", equalTo(pdf.length))
                .body("documents[0].sha256", equalTo(Publish.sha256(pdf)))
                .body("documents[0].href", equalTo("/api/public/requests/" + tracking + "/documents/" + documentId));
        Response download = given().get("/public/requests/" + tracking + "/documents/" + documentId);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.asByteArray()).isEqualTo(pdf);
        assertThat(download.contentType()).isEqualTo("application/pdf");
        assertThat(download.header("Content-Disposition")).isEqualTo("attachment; filename*=UTF-8''contratos-2025.pdf");
        assertThat(download.header("ETag")).isEqualTo("\"" + Publish.sha256(pdf) + "\"");
        assertThat(download.header("Cache-Control")).isEqualTo("no-cache");
        given().header("If-None-Match", "\"" + Publish.sha256(pdf) + "\"")
                .get("/public/requests/" + tracking + "/documents/" + documentId).then().statusCode(304);
        // fetched once, with the register's own token (Upstreams answers nothing else)
        assertThat(Upstreams.requests(Upstreams.documentPath(requestId, documentId))).isEqualTo(1);
    }

    @Test
    void shouldStoreACopyInPartsAndNeverAskRequestServiceWhenSomeoneDownloads() {
        UUID requestId = UUID.randomUUID();
        String tracking = trackingNumber();
        byte[] csv = new byte[4_500]; // tests store parts of 1,000 bytes: five parts
        for (int i = 0; i < csv.length; i++) {
            csv[i] = (byte) ('a' + i % 26);
        }
        UUID documentId = UUID.randomUUID();
        Upstreams.document(requestId, documentId, csv);
        Publish.send(requestId, Publish.published(tracking, "OBRAS", "Planilla de obras", "Las obras de 2025.",
                "Se adjunta.", "GRANTED", List.of(Publish.document(documentId, "obras 2025 (v2).csv", "text/csv", csv)),
                null, Instant.now()));
        awaitPublished(tracking);
        Awaitility.await("the document copied").atMost(Duration.ofSeconds(30))
                .until(() -> given().get("/public/requests/" + tracking).jsonPath().getList("documents").size() == 1);

        assertThat(Db.count(db, "SELECT count(*) FROM public_document_part WHERE document_id = ?", documentId)).isEqualTo(5);
        for (int i = 0; i < 3; i++) {
            Response download = given().get("/public/requests/" + tracking + "/documents/" + documentId);
            assertThat(download.asByteArray()).isEqualTo(csv);
            assertThat(download.header("Content-Disposition"))
                    .isEqualTo("attachment; filename*=UTF-8''obras%202025%20%28v2%29.csv");
        }
        assertThat(Upstreams.requests(Upstreams.documentPath(requestId, documentId))).isEqualTo(1);
    }

    @Test
    void shouldKeepACopyOnlyWhenItsBytesAreThePublishedOnesAndTryAgainLater() {
        UUID requestId = UUID.randomUUID();
        String tracking = trackingNumber();
        byte[] published = Publish.utf8("los bytes aprobados");
        UUID documentId = UUID.randomUUID();
        Upstreams.document(requestId, documentId, Publish.utf8("otros bytes, no los aprobados"));
        Publish.send(requestId, Publish.published(tracking, "OBRAS", "Pliegos", "Los pliegos.", "Se adjuntan.", "GRANTED",
                List.of(Publish.document(documentId, "pliegos.txt", "text/plain", published)), null, Instant.now()));
        awaitPublished(tracking);
        Awaitility.await("the failed attempt recorded").atMost(Duration.ofSeconds(30))
                .until(() -> Db.count(db, "SELECT attempts FROM public_document WHERE id = ?", documentId) >= 1);
        assertThat(Db.text(db, "SELECT last_error FROM public_document WHERE id = ?", documentId))
                .contains("are not the published ones");
        given().get("/public/requests/" + tracking).then().body("documents", hasSize(0));
        given().get("/public/requests/" + tracking + "/documents/" + documentId).then().statusCode(404)
                .contentType("application/problem+json");

        // request-service down, then back with the right bytes: copied on a later attempt
        Upstreams.documentFails(requestId, documentId, 503);
        Awaitility.await("a second failed attempt").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    copies.copyDue();
                    return Db.count(db, "SELECT attempts FROM public_document WHERE id = ?", documentId) >= 2;
                });
        assertThat(Db.text(db, "SELECT last_error FROM public_document WHERE id = ?", documentId))
                .isEqualTo("request-service answered 503");
        Upstreams.document(requestId, documentId, published);
        Awaitility.await("copied after the outage").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> {
                    copies.copyDue();
                    return given().get("/public/requests/" + tracking).jsonPath().getList("documents").size() == 1;
                });
        assertThat(given().get("/public/requests/" + tracking + "/documents/" + documentId).asByteArray())
                .isEqualTo(published);
    }

    @Test
    void shouldReplaceAnEarlierPublicationWholeAndIgnoreAnOlderOneArrivingLate() {
        UUID requestId = UUID.randomUUID();
        String tracking = trackingNumber();
        byte[] kept = Publish.utf8("documento que sigue");
        byte[] dropped = Publish.utf8("documento que se retira");
        UUID keptId = UUID.randomUUID();
        UUID droppedId = UUID.randomUUID();
        Upstreams.document(requestId, keptId, kept);
        Upstreams.document(requestId, droppedId, dropped);
        Instant first = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        RequestPublished earlier = Publish.published(tracking, "SALUD", "Vacunas", "¿Cuántas vacunas?", "Mil.", "GRANTED",
                List.of(Publish.document(keptId, "a.txt", "text/plain", kept),
                        Publish.document(droppedId, "b.txt", "text/plain", dropped)), null, first);
        Publish.send(requestId, earlier);
        awaitPublished(tracking);
        Awaitility.await("both documents copied").atMost(Duration.ofSeconds(30))
                .until(() -> given().get("/public/requests/" + tracking).jsonPath().getList("documents").size() == 2);

        Instant second = first.plus(30, ChronoUnit.MINUTES);
        Publish.send(requestId, Publish.published(tracking, "SALUD", "Vacunas", "¿Cuántas vacunas?",
                "Mil doscientas, corregido.", "GRANTED",
                List.of(Publish.document(keptId, "a-renombrado.txt", "text/plain", kept)), null, second));
        Awaitility.await("the replacement").atMost(Duration.ofSeconds(30)).until(() ->
                "Mil doscientas, corregido.".equals(given().get("/public/requests/" + tracking).jsonPath().getString("answer")));
        given().get("/public/requests/" + tracking).then()
                .body("documents.fileName", contains("a-renombrado.txt"))
                .body("publishedAt", equalTo(second.toString()));
        assertThat(Db.count(db, "SELECT count(*) FROM public_document_part WHERE document_id = ?", droppedId)).isZero();
        assertThat(Db.count(db, "SELECT count(*) FROM public_document WHERE id = ?", droppedId)).isZero();
        assertThat(Upstreams.requests(Upstreams.documentPath(requestId, keptId))).as("the kept copy is not fetched again")
                .isEqualTo(1);

        // the first approval again (a redelivery after the second): nothing changes
        awaitConsumed(Publish.send(requestId, earlier));
        given().get("/public/requests/" + tracking).then()
                .body("answer", equalTo("Mil doscientas, corregido."))
                .body("documents.fileName", contains("a-renombrado.txt"));
    }

    @Test
    void shouldForgetAWithdrawnPublicationEverywhereWithinSecondsAndNotBringItBackWithAnOlderEvent() {
        UUID requestId = UUID.randomUUID();
        String tracking = trackingNumber();
        byte[] bytes = Publish.utf8("informe de tránsito de Pichincha");
        UUID documentId = UUID.randomUUID();
        Upstreams.document(requestId, documentId, bytes);
        Instant publishedAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        RequestPublished publication = Publish.published(tracking, "MOVILIDAD", "Informe de tránsito de Pichincha",
                "Solicito el informe de tránsito del barrio Pichincha.", "Se adjunta el informe.", "GRANTED",
                List.of(Publish.document(documentId, "informe.txt", "text/plain", bytes)), null, publishedAt);
        Publish.send(requestId, publication);
        awaitPublished(tracking);
        Awaitility.await("the document copied").atMost(Duration.ofSeconds(30))
                .until(() -> given().get("/public/requests/" + tracking).jsonPath().getList("documents").size() == 1);
        given().get("/public/requests?q=Pichincha").then().body("items.trackingNumber", contains(tracking));

        long sent = System.nanoTime();
        Publish.send(requestId, Publish.withdrawn(tracking, publishedAt.plus(10, ChronoUnit.MINUTES)));
        Awaitility.await("the withdrawal").atMost(Duration.ofSeconds(30))
                .until(() -> given().get("/public/requests/" + tracking).statusCode() == 404);
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofSeconds(10));

        given().get("/public/requests/" + tracking).then().statusCode(404).contentType("application/problem+json");
        given().get("/public/requests/" + tracking + "/documents/" + documentId).then().statusCode(404);
        given().get("/public/requests?q=Pichincha").then().statusCode(200).body("total", equalTo(0));
        given().get("/public/requests?size=100").then().body("items.trackingNumber", org.hamcrest.Matchers.not(
                org.hamcrest.Matchers.hasItem(tracking)));
        given().get("/public/similar?text=informe de tránsito del barrio Pichincha").then().statusCode(200)
                .body("items.trackingNumber", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(tracking)));
        assertThat(given().get("/public/open-data/requests.csv").asString()).doesNotContain(tracking);
        assertThat(given().get("/public/open-data/requests.json").asString()).doesNotContain(tracking);
        assertThat(Db.count(db, "SELECT count(*) FROM publication WHERE request_id = ?", requestId)).isZero();
        assertThat(Db.count(db, "SELECT count(*) FROM public_document WHERE id = ?", documentId)).isZero();
        assertThat(Db.count(db, "SELECT count(*) FROM public_document_part WHERE document_id = ?", documentId)).isZero();
        assertThat(Db.count(db, "SELECT documents FROM asked_lexeme WHERE lexeme = 'pichinch'")).isZero();

        // the publication again, older than the withdrawal (a replay): it stays withdrawn
        awaitConsumed(Publish.send(requestId, publication));
        given().get("/public/requests/" + tracking).then().statusCode(404);
        assertThat(Db.count(db, "SELECT count(*) FROM publication WHERE request_id = ?", requestId)).isZero();

        // published again after the withdrawal (a newer approval): back
        Publish.send(requestId, Publish.published(tracking, "MOVILIDAD", "Informe de tránsito de Pichincha",
                "Solicito el informe de tránsito del barrio Pichincha.", "Se adjunta el informe corregido.", "GRANTED",
                List.of(), null, publishedAt.plus(20, ChronoUnit.MINUTES)));
        awaitPublished(tracking).then().body("answer", equalTo("Se adjunta el informe corregido."));
        assertThat(Db.count(db, "SELECT count(*) FROM withdrawal WHERE request_id = ?", requestId)).isZero();
    }

    @Test
    void shouldApplyTheSameEventOnce() {
        UUID requestId = UUID.randomUUID();
        String tracking = trackingNumber();
        long versionBefore = Db.count(db, "SELECT version FROM register_change");
        String event = EventCodec.write(EventCodec.envelope(UUID.randomUUID(), requestId, Instant.now(),
                answered(tracking, "OBRAS", "Bacheo", "¿Cuántos baches se repararon?", "Tres mil.", "GRANTED")));
        Publish.send(requestId, event);
        Publish.send(requestId, event);
        // a type the register does not know, on the same key: once it is processed, both copies were
        UUID marker = UUID.randomUUID();
        Publish.send(requestId, unknownType(marker, requestId));
        awaitConsumed(marker);

        assertThat(Db.count(db, "SELECT count(*) FROM publication WHERE tracking_number = ?", tracking)).isEqualTo(1);
        assertThat(Db.count(db, "SELECT documents FROM asked_lexeme WHERE lexeme = 'bach'")).isEqualTo(1);
        // applied once: the register changed once (a second application would bump it again)
        assertThat(Db.count(db, "SELECT version FROM register_change")).isEqualTo(versionBefore + 1);
    }

    @Test
    void shouldDeadLetterWhatItCannotReadAndKeepConsuming() {
        UUID requestId = UUID.randomUUID();
        Publish.send(requestId, "this is not an event");
        String noQuestion = EventCodec.write(EventCodec.envelope(UUID.randomUUID(), requestId, Instant.now(),
                new RequestPublished(trackingNumber(), "OBRAS", "Obras", "Asunto", null, "Respuesta", "GRANTED", List.of(),
                        Instant.now(), Instant.now(), null, true, false, List.of(), null, Instant.now())));
        Publish.send(requestId, noQuestion);
        Publish.send(requestId, unknownType(UUID.randomUUID(), requestId));
        String tracking = trackingNumber();
        Publish.send(requestId, answered(tracking, "OBRAS", "Semáforos", "¿Cuántos semáforos hay?", "Dos mil.", "GRANTED"));

        awaitPublished(tracking);
        List<String> parked = KafkaEvents.awaitRecords(DLQ, requestId.toString(), 2, Duration.ofSeconds(60)).stream()
                .map(r -> r.value()).toList();
        assertThat(parked).containsExactly("this is not an event", noQuestion);
    }
}
