package org.acceso.gateway.proxy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.acceso.gateway.support.FakeServices;
import org.acceso.gateway.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(FakeServices.class)
class ServiceFailureTest {

    @FakeServices.Backend
    WireMockServer backend;

    @BeforeEach
    void resetBackend() {
        backend.resetAll();
    }

    @Test
    void shouldAnswerServiceUnavailableProblemWhenServiceIsDown() {
        given().auth().oauth2(Tokens.resident())
                .get("/api/notifications/mine")
                .then()
                .time(lessThan(Duration.ofSeconds(2).toMillis()))
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .header("X-Request-Id", notNullValue())
                .header("X-Frame-Options", "DENY")
                .body("type", equalTo("about:blank"))
                .body("title", equalTo("Service Unavailable"))
                .body("status", equalTo(503))
                .body("detail", equalTo("notification-service is unavailable"))
                .body("instance", equalTo("/api/notifications/mine"))
                .body(not(containsString("Exception")));
    }

    @Test
    void shouldAnswerServiceUnavailableProblemWhenServiceIsDownDuringUpload() {
        given().auth().oauth2(Tokens.resident())
                .contentType("application/json")
                .body("{\"channel\":\"EMAIL\"}")
                .put("/api/notifications/preferences")
                .then()
                .statusCode(503)
                .header("Retry-After", "5")
                .contentType("application/problem+json")
                .body("detail", equalTo("notification-service is unavailable"));
    }

    @Test
    void shouldAnswerGatewayTimeoutProblemWhenServiceIsSilent() {
        backend.stubFor(get(urlEqualTo("/requests/slow")).willReturn(aResponse()
                .withFixedDelay((int) Duration.ofSeconds(4).toMillis())
                .withBody("too late")));

        given().auth().oauth2(Tokens.resident())
                .get("/api/requests/slow")
                .then()
                .time(lessThan(Duration.ofSeconds(3).toMillis()))
                .statusCode(504)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("title", equalTo("Gateway Timeout"))
                .body("status", equalTo(504))
                .body("detail", equalTo("request-service did not answer in time"))
                .body("instance", equalTo("/api/requests/slow"));
    }
}
