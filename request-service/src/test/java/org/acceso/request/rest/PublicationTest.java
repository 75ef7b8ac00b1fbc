package org.acceso.request.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.acceso.contracts.Envelope;
import org.acceso.contracts.EventCodec;
import org.acceso.contracts.PublicationEvent;
import org.acceso.contracts.PublicationWithdrawn;
import org.acceso.contracts.RequestPublished;
import org.acceso.contracts.Topics;
import org.acceso.request.Fixture;
import org.acceso.request.SampleDocuments;
import org.acceso.request.domain.PersonalDataDetector;
import org.acceso.request.domain.RequestStatus;
import org.acceso.testsupport.KafkaEvents;
import org.acceso.testsupport.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.acceso.request.Fixture.CARLA;
import static org.acceso.request.Fixture.DIEGO;
import static org.acceso.request.Fixture.ELENA;
import static org.acceso.request.Fixture.EVENTUALLY;
import static org.acceso.request.Fixture.as;
import static org.acceso.testsupport.ContractAssertions.assertMatchesContract;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * The publication workflow end to end, and request-service's half of "no personal data leaks": requests whose
 * subject, question, answer and documents (a PDF with a text layer, a DOCX, a CSV) are full of personal data are
 * published through the workflow; the {@code RequestPublished} events on the broker and every public copy served to
 * the register on the internal route (its text extracted) hold none of the seeded data, and read [dato personal]
 * where each was.
 */
@QuarkusTest
class PublicationTest {

    static final String MARIA = TestTokens.token("maria-sub", "maria.gomez@example.org",
            Map.of("name", "María Laura Gómez"), "resident");
    static final String REGISTER = TestTokens.token("service-account-acceso-register", null,
            Map.of("azp", "acceso-register"), "register");
    static final String MARK = PersonalDataDetector.MARK;

    static final String SUBJECT = "Pedido de María Laura Gómez por las obras de Córdoba 1234";
    static final String QUESTION = "Soy María Laura Gómez, DNI 30.123.456, CUIT 20-30123456-3, y vivo en calle San Martín "
            + "550, 3° B. Pido copia de los contratos de repavimentación de 2025. Contacto: maria.gomez@example.org o "
            + "0341 15-555-1234.";
    static final String ANSWER = "Sra. Gómez: se adjuntan los contratos. Consultas al inspector Juan Pérez "
            + "(juan.perez@example.org, +54 9 341 555-4321), en Av. Pellegrini 1500.";
    static final byte[] PDF = SampleDocuments.pdf("María Laura Gómez", List.of(
            "Contratos de repavimentación 2025\nMonto total: $ 1.234.567",
            "Expediente iniciado por María Laura Gómez, DNI 30.123.456.\nDomicilio: Córdoba 1234, tel. 0341 15-555-1234.\n"
                    + "Inspector Juan Pérez, juan.perez@example.org, CUIT 20-30123456-3."));
    static final byte[] DOCX = SampleDocuments.docx("María Laura Gómez", "Nota de la vecina María Laura Gómez\n"
            + "Teléfono 0341 15-555-1234, correo maria.gomez@example.org.\nDomicilio: calle San Martín 550, 3° B.");
    static final byte[] CSV = ("nombre;apellido;dni;domicilio;monto\nMaría Laura;Gómez;30.123.456;Córdoba 1234;1500\n"
            + "Juan;Pérez;28.456.789;Av. Pellegrini 1500;2300\n").getBytes(StandardCharsets.UTF_8);

    /** Every seeded datum (and the parts of each a leak would show), compared without case or accents. */
    static final List<String> SEEDED = List.of("María", "Laura", "Gómez", "30.123.456", "30123456", "28.456.789",
            "20-30123456-3", "maria.gomez", "555-1234", "5551234", "555-4321", "Córdoba 1234", "San Martín 550",
            "Juan Pérez", "juan.perez", "Pérez", "Pellegrini");

    record Seeded(String id, String pdf, String docx, String csv) {
    }

