package org.acceso.request.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.acceso.testsupport.LastResortContract;
import org.acceso.testsupport.PostgresResource;
import org.acceso.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.acceso.testsupport.ProblemAssertions.assertInternalError;
import static org.acceso.testsupport.ProblemAssertions.assertUnavailable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * request-service's last resort (see {@link LastResortContract}), and what a resident meets when the database goes
 * away while filing: 503 with Retry-After, never a 500, and a filing that works again once it is back.
 */
@QuarkusTest
class LastResortTest extends LastResortContract {

    static final String ANA = TestTokens.resident("last-resort-ana", "ana@example.org");
    static final Map<String, Object> FILING = Map.of("subject", "Presupuesto 2026", "description", "Partidas de obras.");

    @Override
    protected String token() {
        return ANA;
    }

    @Override
    protected String readPath() {
        return "/requests/mine";
    }

    @Override
    protected String table() {
        return "information_request";
    }

    @Test
    void shouldAnswerAFailureOutsideTheRestEndpointsWithAProblem() {
        assertInternalError(given().header("X-Request-Id", "forced-failure-2").get(FailingRoute.PATH), "forced-failure-2");
    }

    @Test
    void shouldRefuseAFilingWith503WhileTheDatabaseIsDownAndFileOnceItIsBack() {
        PostgresResource.outage().cut();

        assertUnavailable(file("outage-filing"), "outage-filing");

        PostgresResource.outage().restore();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> file("after-outage").statusCode() == 201);
        assertThat(given().auth().oauth2(ANA).get("/requests/mine").jsonPath().getList("subject"))
                .contains("Presupuesto 2026");
    }

    private static Response file(String requestId) {
        return given().auth().oauth2(ANA).header("X-Request-Id", requestId).contentType(ContentType.JSON).body(FILING)
                .post("/requests");
    }

    /** A route outside the REST endpoints that fails, as an HTTP filter or a management route could. */
    @ApplicationScoped
    static class FailingRoute {

        static final String PATH = "/test-only/failing-route";

        void register(@Observes Router router) {
            router.get(PATH).handler(rc -> rc.fail(new IllegalStateException("internal detail that must not leak")));
        }
    }
}
