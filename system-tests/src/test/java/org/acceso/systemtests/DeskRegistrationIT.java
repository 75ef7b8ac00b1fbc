package org.acceso.systemtests;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.acceso.systemtests.Gateway.as;
import static org.acceso.systemtests.Gateway.assertProblem;
import static org.acceso.systemtests.Gateway.awaitOrFail;
import static org.acceso.systemtests.Gateway.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request handed in at the front desk, against the real system through the gateway: Carla (clerk of OBRAS) registers
 * a request received in person from someone who left only a postal address, at the same instant Ana filed one online;
 * the registered request carries its channel and its registrar in the history, its printable receipt (PDF, read back
 * with PDFBox) gives its tracking number and a legal due date equal to Ana's, and no e-mail goes to anyone (there is no
 * address; never to Carla). Ana sending the same registration gets 403 and nothing is stored.
 */
@ExtendWith(SharedSystem.class)
class DeskRegistrationIT {

    private static final Duration DUE_DATE_WAIT = Duration.ofSeconds(60);
    private static final DateTimeFormatter SPANISH_LONG_DATE =
            DateTimeFormatter.ofPattern("EEEE d 'de' MMMM 'de' yyyy", Locale.forLanguageTag("es-AR"));

    @Test
    void shouldRegisterAnInPersonRequestWithOnlyAPostalAddressAndPrintItsReceipt() throws IOException {
        // letters only, so that the full-text search finds it as one word
        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10).chars()
                .mapToObj(c -> String.valueOf((char) (Character.isDigit(c) ? 'q' + (c - '0') % 10 : c)))
                .reduce("zz", String::concat);
        Response online = as("ana").body(Map.of("subject", "Planos de la plaza " + tag, "description", "Copia de los planos."))
                .post("/api/requests");
        assertThat(online.statusCode()).as(online.asString()).isEqualTo(201);
        String filedAt = online.jsonPath().getString("filedAt");
        String subject = "Expedientes de obra " + tag;
        Map<String, Object> registration = Map.of("subject", subject,
                "description", "Copia de los expedientes de repavimentación del barrio Echesortu, 2025.",
                "channel", "IN_PERSON", "receivedAt", filedAt,
                "requester", Map.of("name", "Rosa Ruiz " + tag, "postalAddress", "Bv. Oroño 1234, 2000 Rosario"));

        Response registered = as("carla").body(registration).post("/api/requests");

        assertThat(registered.statusCode()).as(registered.asString()).isEqualTo(201);
        JsonPath request = registered.jsonPath();
        String id = request.getString("id");
        String tracking = request.getString("trackingNumber");
        assertThat(request.getString("channel")).isEqualTo("IN_PERSON");
        assertThat(request.getString("agencyCode")).isEqualTo("OBRAS");
        assertThat(request.getString("filedAt")).isEqualTo(filedAt);
        assertThat(request.getString("contactEmail")).isNull();
        assertThat(request.getString("requesterPostalAddress")).isEqualTo("Bv. Oroño 1234, 2000 Rosario");
        JsonPath history = ok(as("carla").get("/api/requests/" + id + "/history"));
        assertThat(history.getList("action")).containsExactly("register");
        assertThat(history.getString("[0].role")).isEqualTo("clerk");
        assertThat(history.getString("[0].reason")).isEqualTo("IN_PERSON");
        assertThat(history.getString("[0].actorName")).containsIgnoringCase("carla");

        // the receipt: 409 with Retry-After until the legal clock has spoken, then the PDF
        Response receipt = awaitOrFail("the receipt of " + tracking, DUE_DATE_WAIT,
                () -> as("carla").accept("application/pdf, application/problem+json").get("/api/requests/" + id + "/receipt.pdf"),
                response -> {
                    if (response.statusCode() == 409) {
                        assertProblem(response, 409);
                        assertThat(response.header("Retry-After")).isNotBlank();
                    }
                    return response.statusCode() == 200;
                });
        assertThat(receipt.contentType()).startsWith("application/pdf");
        LocalDate webDueOn = LocalDate.parse(awaitOrFail("the due date of Ana's request", DUE_DATE_WAIT,
                () -> as("ana").get("/api/requests/" + online.jsonPath().getString("id")).jsonPath().getString("dueOn"),
                dueOn -> dueOn != null));
        JsonPath desk = ok(as("carla").get("/api/requests/" + id));
        assertThat(desk.getString("dueOn")).isEqualTo(webDueOn.toString());
        assertThat(desk.getString("dueAt")).isEqualTo(ok(as("ana").get("/api/requests/" + online.jsonPath().getString("id")))
                .getString("dueAt"));
        try (PDDocument pdf = Loader.loadPDF(receipt.asByteArray())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text)
                    .contains("Constancia de recepción")
                    .contains("Número de seguimiento\n" + tracking)
                    .contains("Asunto\n" + subject)
                    .contains("Organismo\nSecretaría de Obras Públicas")
                    .contains("Medio\nen persona")
                    .contains("Solicitante\nRosa Ruiz " + tag)
                    .contains("Fecha límite de respuesta\n" + SPANISH_LONG_DATE.format(webDueOn) + ", 23:59 (hora de Argentina)");
        }

        // Ana may not register it, and nothing is stored when she tries
        Response byAna = as("ana").body(Map.of("subject", subject + " (Ana)", "description", "d", "channel", "IN_PERSON",
                "requester", Map.of("name", "Rosa Ruiz", "postalAddress", "Bv. Oroño 1234"))).post("/api/requests");
        assertProblem(byAna, 403);
        JsonPath all = ok(as("elena").queryParam("q", tag).queryParam("size", 100).get("/api/requests"));
        assertThat(all.getList("items.subject")).containsExactlyInAnyOrder("Planos de la plaza " + tag, subject);
        assertThat(ok(as("ana").get("/api/requests/mine")).getList("subject", String.class)).doesNotContain(subject + " (Ana)");

        // no address, no e-mail: nobody is written to about it, the clerk who registered it least of all
        List<Mailbox.Mail> aboutIt = SharedSystem.get().mailbox().everything().stream()
                .filter(mail -> mail.mentions(tracking)).toList();
        assertThat(aboutIt).isEmpty();
    }
}
