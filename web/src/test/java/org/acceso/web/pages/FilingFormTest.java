package org.acceso.web.pages;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import org.acceso.web.support.FakeApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filing form carries an Idempotency-Key made when the form is rendered, and every submit of that form sends it to
 * the API: a double submit, or a submit again after no answer came, files once (request-service replays the first
 * filing; its own tests show that). A form filed before with other words gets a new key.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(FakeApi.class)
@TestSecurity(user = "ana", roles = "resident")
class FilingFormTest {

    static final String FILED = """
            {"id":"%s","trackingNumber":"%s","status":"RECEIVED","subject":"Luminarias de Echesortu",
             "description":"Listado de luminarias instaladas en 2026.","agencyCode":"OBRAS","language":"es",
             "contactEmail":"ana@example.org","filedAt":"2026-11-20T13:00:00Z","imported":false,"allowedMoves":[]}"""
            .formatted(FakeApi.ID, FakeApi.TRACKING);
    static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @FakeApi.Server
    WireMockServer api;

    @AfterEach
    void forgetFilings() {
        api.getStubMappings().stream().filter(stub -> stub.getRequest().getMethod().getName().equals("POST"))
                .toList().forEach(api::removeStub);
        api.resetRequests();
    }

    /** The form as rendered: its page (with the CSRF cookie) and its key. */
    record Rendered(Response page, String key) {

        String csrfCookie() {
            return page.cookie("csrf-token");
        }

        String csrfToken() {
            return page.asString().replaceAll("(?s).*name=\"csrf-token\" value=\"([^\"]+)\".*", "$1");
        }
    }

    static Rendered render() {
        Response page = given().get("/requests/new");
        assertThat(page.statusCode()).isEqualTo(200);
        return new Rendered(page, keyIn(page.asString()));
    }

    static String keyIn(String html) {
        assertThat(html).containsOnlyOnce("name=\"idempotencyKey\"");
        return html.replaceAll("(?s).*<input type=\"hidden\" name=\"idempotencyKey\" value=\"([^\"]*)\">.*", "$1");
    }

    static Response submit(Rendered form, String key, String subject) {
        return given().redirects().follow(false).cookie("csrf-token", form.csrfCookie())
                .formParams(Map.of("csrf-token", form.csrfToken(), "subject", subject,
                        "description", "Listado de luminarias instaladas en 2026.", "agencyCode", "OBRAS",
                        "language", "es", "idempotencyKey", key))
                .post("/requests/new");
    }

    void apiAnswers(ResponseDefinitionBuilder answer) {
        api.stubFor(post(urlPathEqualTo("/api/requests")).willReturn(answer));
    }

    List<LoggedRequest> filingsSent() {
        return api.findAll(postRequestedFor(urlPathEqualTo("/api/requests")));
    }

    @Test
    void shouldGiveEachRenderingOfTheFormItsOwnKey() {
        String first = render().key();
        String second = render().key();

        assertThat(first).matches(UUID_PATTERN);
        assertThat(second).matches(UUID_PATTERN).isNotEqualTo(first);
    }

    @Test
    void shouldSendTheFormsKeyWithEverySubmitOfIt() {
        apiAnswers(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(FILED));
        Rendered form = render();

        Response first = submit(form, form.key(), "Luminarias de Echesortu");
        Response again = submit(form, form.key(), "Luminarias de Echesortu"); // a double click, or back and send

        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(first.header("Location")).endsWith("/requests/" + FakeApi.ID + "/receipt");
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        List<LoggedRequest> sent = filingsSent();
        assertThat(sent).hasSize(2);
        assertThat(sent).allSatisfy(call -> {
            assertThat(call.getHeader("Idempotency-Key")).isEqualTo(form.key());
            assertThat(call.getBodyAsString()).contains("\"subject\":\"Luminarias de Echesortu\"");
        });
        assertThat(sent.get(1).getBodyAsString()).isEqualTo(sent.get(0).getBodyAsString());
    }

    @Test
    void shouldKeepTheKeyWhenTheApiGaveNoAnswer() {
        apiAnswers(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        Rendered form = render();

        Response response = submit(form, form.key(), "Luminarias de Echesortu");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.asString()).contains("El servicio no está disponible", "value=\"Luminarias de Echesortu\"");
        assertThat(keyIn(response.asString())).isEqualTo(form.key());
        assertThat(filingsSent()).extracting(call -> call.getHeader("Idempotency-Key")).containsOnly(form.key());
    }

    @Test
    void shouldKeepTheKeyWhenTheGatewayTimedOut() {
        apiAnswers(aResponse().withStatus(504).withHeader("Content-Type", "application/problem+json")
                .withHeader("Retry-After", "5")
                .withBody("{\"type\":\"about:blank\",\"title\":\"Gateway Timeout\",\"status\":504,"
                        + "\"detail\":\"request-service did not answer in time\"}"));
        Rendered form = render();

        Response response = submit(form, form.key(), "Luminarias de Echesortu");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.asString()).contains("El servicio no está disponible");
        assertThat(keyIn(response.asString())).isEqualTo(form.key());
    }

    @Test
    void shouldKeepTheKeyWhenTheFormItselfIsRefused() {
        Rendered form = render();

        Response response = submit(form, form.key(), " ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(keyIn(response.asString())).isEqualTo(form.key());
        assertThat(filingsSent()).isEmpty();
    }

    @Test
    void shouldOfferANewKeyWhenTheFormWasFiledBeforeWithOtherWords() {
        apiAnswers(aResponse().withStatus(422).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"/problems/idempotency-key-reused\",\"title\":\"Idempotency key reused\","
                        + "\"status\":422,\"detail\":\"This Idempotency-Key was already used for a different filing.\"}"));
        Rendered form = render();

        Response response = submit(form, form.key(), "Luminarias de Echesortu y Alberdi");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.asString()).contains("Esta solicitud ya se había enviado con otro texto",
                "value=\"Luminarias de Echesortu y Alberdi\"");
        assertThat(keyIn(response.asString())).matches(UUID_PATTERN).isNotEqualTo(form.key());
    }

    @Test
    void shouldMakeAKeyForAFormThatCameWithout() {
        apiAnswers(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(FILED));
        Rendered form = render();

        submit(form, "", "Luminarias de Echesortu").then().statusCode(303);

        assertThat(filingsSent()).singleElement().satisfies(call ->
                assertThat(call.getHeader("Idempotency-Key")).matches(UUID_PATTERN));
    }

    @Test
    void shouldSayPlainlyWhatIsPublishedAndSendTheResidentsWishNotToBePublished() {
        apiAnswers(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(FILED));
        Rendered form = render();
        assertThat(form.page().asString()).contains("se publicarán en el registro público de solicitudes, sin tu nombre",
                "name=\"noPublication\"");

        submit(form, form.key(), "Luminarias de Echesortu").then().statusCode(303);
        Map<String, String> declined = new java.util.HashMap<>(Map.of("csrf-token", form.csrfToken(), "subject", "Luminarias",
                "description", "Listado de luminarias instaladas en 2026.", "language", "es",
                "idempotencyKey", render().key(), "noPublication", "yes"));
        given().redirects().follow(false).cookie("csrf-token", form.csrfCookie()).formParams(declined).post("/requests/new")
                .then().statusCode(303);

        List<LoggedRequest> sent = filingsSent();
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).getBodyAsString()).doesNotContain("publicationConsent");
        assertThat(sent.get(1).getBodyAsString()).contains("\"publicationConsent\":false");
    }
}
