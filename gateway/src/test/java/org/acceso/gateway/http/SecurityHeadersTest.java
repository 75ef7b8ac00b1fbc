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

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(FakeServices.class)
class SecurityHeadersTest {

    @FakeServices.Backend
    WireMockServer backend;

    @BeforeEach
    void resetBackend() {
        backend.resetAll();
    }

    @Test
    void shouldSetSecurityHeadersOnProxiedResponsesOverService() {
        backend.stubFor(get(urlEqualTo("/requests/abc")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withHeader("X-Frame-Options", "SAMEORIGIN")
                .withBody("{\"id\":\"abc\"}")));

        Headers headers = given().auth().oauth2(Tokens.resident())
                .get("/api/requests/abc")
                .then()
                .statusCode(200)
                .body("id", equalTo("abc"))
                .extract().headers();

        assertThat(headers.getValues("X-Content-Type-Options")).containsExactly("nosniff");
        assertThat(headers.getValues("Referrer-Policy")).containsExactly("no-referrer");
        assertThat(headers.getValues("X-Frame-Options")).as("the gateway's value wins").containsExactly("DENY");
        assertThat(headers.getValues("Content-Security-Policy"))
                .containsExactly("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
        assertThat(headers.hasHeaderWithName("Strict-Transport-Security")).as("not over plain HTTP").isFalse();
    }

    @Test
    void shouldSendHstsOnlyBehindTls() {
        given().header("X-Forwarded-Proto", "https")
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    }

    @Test
    void shouldGiveApiDocumentationPagesTheirOwnPolicy() {
        given().get("/q/swagger-ui/")
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("script-src 'self' 'unsafe-inline'"))
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors 'none'"))
                .body(org.hamcrest.Matchers.containsString("/api/openapi/request"))
                .body(org.hamcrest.Matchers.containsString("/api/openapi/deadline"))
                .body(org.hamcrest.Matchers.containsString("/api/openapi/notification"))
                .body(org.hamcrest.Matchers.containsString("/api/openapi/register"));
    }

    @Test
    void shouldSetSecurityHeadersOnHealth() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("frame-ancestors 'none'"));
    }

    @Test
    void shouldAllowCrossOriginCallsOnlyFromWebOrigin() {
        given().header("Origin", "http://localhost:8080")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization,Content-Type")
                .options("/api/requests")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:8080");

        String evil = given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .options("/api/requests")
                .then()
                .extract().header("Access-Control-Allow-Origin");
        assertThat(evil).isNull();
    }

    @Test
    void shouldLetTheWebOriginSendAnIdempotencyKeyAndReadTheReplayMark() {
        given().header("Origin", "http://localhost:8080")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "Authorization,Content-Type,Idempotency-Key")
                .options("/api/requests")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:8080")
                .header("Access-Control-Allow-Headers", org.hamcrest.Matchers.containsString("Idempotency-Key"));

        backend.stubFor(post(urlEqualTo("/requests")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withHeader("Idempotent-Replayed", "true")
                .withBody("{\"id\":\"abc\"}")));
        given().auth().oauth2(Tokens.resident())
                .header("Origin", "http://localhost:8080")
                .header("Idempotency-Key", "k-1")
                .contentType("application/json")
                .body("{}")
                .post("/api/requests")
                .then()
                .statusCode(201)
                .header("Access-Control-Allow-Origin", "http://localhost:8080")
                .header("Access-Control-Expose-Headers", org.hamcrest.Matchers.containsString("Idempotent-Replayed"))
                .header("Idempotent-Replayed", "true");
    }
}
