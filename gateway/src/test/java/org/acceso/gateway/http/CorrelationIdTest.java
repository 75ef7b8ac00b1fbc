package org.acceso.gateway.http;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.Headers;
import org.acceso.gateway.support.FakeServices;
import org.acceso.gateway.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(FakeServices.class)
class CorrelationIdTest {

    private static final String SANE_ID = "web-7f3a.2026_11_26";

    @FakeServices.Backend
    WireMockServer backend;

    @BeforeEach
    void stubBackend() {
        backend.resetAll();
        backend.stubFor(get(urlEqualTo("/requests/abc")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withHeader("X-Request-Id", "an-id-the-service-made-up")
                .withBody("{\"id\":\"abc\"}")));
    }

    @Test
    void shouldKeepSaneIncomingRequestId() {
        Headers returned = given().auth().oauth2(Tokens.resident())
                .header("X-Request-Id", SANE_ID)
                .get("/api/requests/abc")
                .then()
                .statusCode(200)
                .body("id", equalTo("abc"))
                .extract().headers();

        assertThat(returned.getValues("X-Request-Id")).as("the gateway's id, not the service's").containsExactly(SANE_ID);
        assertThat(forwardedRequestIds()).containsExactly(SANE_ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"has spaces", "semi;colon", "ünïcode", "<script>"})
    void shouldReplaceInvalidIncomingRequestId(String invalid) {
        String returned = given().auth().oauth2(Tokens.resident())
                .header("X-Request-Id", invalid)
                .get("/api/requests/abc")
                .then()
                .statusCode(200)
                .body("id", equalTo("abc"))
                .extract().header("X-Request-Id");

        assertThat(UUID.fromString(returned).toString()).isEqualTo(returned);
        assertThat(forwardedRequestIds()).containsExactly(returned);
    }

    @Test
    void shouldReplaceOverlongIncomingRequestId() {
        String overlong = "a".repeat(129);

        String returned = given().auth().oauth2(Tokens.resident())
                .header("X-Request-Id", overlong)
                .get("/api/requests/abc")
                .then()
                .statusCode(200)
                .extract().header("X-Request-Id");

        assertThat(returned).isNotEqualTo(overlong).hasSize(36);
        assertThat(forwardedRequestIds()).containsExactly(returned);
    }

    @Test
    void shouldAcceptRequestIdOfExactly128Characters() {
        String longest = "b".repeat(128);

        given().auth().oauth2(Tokens.resident())
                .header("X-Request-Id", longest)
                .get("/api/requests/abc")
                .then()
                .statusCode(200)
                .header("X-Request-Id", longest);
    }

    @Test
    void shouldGenerateRequestIdWhenNoneIsSent() {
        String returned = given().auth().oauth2(Tokens.resident())
                .get("/api/requests/abc")
                .then()
                .statusCode(200)
                .extract().header("X-Request-Id");

        assertThat(UUID.fromString(returned).toString()).isEqualTo(returned);
        assertThat(forwardedRequestIds()).containsExactly(returned);
    }

    private List<String> forwardedRequestIds() {
        return backend.findAll(anyRequestedFor(anyUrl())).stream()
                .map(request -> request.getHeader("X-Request-Id"))
                .toList();
    }
}
