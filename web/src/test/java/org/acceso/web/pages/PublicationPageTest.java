package org.acceso.web.pages;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import org.acceso.web.support.FakeApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The clerk's "Publicar" step: the proposal with each personal datum marked, the texts to publish already redacted
 * and editable, each document's visibility, publishing what the clerk approved, refusals in place, and withdrawing.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(FakeApi.class)
class PublicationPageTest {

    static final String PATH = "/requests/" + FakeApi.ID + "/publication";
    static final String API_PATH = "/api/requests/" + FakeApi.ID + "/publication";
    static final String DOCUMENT = "0b9f7a52-1111-4c6e-9f0a-1b2c3d4e5f60";
    static final String PUBLISHED = """
            {"requestId":"%s","trackingNumber":"%s","status":"PUBLISHED","subject":"Luminarias de Echesortu",
             "question":"Soy [dato personal].","answer":"Se entrega el listado.","embargoUntil":null,
             "publishedAt":"2026-11-26T12:00:00Z","withdrawnAt":null,"withdrawalReason":null,"documents":[]}"""
            .formatted(FakeApi.ID, FakeApi.TRACKING);

    @FakeApi.Server
    WireMockServer api;

    @AfterEach
    void forget() {
        api.getStubMappings().stream().filter(stub -> !stub.getRequest().getMethod().getName().equals("GET"))
                .toList().forEach(api::removeStub);
        api.resetRequests();
    }

    @Test
    @TestSecurity(user = "carla", roles = "clerk")
    void shouldOfferThePublishStepOnAnAnsweredRequest() {
        String request = given().get("/requests/" + FakeApi.ID).then().statusCode(200).extract().asString();
        assertThat(request).contains("href=\"" + PATH + "\"", "Publicar en el registro público");
    }

    @Test
    @TestSecurity(user = "ana", roles = "resident")
    void shouldNotOfferItToTheResident() {
        String request = given().get("/requests/" + FakeApi.ID).then().statusCode(200).extract().asString();
        assertThat(request).doesNotContain(PATH);
        assertThat(given().get(PATH).statusCode()).isEqualTo(403);
    }

    @Test
    @TestSecurity(user = "carla", roles = "clerk")
    void shouldShowTheProposalWithEachPersonalDatumMarked() {
        String html = given().get(PATH).then().statusCode(200).extract().asString();

        assertThat(html).contains("Publicar en el registro público", FakeApi.TRACKING,
                "Soy <mark class=\"personal\">Ana Resident<span class=\"kind\"> [nombre · de quien preguntó]</span></mark>, "
                        + "escribir a <mark class=\"personal\">ana@example.org<span class=\"kind\"> [correo · de quien preguntó]</span></mark>.",
                ">Soy [dato personal], escribir a [dato personal].</textarea>",
                "name=\"public\" value=\"" + DOCUMENT + "\"", "1 datos personales encontrados",
                "20.123.456<span class=\"kind\"> [DNI · página 1]</span>", "name=\"embargoUntil\"");
        assertThat(html).doesNotContain("value=\"" + DOCUMENT + "\" aria-describedby=\"documents-hint doc-" + DOCUMENT
                + "-found\" checked");
    }

