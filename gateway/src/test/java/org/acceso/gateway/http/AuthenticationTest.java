package org.acceso.gateway.http;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.acceso.gateway.support.FakeServices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(FakeServices.class)
class AuthenticationTest {

    @FakeServices.Backend
    WireMockServer backend;

    @BeforeEach
    void resetBackend() {
        backend.resetAll();
    }

    @Test
    void shouldRefuseCallWithoutTokenWithProblem() {
        given().get("/api/requests/abc")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .header("X-Request-Id", notNullValue())
                .header("X-Content-Type-Options", "nosniff")
                .body("type", equalTo("about:blank"))
                .body("title", equalTo("Unauthorized"))
                .body("status", equalTo(401))
                .body("detail", equalTo("A valid bearer token is required"))
                .body("instance", equalTo("/api/requests/abc"));

        assertThat(backend.getAllServeEvents()).isEmpty();
    }

    @Test
    void shouldRefuseGarbageTokenWithProblem() {
        given().auth().oauth2("garbage")
                .contentType("application/json")
                .body("{}")
                .post("/api/requests")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("title", equalTo("Unauthorized"))
                .body("status", equalTo(401))
                .body("detail", equalTo("A valid bearer token is required"))
                .body("instance", equalTo("/api/requests"));

        assertThat(backend.getAllServeEvents()).isEmpty();
    }

    @Test
    void shouldRefuseNonBearerCredentialsWithProblem() {
        given().auth().preemptive().basic("alice", "alice")
                .get("/api/deadlines/abc")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));

        assertThat(backend.getAllServeEvents()).isEmpty();
    }

    @Test
    void shouldNotRevealRoutesToAnonymousCallers() {
        given().get("/api/no-such-service")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void shouldServeReadinessWithoutToken() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .header("X-Request-Id", notNullValue());
    }
}
