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
    }

    @Test
    void shouldSetSecurityHeadersOnHealth() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY");
    }
}