    @Test
    @TestSecurity(user = "carla", roles = "clerk")
    void shouldPublishWhatTheClerkApproved() {
        api.stubFor(post(urlPathEqualTo(API_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(PUBLISHED)));
        Map<String, String> fields = new HashMap<>(Map.of("subject", "Luminarias de Echesortu",
                "question", "Soy [dato personal].", "answer", "Se entrega el listado.", "public", DOCUMENT,
                "embargoUntil", ""));

        Response response = submit(PATH, fields);

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).endsWith(PATH + "?done=published#done");
        List<LoggedRequest> sent = api.findAll(postRequestedFor(urlPathEqualTo(API_PATH)));
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).getBodyAsString()).isEqualTo("{\"subject\":\"Luminarias de Echesortu\","
                + "\"question\":\"Soy [dato personal].\",\"answer\":\"Se entrega el listado.\","
                + "\"documents\":[{\"id\":\"" + DOCUMENT + "\",\"visibility\":\"PUBLIC\"}]}");

        String done = given().get(PATH + "?done=published").then().statusCode(200).extract().asString();
        assertThat(done).contains("Se publicó", "href=\"/registro/" + FakeApi.TRACKING + "\"");
    }

    @Test
    @TestSecurity(user = "carla", roles = "clerk")
    void shouldKeepADocumentWithTheRequesterUnlessTicked() {
        api.stubFor(post(urlPathEqualTo(API_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(PUBLISHED)));

        submit(PATH, Map.of("subject", "Luminarias", "question", "Listado.", "embargoUntil", "2026-12-24"));

        assertThat(api.findAll(postRequestedFor(urlPathEqualTo(API_PATH))).get(0).getBodyAsString())
                .contains("\"documents\":[{\"id\":\"" + DOCUMENT + "\",\"visibility\":\"REQUESTER_ONLY\"}]",
                        "\"embargoUntil\":\"2026-12-24\"")
                .doesNotContain("\"answer\"");
    }

    @Test
    @TestSecurity(user = "carla", roles = "clerk")
    void shouldSayWhichPersonalDataAreLeftWhenTheApiRefuses() {
        api.stubFor(post(urlPathEqualTo(API_PATH)).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"/problems/personal-data\",\"title\":\"Personal data in the approved texts\","
                        + "\"status\":422,\"detail\":\"1 personal datum is still in the approved texts\","
                        + "\"personalData\":[{\"field\":\"question\",\"kind\":\"EMAIL\"}]}")));

        Response response = submit(PATH, Map.of("subject", "Luminarias", "question", "Escribir a ana@example.org"));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.asString()).contains("id=\"error-summary\"",
                "Quedan datos personales sin reemplazar en los textos", "1 personal datum is still in the approved texts",
                ">Escribir a ana@example.org</textarea>", "aria-invalid=\"true\"");
    }

    @Test
    @TestSecurity(user = "carla", roles = "clerk")
    void shouldRefuseAnEmptyQuestionBeforeCallingTheApi() {
        Response response = submit(PATH, Map.of("subject", "Luminarias", "question", "  "));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.asString()).contains("Describí qué información pedís.");
        assertThat(api.findAll(postRequestedFor(urlPathEqualTo(API_PATH)))).isEmpty();
    }

    @Test
    @TestSecurity(user = "carla", roles = "clerk")
    void shouldWithdrawWithItsReason() {
        StubMapping published = api.stubFor(get(urlPathEqualTo(API_PATH + "/proposal")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(proposalPublished())));
        api.stubFor(delete(urlPathEqualTo(API_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(PUBLISHED)));
        try {
            String page = given().get(PATH).then().statusCode(200).extract().asString();
            assertThat(page).contains("Publicación actual", "Publicada el", "href=\"/registro/" + FakeApi.TRACKING + "\"",
                    "id=\"form-withdraw-publication\"", ">Soy [dato personal].</textarea>");
            withdraw();
        } finally {
            api.removeStub(published);
        }
    }

    private void withdraw() {

        Response response = submit(PATH + "/withdrawal", Map.of("reason", "Orden judicial 12/2026"));

        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).endsWith(PATH + "?done=withdrawn#done");
        assertThat(api.findAll(deleteRequestedFor(urlPathEqualTo(API_PATH))).get(0).getBodyAsString())
                .isEqualTo("{\"reason\":\"Orden judicial 12/2026\"}");

        Response noReason = submit(PATH + "/withdrawal", Map.of("reason", ""));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.asString()).contains("Escribí el motivo.");
    }

    /** The proposal of a request published as {@link #PUBLISHED}. */
    private String proposalPublished() {
        String proposal = api.getStubMappings().stream()
                .filter(stub -> (API_PATH + "/proposal").equals(stub.getRequest().getUrlPath()))
                .findFirst().orElseThrow().getResponse().getBody();
        return proposal.replace("\"current\":null", "\"current\":" + PUBLISHED);
    }

    /** A form post with the CSRF token of a rendered page, as the browser sends it. */
    private static Response submit(String path, Map<String, String> fields) {
        Response page = given().get(PATH);
        String token = page.asString().replaceAll("(?s).*name=\"csrf-token\" value=\"([^\"]+)\".*", "$1");
        Map<String, String> form = new HashMap<>(fields);
        form.put("csrf-token", token);
        return given().redirects().follow(false).cookie("csrf-token", page.cookie("csrf-token")).formParams(form).post(path);
    }
}
