package org.acceso.gateway.ratelimit;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import org.acceso.gateway.support.FakeServices;
import org.acceso.gateway.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/**
 * Limits small enough to reach in a test: 3 requests per 6 s per user (one back every 2 s), 2 per 6 s per
 * address without a token, 2 filings a day per resident (clerks are not capped).
 */
@QuarkusTest
@TestProfile(RateLimitTest.SmallLimits.class)
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(FakeServices.class)
class RateLimitTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "gateway.rate-limits.enabled", "true",
                    "gateway.rate-limits.authenticated.requests", "3",
                    "gateway.rate-limits.authenticated.period", "6s",
                    "gateway.rate-limits.anonymous.requests", "2",
                    "gateway.rate-limits.anonymous.period", "6s",
                    "gateway.quotas.filings.requests", "2");
        }
    }

    @FakeServices.Backend
    WireMockServer backend;

    @BeforeEach
    void stubBackend() {
        backend.resetAll();
        backend.stubFor(any(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{}")));
        // the first call of a run fetches the identity provider's keys; keep that out of the timed calls
        given().auth().oauth2(Tokens.resident("rate-warm-up-" + UUID.randomUUID())).get("/api/requests/mine");
        backend.resetRequests();
    }

    @Test
    void shouldRefuseCallsOverUserLimitWithRetryAfterAndServeAgainAfterIt() throws InterruptedException {
        String token = Tokens.resident("rate-ana");
        for (int i = 1; i <= 3; i++) {
            given().auth().oauth2(token).get("/api/requests/mine").then().statusCode(200);
        }

        Response refused = given().auth().oauth2(token).get("/api/requests/mine");

        refused.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("title", equalTo("Too Many Requests"))
                .body("status", equalTo(429))
                .body("detail", equalTo("Too many requests: the limit is 3 per period; try again later"))
                .body("instance", equalTo("/api/requests/mine"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 2L);
        assertThat(backend.getAllServeEvents()).hasSize(3);

        Thread.sleep(retryAfter * 1000);

        given().auth().oauth2(token).get("/api/requests/mine").then().statusCode(200);
        assertThat(backend.getAllServeEvents()).hasSize(4);
    }

    @Test
    void shouldCountEachUserOnTheirOwn() {
        String ben = Tokens.resident("rate-ben");
        String carla = Tokens.withRoles("rate-carla", "clerk");
        for (int i = 1; i <= 3; i++) {
            given().auth().oauth2(ben).get("/api/requests/mine").then().statusCode(200);
        }
        given().auth().oauth2(ben).get("/api/requests/mine").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", notNullValue());

        given().auth().oauth2(carla).get("/api/requests/abc").then().statusCode(200);
    }

    @Test
    void shouldLimitAnonymousCallersByAddress() {
        given().get("/api/public/register").then().statusCode(200);
        given().get("/api/public/register").then().statusCode(200);

        given().get("/api/public/register")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("detail", equalTo("Too many requests: the limit is 2 per period; try again later"));
    }

    @Test
    void shouldCapFilingsPerResidentAndDayCountingOnlyAcceptedOnes() throws InterruptedException {
        String token = Tokens.resident("rate-diana");
        backend.stubFor(post(urlEqualTo("/requests")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"r1\"}")));
        file(token).then().statusCode(201);
        backend.stubFor(post(urlEqualTo("/requests")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"status\":400}")));
        file(token).then().statusCode(400); // refused by the service: does not count
        Thread.sleep(2100); // the per-user rate limit (3 per 6 s) is not what this test is about
        backend.stubFor(post(urlEqualTo("/requests")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"r2\"}")));
        file(token).then().statusCode(201);

        Response refused = file(token);

        refused.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("detail", equalTo("You have reached the limit of 2 for POST /api/requests in this period; try again later"));
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(86_000L, 86_400L);
    }

    @Test
    void shouldNotCapTheRequestsAClerkRegistersForTheOffice() {
        String clerk = Tokens.withRoles("rate-carla-desk", "clerk");
        backend.stubFor(post(urlEqualTo("/requests")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"r1\"}")));

        for (int i = 1; i <= 3; i++) { // over the quota of 2, within the rate limit of 3 per 6 s
            file(clerk).then().statusCode(201);
        }

        assertThat(backend.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/requests"))))
                .hasSize(3);
    }

    @Test
    void shouldNotCountAFilingTheServiceAnsweredAsAReplay() {
        String token = Tokens.resident("rate-elsa");
        backend.stubFor(post(urlEqualTo("/requests")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json").withHeader("Idempotent-Replayed", "true")
                .withBody("{\"id\":\"r1\"}")));
        for (int i = 1; i <= 3; i++) { // a filing retried three times, within the per-user rate (3 per 6 s)
            file(token).then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo("r1"));
        }
        assertThat(backend.getAllServeEvents()).hasSize(3);
    }

    private static Response file(String token) {
        return given().auth().oauth2(token).contentType("application/json").body("{\"subject\":\"x\"}").post("/api/requests");
    }
}
