package org.acceso.gateway.http;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.vertx.core.json.JsonObject;
import org.acceso.gateway.support.FakeServices;
import org.acceso.gateway.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The cap of JSON routes (gateway.bodies.json.max-size=1M), declared or streamed. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(FakeServices.class)
class BodySizeTest {

    private static final int LIMIT = 1024 * 1024;

    @FakeServices.Backend
    WireMockServer backend;

    @TestHTTPResource("/api/requests/abc/attachments")
    URL attachments;

    @BeforeEach
    void stubBackend() {
        backend.resetAll();
        backend.stubFor(post(urlEqualTo("/requests/abc/attachments")).willReturn(aResponse().withStatus(201)));
    }

    @Test
    void shouldRefuseDeclaredBodyOverLimitWithProblem() {
        given().auth().oauth2(Tokens.resident())
                .header("Expect", "100-continue")
                .contentType("application/json")
                .body(new byte[LIMIT + 1])
                .post(attachments)
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .header("X-Content-Type-Options", "nosniff")
                .body("title", equalTo("Request Entity Too Large"))
                .body("status", equalTo(413))
                .body("detail", equalTo("The request body is larger than the limit of 1048576 bytes"))
                .body("instance", equalTo("/api/requests/abc/attachments"));

        assertThat(backend.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    }

    @Test
    void shouldForwardDeclaredBodyAtLimit() {
        given().auth().oauth2(Tokens.resident())
                .header("Expect", "100-continue")
                .contentType("application/json")
                .body(new byte[LIMIT])
                .post(attachments)
                .then()
                .statusCode(201);

        assertThat(backend.findAll(anyRequestedFor(anyUrl())))
                .singleElement()
                .satisfies(request -> {
                    assertThat(request.getBody()).hasSize(LIMIT);
                    assertThat(request.containsHeader("Expect")).as("the gateway answers Expect itself").isFalse();
                });
    }

    @Test
    void shouldRefuseStreamedBodyOverLimitWithProblem() throws Exception {
        HttpResponse<String> response = postStreamed(LIMIT + 64 * 1024);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonObject problem = new JsonObject(response.body());
        assertThat(problem.getInteger("status")).isEqualTo(413);
        assertThat(problem.getString("detail")).isEqualTo("The request body is larger than the limit of 1048576 bytes");
    }

    @Test
    void shouldForwardStreamedBodyUnderLimit() throws Exception {
        HttpResponse<String> response = postStreamed(LIMIT / 2);

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(backend.findAll(anyRequestedFor(anyUrl())))
                .singleElement()
                .satisfies(request -> assertThat(request.getBody()).hasSize(LIMIT / 2));
    }

    /** An upload of unknown length: the JDK client sends it chunked. */
    private HttpResponse<String> postStreamed(int size) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(attachments.toString()))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + Tokens.resident())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[size])))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
