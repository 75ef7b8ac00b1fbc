package org.acceso.web.pages;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import org.acceso.web.support.FakeApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Registrar solicitud recibida": a clerk (their agency) or a coordinator (any or none) registers a request received in
 * person, by post, e-mail or phone; the form sends it to the API with its Idempotency-Key and goes to the printable
 * receipt, which offers the PDF (fetched from the API by the front, the token staying here).
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(FakeApi.class)
class RegistrationFormTest {

    static final String REGISTERED_ID = "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    static final String REGISTERED = """
            {"id":"%s","trackingNumber":"AIP-2026-000077","status":"RECEIVED","subject":"Expedientes de Echesortu",
             "description":"Copia de los expedientes.","agencyCode":"OBRAS","language":"es","requesterName":"Rosa Ruiz",
             "contactEmail":null,"requesterPostalAddress":"Bv. Oroño 1234","channel":"IN_PERSON",
             "filedAt":"2026-11-26T14:05:00Z","imported":false,"dueOn":%s,"dueAt":null,"extensions":0,"allowedMoves":[]}""";
    static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @FakeApi.Server
    WireMockServer api;

    @AfterEach
    void forgetStubs() {
        api.getStubMappings().stream()
                .filter(stub -> "POST".equals(stub.getRequest().getMethod().getName())
                        || String.valueOf(stub.getRequest().getUrlPath()).contains(REGISTERED_ID))
                .toList().forEach(api::removeStub);
        api.resetRequests();
    }

    record Rendered(Response page) {

        String html() {
            return page.asString();
        }

        String key() {
            return html().replaceAll("(?s).*<input type=\"hidden\" name=\"idempotencyKey\" value=\"([^\"]*)\">.*", "$1");
        }

        Response submit(Map<String, String> fields) {
            Map<String, String> all = new HashMap<>(fields);
            all.put("csrf-token", html().replaceAll("(?s).*name=\"csrf-token\" value=\"([^\"]+)\".*", "$1"));
            all.putIfAbsent("idempotencyKey", key());
            return given().redirects().follow(false).cookie("csrf-token", page.cookie("csrf-token")).formParams(all)
                    .post("/register");
        }
    }

    static Rendered render() {
        Response page = given().get("/register");
        assertThat(page.statusCode()).isEqualTo(200);
        return new Rendered(page);
    }

    static Map<String, String> inPersonWithOnlyAPostalAddress(String receivedAt) {
        return Map.of("channel", "IN_PERSON", "receivedAt", receivedAt, "requester.name", "Rosa Ruiz",
                "requester.postalAddress", "Bv. Oroño 1234, Rosario", "subject", "Expedientes de Echesortu",
                "description", "Copia de los expedientes de obra.", "language", "es");
    }

    List<LoggedRequest> registrationsSent() {
        return api.findAll(postRequestedFor(urlPathEqualTo("/api/requests")));
    }

    void stubRequest(String dueOn) {
        api.stubFor(get(urlPathEqualTo("/api/requests/" + REGISTERED_ID)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(REGISTERED.formatted(REGISTERED_ID, dueOn))));
    }

    @Test
    @TestSecurity(user = "carla", roles = "clerk")
    void shouldOfferTheClerkTheFormForTheirOwnAgency() {
        String html = render().html();

        assertThat(html).contains("<h1>Registrar solicitud recibida</h1>", "href=\"/register\" aria-current=\"page\"",
                "id=\"channel-IN_PERSON\"", "id=\"channel-POST\"", "id=\"channel-EMAIL\"", "id=\"channel-PHONE\"",
                "type=\"datetime-local\" id=\"receivedAt\"", "name=\"requester.name\"", "name=\"requester.postalAddress\"",
                "name=\"requester.phone\"", "name=\"requester.documentNumber\"", "name=\"requester.email\"")
                .doesNotContain("name=\"agencyCode\"");
        assertThat(html.replaceAll("(?s).*id=\"receivedAt\" name=\"receivedAt\" required max=\"[^\"]+\" value=\"([^\"]+)\".*", "$1"))
                .matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
        assertThat(render().key()).matches("[0-9a-f-]{36}").isNotEqualTo(render().key());
    }

    @Test
    @TestSecurity(user = "elena", roles = "coordinator")
    void shouldLetTheCoordinatorChooseAnyAgencyOrNone() {
        assertThat(render().html()).contains("name=\"agencyCode\"", "<option value=\"SALUD\">Secretaría de Salud</option>",
                "Sin organismo: lo asigna la coordinación");
    }

    @Test
    @TestSecurity(user = "ana", roles = "resident")
    void shouldNotOfferTheFormToAResident() {
        assertThat(given().get("/register").then().statusCode(403).contentType("text/html").extract().asString())
                .contains("No tenés permiso").doesNotContain("name=\"requester.name\"");
        assertThat(given().get("/requests/new").asString()).doesNotContain("href=\"/register\"");
    }

    @Test
    @TestSecurity(user = "carla", roles = "clerk")
    void shouldRegisterAnInPersonRequestWithOnlyAPostalAddressAndGoToTheReceipt() {
        api.stubFor(post(urlPathEqualTo("/api/requests")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody(REGISTERED.formatted(REGISTERED_ID, "null"))));
        Rendered form = render();

        Response response = form.submit(inPersonWithOnlyAPostalAddress("2026-11-26T11:05"));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).endsWith("/requests/" + REGISTERED_ID + "/receipt");
        LoggedRequest sent = registrationsSent().get(0);
        assertThat(sent.getHeader("Idempotency-Key")).isEqualTo(form.key());
        assertThat(sent.getBodyAsString())
                .contains("\"channel\":\"IN_PERSON\"", "\"receivedAt\":\"2026-11-26T11:05-03:00\"",
                        "\"requester\":{\"name\":\"Rosa Ruiz\",\"postalAddress\":\"Bv. Oroño 1234, Rosario\"}",
                        "\"subject\":\"Expedientes de Echesortu\"", "\"language\":\"es\"")
                .doesNotContain("agencyCode").doesNotContain("email").doesNotContain("contactEmail");
    }

    @Test
    @TestSecurity(user = "carla", roles = "clerk")
    void shouldRefuseWithoutNameOrContactOrWithAFutureDateAndSendNothing() {
        Map<String, String> nameless = new HashMap<>(inPersonWithOnlyAPostalAddress("2026-11-26T11:05"));
        nameless.put("requester.name", " ");
        nameless.put("requester.postalAddress", "");
        String future = MINUTES.format(LocalDateTime.now(ZoneId.of("America/Argentina/Cordoba")).plusDays(1));

        Response refused = render().submit(nameless);
        Response inTheFuture = render().submit(inPersonWithOnlyAPostalAddress(future));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.asString()).contains("error-summary", "Escribí el nombre de quien presenta la solicitud.",
                "Anotá al menos un correo electrónico, una dirección postal o un teléfono", "aria-invalid=\"true\"",
                "value=\"Expedientes de Echesortu\"");
        assertThat(inTheFuture.statusCode()).isEqualTo(400);
        assertThat(inTheFuture.asString()).contains("La fecha de recepción no puede ser futura.");
        assertThat(registrationsSent()).isEmpty();
    }

    @Test
    @TestSecurity(user = "carla", roles = "clerk")
    void shouldShowWhatTheApiRefusedNextToItsField() {
        api.stubFor(post(urlPathEqualTo("/api/requests")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json").withBody("""
                        {"type":"/problems/invalid-request","title":"Invalid request","status":400,"detail":"1 field is invalid",
                         "violations":[{"field":"receivedAt","message":"must be within the last 30 days (request.intake.max-backdate)"}]}""")));

        Response response = render().submit(inPersonWithOnlyAPostalAddress("2026-09-01T10:00"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.asString()).contains("href=\"#receivedAt\"", "must be within the last 30 days",
                "value=\"2026-09-01T10:00\"");
    }

    @Test
    @TestSecurity(user = "carla", roles = "clerk")
    void shouldShowThePrintableReceiptWithThePdf() {
        stubRequest("\"2026-12-21\"");

        String html = given().get("/requests/" + REGISTERED_ID + "/receipt").then().statusCode(200).extract().asString();

        assertThat(html).contains("AIP-2026-000077", "Imprimí esta constancia y entregala", "Rosa Ruiz",
                "Recibida el", "(En persona)", "lunes 21 de diciembre de 2026", "data-print hidden",
                "href=\"/requests/" + REGISTERED_ID + "/receipt.pdf\"", "no dejó correo electrónico")
                .doesNotContain("http-equiv=\"refresh\"");
    }

    @Test
    @TestSecurity(user = "carla", roles = "clerk")
    void shouldSayTheDueDateIsBeingComputedAndRefresh() {
        stubRequest("null");

        String html = given().get("/requests/" + REGISTERED_ID + "/receipt").then().statusCode(200).extract().asString();

        assertThat(html).contains("<meta http-equiv=\"refresh\" content=\"5\">",
                "Se está calculando: esta página se actualiza sola").doesNotContain("receipt.pdf");
    }

    @Test
    @TestSecurity(user = "carla", roles = "clerk")
    void shouldHandOverThePdfFromTheApi() {
        byte[] pdf = "%PDF-1.7\nrecibo de prueba\n%%EOF".getBytes(StandardCharsets.US_ASCII);
        api.stubFor(get(urlPathEqualTo("/api/requests/" + REGISTERED_ID + "/receipt.pdf")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/pdf")
                .withHeader("Content-Disposition", "inline; filename=\"AIP-2026-000077.pdf\"").withBody(pdf)));

        Response response = given().get("/requests/" + REGISTERED_ID + "/receipt.pdf");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).startsWith("application/pdf");
        assertThat(response.header("Content-Disposition")).isEqualTo("inline; filename=\"AIP-2026-000077.pdf\"");
        assertThat(response.asByteArray()).isEqualTo(pdf);
    }
}