    /** María's request held by OBRAS, answered by Carla with the three documents. */
    static Seeded seeded() {
        String id = as(MARIA).body(Map.of("subject", SUBJECT, "description", QUESTION, "agencyCode", "OBRAS"))
                .post("/requests").then().statusCode(201).extract().path("id");
        as(ELENA).body(Map.of("agencyCode", "OBRAS")).post("/requests/" + id + "/assignment").then().statusCode(200);
        String pdf = upload(id, "contratos.pdf", PDF, "application/pdf");
        String docx = upload(id, "nota.docx", DOCX, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        String csv = upload(id, "padron.csv", CSV, "text/csv");
        as(CARLA).body(Map.of("outcome", "PARTIALLY_GRANTED", "text", ANSWER, "grounds", List.of("personal-data"),
                "documentIds", List.of(pdf, docx, csv))).post("/requests/" + id + "/answer").then().statusCode(200);
        return new Seeded(id, pdf, docx, csv);
    }

    static String upload(String id, String name, byte[] content, String type) {
        return given().auth().oauth2(CARLA).multiPart("file", name, content, type).post("/requests/" + id + "/documents")
                .then().statusCode(201).extract().path("id");
    }

    /** The clerk's approval as the web page would send it: the proposal's suggestions, every document public. */
    static Map<String, Object> approvalOf(Response proposal, Seeded s) {
        Map<String, Object> body = new HashMap<>();
        body.put("subject", proposal.path("subject.suggestion"));
        body.put("question", proposal.path("question.suggestion"));
        body.put("answer", proposal.path("answer.suggestion"));
        body.put("documents", List.of(Map.of("id", s.pdf(), "visibility", "PUBLIC"),
                Map.of("id", s.docx(), "visibility", "PUBLIC"), Map.of("id", s.csv(), "visibility", "PUBLIC")));
        return body;
    }

    static List<PublicationEvent> publicationEvents(String id, int count) {
        List<ConsumerRecord<String, String>> records = KafkaEvents.awaitRecords(Topics.PUBLICATION_EVENTS, id, count, EVENTUALLY);
        List<PublicationEvent> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            assertMatchesContract(record.value());
            assertNoSeededData("the event on " + Topics.PUBLICATION_EVENTS, record.value());
            Envelope envelope = EventCodec.read(record.value());
            events.add(EventCodec.decode(envelope, PublicationEvent.class).orElseThrow());
        }
        return events;
    }

    static void assertNoSeededData(String what, String text) {
        String folded = PersonalDataDetector.fold(text);
        for (String datum : SEEDED) {
            assertThat(folded).as("%s must not hold «%s»:%n%s", what, datum, text)
                    .doesNotContain(PersonalDataDetector.fold(datum));
        }
    }

