package org.acceso.request.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.acceso.contracts.Topics;
import org.acceso.request.Fixture;
import org.acceso.testsupport.KafkaEvents;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.acceso.request.Fixture.ADMIN;
import static org.acceso.request.Fixture.ANA;
import static org.acceso.request.Fixture.BEN;
import static org.acceso.request.Fixture.CARLA;
import static org.acceso.request.Fixture.DIEGO;
import static org.acceso.request.Fixture.ELENA;
import static org.acceso.request.Fixture.EVENTUALLY;
import static org.acceso.request.Fixture.FEDE;
import static org.acceso.request.Fixture.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * The printable receipt, {@code GET /requests/{id}/receipt.pdf}: read back with PDFBox, it says what the request and
 * the legal clock say (the due date of the pinned DeadlineScheduled: Monday 21 December 2026, 23:59), in the
 * request's language; before the clock has spoken it is a 409 with Retry-After, never a receipt without its date.
 */
@QuarkusTest
class ReceiptTest {

    /** Rosa's request, received in person on Thursday 26 November 2026 at 11:05 in Rosario, for OBRAS. */
    static String registerInPerson(String language) {
        Map<String, Object> body = new HashMap<>(RegistrationTest.registration("Expedientes de obra " + UUID.randomUUID()
                .toString().substring(0, 6) + " — «Echesortu» ñandú", "IN_PERSON"));
        body.put("language", language);
        body.put("receivedAt", OffsetDateTime.now().minusDays(1).withNano(0).toString());
        return as(CARLA).body(body).post("/requests").then().statusCode(201).extract().path("id");
    }

    static void scheduled(String id) {
        KafkaEvents.send(Topics.DEADLINE_EVENTS, id, Fixture.deadlineEvent("DeadlineScheduled", id, UUID.randomUUID().toString()));
        await().atMost(EVENTUALLY).untilAsserted(() -> as(ELENA).get("/requests/" + id).then().body("dueOn", notNullValue()));
    }

    static Response receipt(String token, String id) {
        return given().auth().oauth2(token).get("/requests/" + id + "/receipt.pdf");
    }

    static String text(Response response) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(response.asByteArray())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            return new PDFTextStripper().getText(pdf);
        }
    }

    @Test
    void shouldSayTheDueDateIsBeingComputedUntilTheClockHasSpoken() {
        String id = registerInPerson("es");

        receipt(CARLA, id).then().statusCode(409)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("2"))
                .body("type", equalTo(DomainProblems.DUE_DATE_PENDING))
                .body("detail", containsString("being computed"));
    }

    @Test
    void shouldPrintTheReceiptInSpanishWithTheLegalDueDate() throws IOException {
        String id = registerInPerson("es");
        String tracking = as(CARLA).get("/requests/" + id).then().extract().path("trackingNumber");
        String subject = as(CARLA).get("/requests/" + id).then().extract().path("subject");
        scheduled(id);

        Response response = receipt(CARLA, id);

        response.then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", equalTo("inline; filename=\"" + tracking + ".pdf\""))
                .header("Cache-Control", containsString("no-store"));
        assertThat(text(response))
                .contains("Municipalidad de Rosario")
                .contains("Constancia de recepción")
                .contains("Número de seguimiento\n" + tracking)
                .contains("Asunto\n" + subject)
                .contains("Organismo\nSecretaría de Obras Públicas")
                .contains("Medio\nen persona")
                .contains("Solicitante\nRosa Ruiz")
                .contains("Fecha límite de respuesta\nlunes 21 de diciembre de 2026, 23:59 (hora de Argentina)")
                .containsPattern("Recibida el\n\\p{L}+ \\d{1,2} de \\p{L}+ de \\d{4}, \\d{2}:\\d{2} \\(hora de Argentina\\)")
                .doesNotContain(RegistrationTest.POSTAL_ADDRESS);
    }

    @Test
    void shouldPrintTheReceiptInEnglishForARequestInEnglish() throws IOException {
        String id = registerInPerson("en");
        scheduled(id);

        assertThat(text(receipt(ELENA, id).then().statusCode(200).extract().response()))
                .contains("Receipt of your request")
                .contains("Tracking number")
                .contains("Received\nin person")
                .contains("Answer due by\nMonday, 21 December 2026, 23:59 (Argentina Time)")
                .contains("Requester\nRosa Ruiz");
    }

    @Test
    void shouldGiveTheResidentTheReceiptOfTheirOwnRequestFiledOnline() throws IOException {
        String id = Fixture.file(null);
        scheduled(id);

        assertThat(text(receipt(ANA, id).then().statusCode(200).extract().response()))
                .contains("Medio\npor internet")
                .contains("Organismo\nA asignar por la coordinación de acceso a la información")
                .contains("lunes 21 de diciembre de 2026, 23:59");
    }

    @Test
    void shouldShowTheReceiptOnlyToThoseWhoMaySeeTheRequest() throws IOException {
        String id = registerInPerson("es");
        scheduled(id);

        receipt(FEDE, id).then().statusCode(200);
        assertThat(text(receipt(ADMIN, id).then().statusCode(200).extract().response()))
                .contains("lunes 21 de diciembre de 2026").doesNotContain("Rosa Ruiz").doesNotContain("Solicitante");
        for (String outsider : new String[] {DIEGO, BEN, ANA}) {
            receipt(outsider, id).then().statusCode(404).contentType("application/problem+json");
        }
        given().get("/requests/" + id + "/receipt.pdf").then().statusCode(401);
    }
}
