package org.acceso.gateway.proxy;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import org.acceso.gateway.support.RestartableService;
import org.acceso.gateway.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;

/**
 * request-service stopped and started again under a running gateway: a quick 503 while it is down, 200 again
 * once it is back, no gateway restart; the circuit breaker spares a dead service; health tells.
 * Breaker for the test: opens at 2 failures in the last 4 exchanges, tries again after 2 s.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(RestartableService.class)
class UpstreamFailureTest {

    @BeforeEach
    void serviceUp() {
        RestartableService.startService();
        CircuitBreakerMaintenance.get().resetAll();
        RestartableService.forgetRequests();
    }

    @AfterEach
    void serviceUpAgain() {
        RestartableService.startService();
    }

    @Test
    void shouldAnswerServiceUnavailableWithinTwoSecondsWhileDownAndServeAgainWithoutRestart() {
        given().auth().oauth2(Tokens.resident()).get("/api/requests/mine").then().statusCode(200);
        RestartableService.stopService();

        given().auth().oauth2(Tokens.resident())
                .get("/api/requests/mine")
                .then()
                .time(lessThan(Duration.ofSeconds(2).toMillis()))
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"))
                .body("title", equalTo("Service Unavailable"))
                .body("status", equalTo(503))
                .body("detail", equalTo("request-service is unavailable"))
                .body("instance", equalTo("/api/requests/mine"));

        RestartableService.startService();

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(Tokens.resident()).get("/api/requests/mine").then().statusCode(200)
                        .body("up", equalTo(true)));
    }

    @Test
    void shouldStopCallingDeadServiceWhileBreakerIsOpenAndTryAgainAfterDelay() {
        RestartableService.stopService();
        for (int i = 0; i < 4; i++) {
            given().auth().oauth2(Tokens.resident()).get("/api/deadlines/abc").then().statusCode(503);
        }
        RestartableService.startService();

        given().auth().oauth2(Tokens.resident())
                .get("/api/deadlines/abc")
                .then()
                .time(lessThan(Duration.ofSeconds(1).toMillis()))
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "2")
                .body("detail", equalTo("deadline-service is unavailable"));
        assertThat(RestartableService.received()).as("the open breaker does not call the service").isZero();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                given().auth().oauth2(Tokens.resident()).get("/api/deadlines/abc").then().statusCode(200));
        assertThat(RestartableService.received()).isPositive();
    }

    @Test
    void shouldReportUpstreamsInHealthWithoutFailingReadiness() {
        given().get("/q/health")
                .then()
                .statusCode(200)
                .body("checks.find { it.name == 'upstreams' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.'request-service'", startsWith("UP"));

        RestartableService.stopService();

        given().get("/q/health")
                .then()
                .statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'upstreams' }.status", equalTo("DOWN"))
                .body("checks.find { it.name == 'upstreams' }.data.'request-service'", startsWith("DOWN"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