    @Test
    void shouldPublishWithoutAnyPersonalDataAndMarkWhereEachWas() {
        Seeded s = seeded();

        Response proposal = as(CARLA).get("/requests/" + s.id() + "/publication/proposal");
        proposal.then().statusCode(200)
                .body("publishable", equalTo(true))
                .body("outcome", equalTo("PARTIALLY_GRANTED"))
                .body("question.text", equalTo(QUESTION))
                .body("question.personalData.kind", hasItems("NAME", "DNI", "CUIT", "ADDRESS", "EMAIL", "PHONE"))
                .body("question.personalData.find { it.kind == 'DNI' }.start", equalTo(QUESTION.indexOf("30.123.456")))
                .body("question.personalData.find { it.kind == 'DNI' }.end", equalTo(QUESTION.indexOf("30.123.456") + 10))
                .body("answer.personalData.find { it.requester }.text", equalTo("Gómez"))
                .body("documents", hasSize(3))
                .body("documents.publishable", everyTrue())
                .body("documents.find { it.name == 'contratos.pdf' }.personalData.page", everyEqual(2))
                .body("documents.find { it.name == 'nota.docx' }.publishedAs", equalTo("application/pdf"))
                .body("documents.find { it.name == 'padron.csv' }.personalData.size()", equalTo(8));
        assertThat(proposal.<String>path("subject.suggestion")).isEqualTo("Pedido de " + MARK + " por las obras de " + MARK);
        assertThat(proposal.<String>path("question.suggestion")).isEqualTo("Soy " + MARK + ", DNI " + MARK + ", CUIT " + MARK
                + ", y vivo en " + MARK + ". Pido copia de los contratos de repavimentación de 2025. Contacto: " + MARK
                + " o " + MARK + ".");
        assertThat(proposal.<String>path("answer.suggestion")).isEqualTo("Sra. " + MARK + ": se adjuntan los contratos. "
                + "Consultas al inspector " + MARK + " (" + MARK + ", " + MARK + "), en " + MARK + ".");

        Response published = as(CARLA).body(approvalOf(proposal, s)).post("/requests/" + s.id() + "/publication");

        published.then().statusCode(200).body("status", equalTo("PUBLISHED"))
                .body("documents.name", equalTo(List.of("contratos.pdf", "nota.pdf", "padron.csv")))
                .body("documents.sourceId", equalTo(List.of(s.pdf(), s.docx(), s.csv())));
        RequestPublished event = (RequestPublished) publicationEvents(s.id(), 1).get(0);
        assertThat(event.trackingNumber()).isEqualTo(published.path("trackingNumber"));
        assertThat(event.subject()).isEqualTo(proposal.path("subject.suggestion"));
        assertThat(event.question()).isEqualTo(proposal.path("question.suggestion"));
        assertThat(event.answer()).isEqualTo(proposal.path("answer.suggestion"));
        assertThat(event.outcome()).isEqualTo("PARTIALLY_GRANTED");
        assertThat(event.grounds()).extracting(RequestPublished.Ground::code).containsExactly("personal-data");
        assertThat(event.grounds().get(0).name()).isNotBlank();
        assertThat(event.agencyName()).isEqualTo("Secretaría de Obras Públicas");
        assertThat(event.answeredAt()).isNotNull();
        assertThat(event.embargoUntil()).isNull();
        assertThat(event.documents()).hasSize(3);

        List<String> texts = new ArrayList<>();
        for (RequestPublished.Document document : event.documents()) {
            Response served = given().auth().oauth2(REGISTER)
                    .get("/internal/publications/" + s.id() + "/documents/" + document.id());
            served.then().statusCode(200).header("Content-Type", startsWith(document.mediaType()))
                    .header("ETag", "\"" + document.sha256() + "\"");
            byte[] bytes = served.asByteArray();
            assertThat(bytes).hasSize((int) document.size());
            assertThat(org.acceso.request.service.Sha256.hex(bytes)).isEqualTo(document.sha256());
            String text = document.mediaType().equals("application/pdf") ? SampleDocuments.pdfText(bytes)
                    : new String(bytes, StandardCharsets.UTF_8);
            assertNoSeededData("public copy " + document.fileName(), text);
            if (document.mediaType().equals("application/pdf")) {
                assertNoSeededData("metadata of " + document.fileName(), SampleDocuments.pdfMetadata(bytes));
            }
            assertThat(text).as("public copy %s", document.fileName()).contains(MARK);
            texts.add(text);
        }
        assertThat(texts.get(0)).contains("Contratos de repavimentación 2025", "Monto total: $ 1.234.567",
                "Expediente iniciado por " + MARK + ", DNI " + MARK + ".", "Domicilio: " + MARK + ", tel. " + MARK + ".",
                "Inspector " + MARK + ", " + MARK + ", CUIT " + MARK + ".");
        assertThat(texts.get(1)).contains("Nota de la vecina " + MARK, "Teléfono " + MARK + ", correo " + MARK + ".",
                "Domicilio: " + MARK + ".");
        assertThat(texts.get(2).lines().toList()).containsExactly("nombre;apellido;dni;domicilio;monto",
                MARK + ";" + MARK + ";" + MARK + ";" + MARK + ";1500", MARK + ";" + MARK + ";" + MARK + ";" + MARK + ";2300");

        // the originals the requester received are untouched
        assertThat(given().auth().oauth2(MARIA).get("/requests/" + s.id() + "/documents/" + s.pdf()).asByteArray()).isEqualTo(PDF);
        assertThat(given().auth().oauth2(MARIA).get("/requests/" + s.id() + "/documents/" + s.csv()).asByteArray()).isEqualTo(CSV);
        // and never served on the internal route
        given().auth().oauth2(REGISTER).get("/internal/publications/" + s.id() + "/documents/" + s.pdf()).then().statusCode(404)
                .contentType("application/problem+json");
        as(CARLA).get("/requests/" + s.id() + "/history").then().statusCode(200)
                .body("action", hasItem("publish"))
                .body("find { it.action == 'publish' }.reason", equalTo("3 public documents"));
    }

