package org.acceso.gateway.http;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.vertx.core.json.JsonObject;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.acceso.gateway.support.FakeServices;
import org.acceso.gateway.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Per-path body rules: JSON routes take JSON up to 1 MB, documents multipart up to 21 MB, imports NDJSON or CSV up to 10 MB. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(FakeServices.class)
class BodyPolicyTest {

    private static final int MB = 1024 * 1024;

    @FakeServices.Backend
    WireMockServer backend;

    @TestHTTPResource("/api/requests/abc/documents")
    URL documents;

    @BeforeEach
    void stubBackend() {
        backend.resetAll();
        backend.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("{}")));
    }

    @Test
    void shouldRefuseBodyOfMediaTypeRouteDoesNotTakeWithProblem() {
        given().auth().oauth2(Tokens.resident())
                .contentType("text/plain")
                .body("subject=x")
                .post("/api/requests")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("title", equalTo("Unsupported Media Type"))
                .body("status", equalTo(415))
                .body("detail", equalTo("This path takes a body of type application/json, application/merge-patch+json"))
                .body("instance", equalTo("/api/requests"));

        assertThat(backend.getAllServeEvents()).isEmpty();
    }

    @Test
    void shouldRefuseJsonOnDocumentUploadWithProblem() {
        given().auth().oauth2(Tokens.resident())
                .contentType("application/json")
                .body("{}")
                .post("/api/requests/abc/documents")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("detail", equalTo("This path takes a body of type multipart/form-data"));
    }

    @Test
    void shouldForwardDocumentLargerThanJsonLimit() {
        byte[] document = new byte[5 * MB];

        given().auth().oauth2(Tokens.resident())
                .multiPart("file", "contract.pdf", document, "application/pdf")
                .post("/api/requests/abc/documents")
                .then()
                .statusCode(201);

        assertThat(backend.findAll(anyRequestedFor(anyUrl()))).singleElement()
                .satisfies(request -> assertThat(request.getBody().length).isGreaterThan(5 * MB));
    }

    @Test
    void shouldRefuseDeclaredDocumentOverItsLimitWithProblem() throws Exception {
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(URI.create(documents.toString()))
                        .timeout(Duration.ofSeconds(20))
                        .header("Authorization", "Bearer " + Tokens.resident())
                        .header("Content-Type", "multipart/form-data; boundary=acceso")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[21 * MB + 1]))
                        .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(new JsonObject(response.body()).getString("detail"))
                .isEqualTo("The request body is larger than the limit of " + 21 * MB + " bytes");
        assertThat(backend.getAllServeEvents()).isEmpty();
    }

    @Test
    void shouldForwardImportAsNdjsonOrCsv() {
        given().auth().oauth2(Tokens.withRoles("admin", "admin"))
                .contentType("application/x-ndjson")
                .body("{\"subject\":\"a\"}\n{\"subject\":\"b\"}\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/requests/import")
                .then()
                .statusCode(201);
        given().auth().oauth2(Tokens.withRoles("admin", "admin"))
                .contentType("text/csv; charset=UTF-8")
                .body("subject\na\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/requests/import")
                .then()
                .statusCode(201);

        assertThat(backend.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
    }

    @Test
    void shouldForwardPostWithoutBodyWhateverItsType() {
        given().auth().oauth2(Tokens.resident())
                .post("/api/requests/abc/withdrawal")
                .then()
                .statusCode(201);
    }
}