    @Test
    void shouldRefuseApprovedTextsThatStillHoldDataTheClerkDidNotKeep() {
        Seeded s = seeded();
        Map<String, Object> raw = new HashMap<>(Map.of("question", QUESTION, "answer", ANSWER));

        Response refused = as(CARLA).body(raw).post("/requests/" + s.id() + "/publication");

        refused.then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/personal-data"))
                .body("personalData.field", hasItems("subject", "question", "answer"))
                .body("personalData.find { it.field == 'question' && it.kind == 'DNI' }.text", equalTo("30.123.456"))
                .body("personalData.find { it.field == 'question' && it.kind == 'DNI' }.start", equalTo(QUESTION.indexOf("30.123.456")));
        as(CARLA).get("/requests/" + s.id() + "/publication").then().statusCode(404);

        // a public official's name may be kept on purpose; the requester's own name never
        String answer = "Firmó el inspector Juan Pérez. Se notificó a " + MARK + ".";
        Map<String, Object> keeping = new HashMap<>(Map.of("subject", "Obras de repavimentación", "question",
                "Pido copia de los contratos de repavimentación de 2025.", "answer", answer, "keep", List.of("Juan Pérez")));
        as(CARLA).body(keeping).post("/requests/" + s.id() + "/publication").then().statusCode(200)
                .body("answer", equalTo(answer)).body("documents", hasSize(0));
        keeping.put("answer", "Lo pidió María Laura Gómez.");
        keeping.put("keep", List.of("María Laura Gómez"));
        as(CARLA).body(keeping).post("/requests/" + s.id() + "/publication").then().statusCode(422)
                .body("personalData[0].requester", equalTo(true));
    }

    @Test
    void shouldWithdrawAndStopServingTheCopiesAndRepublishWithNewCopies() {
        Seeded s = seeded();
        Response proposal = as(ELENA).get("/requests/" + s.id() + "/publication/proposal");
        String first = as(ELENA).body(approvalOf(proposal, s)).post("/requests/" + s.id() + "/publication")
                .then().statusCode(200).extract().path("documents[0].id");
        Map<String, Object> again = approvalOf(proposal, s);
        again.put("embargoUntil", LocalDate.now().plusDays(10).toString());
        String second = as(CARLA).body(again).post("/requests/" + s.id() + "/publication").then().statusCode(200)
                .body("embargoUntil", equalTo(LocalDate.now().plusDays(10).toString()))
                .extract().path("documents[0].id");

        given().auth().oauth2(REGISTER).get("/internal/publications/" + s.id() + "/documents/" + first).then().statusCode(404);
        given().auth().oauth2(REGISTER).get("/internal/publications/" + s.id() + "/documents/" + second).then().statusCode(200);

        as(CARLA).body(Map.of("reason", "Orden judicial del Juzgado Civil 4")).delete("/requests/" + s.id() + "/publication")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN")).body("documents", hasSize(0))
                .body("withdrawalReason", equalTo("Orden judicial del Juzgado Civil 4"));

        given().auth().oauth2(REGISTER).get("/internal/publications/" + s.id() + "/documents/" + second).then().statusCode(404);
        List<PublicationEvent> events = publicationEvents(s.id(), 3);
        assertThat(events).extracting(EventCodec::typeOf).containsExactly("RequestPublished", "RequestPublished",
                "PublicationWithdrawn");
        assertThat(((RequestPublished) events.get(1)).embargoUntil()).isEqualTo(LocalDate.now().plusDays(10));
        assertThat(((PublicationWithdrawn) events.get(2)).trackingNumber()).isEqualTo(((RequestPublished) events.get(0)).trackingNumber());
        as(CARLA).get("/requests/" + s.id() + "/history").then().statusCode(200)
                .body("find { it.action == 'withdrawPublication' }.reason", equalTo("Orden judicial del Juzgado Civil 4"))
                .body("find { it.action == 'withdrawPublication' }.role", equalTo("clerk"))
                .body("findAll { it.action == 'publish' }.role", equalTo(List.of("coordinator", "clerk")));
        as(CARLA).body(Map.of("reason", "Otra vez")).delete("/requests/" + s.id() + "/publication").then().statusCode(409);
        as(CARLA).body(Map.of("reason", " ")).delete("/requests/" + s.id() + "/publication").then().statusCode(400);
    }

    @Test
    void shouldHonourTheRequestersWishNotToBePublished() {
        String id = as(MARIA).body(Map.of("subject", "Obras 2025", "description", "Contratos de obra.", "agencyCode", "OBRAS",
                "publicationConsent", false)).post("/requests").then().statusCode(201)
                .body("publicationConsent", equalTo(false)).extract().path("id");
        Fixture.make(org.acceso.request.domain.Move.ASSIGN, id).then().statusCode(200);
        Fixture.make(org.acceso.request.domain.Move.ANSWER, id).then().statusCode(200);

        as(CARLA).get("/requests/" + id + "/publication/proposal").then().statusCode(200)
                .body("publishable", equalTo(false)).body("publicationConsent", equalTo(false))
                .body("refusal", org.hamcrest.Matchers.containsString("asked at filing"));
        as(CARLA).body(Map.of("question", "Contratos de obra.", "answer", "Se adjunta lo pedido."))
                .post("/requests/" + id + "/publication").then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("/problems/no-publication-consent"));
    }

    @Test
    void shouldPublishOnlyAfterAnAnswerOrADenialBySilence() {
        String open = Fixture.inStatus(RequestStatus.ASSIGNED);
        as(CARLA).body(Map.of("question", "Contratos de obra.")).post("/requests/" + open + "/publication")
                .then().statusCode(409).body("type", equalTo("/problems/rule-violation"));

        String silent = Fixture.inStatus(RequestStatus.DEEMED_DENIED);
        as(CARLA).body(Map.of("question", "Copia de los contratos de repavimentación firmados en 2025."))
                .post("/requests/" + silent + "/publication").then().statusCode(200).body("answer", nullValue());
        RequestPublished event = (RequestPublished) publicationEvents(silent, 1).get(0);
        assertThat(event.outcome()).isEqualTo("DEEMED_DENIED");
        assertThat(event.answer()).isNull();
        assertThat(event.onTime()).isFalse();
        assertThat(event.answeredAt()).isNotNull();

        String answered = Fixture.inStatus(RequestStatus.ANSWERED);
        as(CARLA).body(Map.of("question", "Copia de los contratos.")).post("/requests/" + answered + "/publication")
                .then().statusCode(400).body("violations[0].field", equalTo("answer"));
        as(DIEGO).get("/requests/" + answered + "/publication/proposal").then().statusCode(404);
    }

    @Test
    void shouldServeTheInternalRouteToTheRegisterOnly() {
        Seeded s = seeded();
        Response proposal = as(CARLA).get("/requests/" + s.id() + "/publication/proposal");
        String copy = as(CARLA).body(approvalOf(proposal, s)).post("/requests/" + s.id() + "/publication")
                .then().statusCode(200).extract().path("documents[2].id");
        String path = "/internal/publications/" + s.id() + "/documents/" + copy;

        given().get(path).then().statusCode(401).contentType("application/problem+json");
        for (String human : List.of(MARIA, CARLA, ELENA, Fixture.FEDE, Fixture.ADMIN)) {
            given().auth().oauth2(human).get(path).then().statusCode(403).contentType("application/problem+json");
        }
        given().auth().oauth2(REGISTER).get(path).then().statusCode(200).header("Content-Type", startsWith("text/csv"));
        given().auth().oauth2(REGISTER).get("/internal/publications/not-a-uuid/documents/" + copy).then().statusCode(404);
        given().auth().oauth2(REGISTER).get("/internal/publications/" + s.id() + "/documents/x").then().statusCode(404);
    }

    static org.hamcrest.Matcher<Iterable<? extends Boolean>> everyTrue() {
        return org.hamcrest.Matchers.everyItem(equalTo(true));
    }

    static org.hamcrest.Matcher<Iterable<? extends Integer>> everyEqual(int value) {
        return org.hamcrest.Matchers.everyItem(equalTo(value));
    }
}
