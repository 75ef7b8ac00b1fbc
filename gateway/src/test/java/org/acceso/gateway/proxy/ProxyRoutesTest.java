package org.acceso.gateway.proxy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import org.acceso.gateway.support.FakeServices;
import org.acceso.gateway.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(FakeServices.class)
class ProxyRoutesTest {

    private static final String FILING = "{\"agency\":\"Secretaría de Salud\",\"question\":\"¿Cuántas ambulancias?\"}";
    private static final String FILED = "{\"id\":\"abc\",\"trackingNumber\":\"AIP-2026-000123\"}";

    @FakeServices.Backend
    WireMockServer backend;

    @BeforeEach
    void resetBackend() {
        backend.resetAll();
    }

    @Test
    void shouldForwardRewrittenPathQueryTokenBodyAndRequestId() {
        backend.stubFor(post(urlEqualTo("/requests/abc?x=1")).willReturn(aResponse()
                .withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withHeader("Location", "http://127.0.0.1:" + backend.port() + "/requests/abc")
                .withHeader("X-Backend", "request-service")
                .withBody(FILED)));
        String token = Tokens.resident();

        Response response = given()
                .auth().oauth2(token)
                .contentType("application/json; charset=UTF-8")
                .accept("application/json")
                .body(FILING)
                .post("/api/requests/abc?x=1");

        response.then()
                .statusCode(201)
                .contentType("application/json")
                .header("Location", "/api/requests/abc")
                .header("X-Backend", "request-service")
                .body(equalTo(FILED));
        String requestId = response.header("X-Request-Id");
        assertThat(requestId).isNotBlank();

        LoggedRequest received = onlyRequest();
        assertThat(received.getMethod().getName()).isEqualTo("POST");
        assertThat(received.getUrl()).isEqualTo("/requests/abc?x=1");
        assertThat(received.getHeader("Authorization")).isEqualTo("Bearer " + token);
        assertThat(received.getHeader("X-Request-Id")).isEqualTo(requestId);
        assertThat(received.getHeader("Content-Type")).isEqualTo("application/json; charset=UTF-8");
        assertThat(received.getHeader("Accept")).isEqualTo("application/json");
        assertThat(received.getHeader("X-Forwarded-Prefix")).isEqualTo("/api");
        assertThat(received.getHeader("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(received.getBodyAsString()).isEqualTo(FILING);
    }

    @Test
    void shouldCarryTheIdempotencyKeyToTheServiceAndTheReplayMarkBack() {
        backend.stubFor(post(urlEqualTo("/requests")).willReturn(aResponse()
                .withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withHeader("Location", "http://127.0.0.1:" + backend.port() + "/requests/abc")
                .withHeader("Idempotent-Replayed", "true")
                .withBody(FILED)));

        given().auth().oauth2(Tokens.resident())
                .contentType("application/json")
                .header("Idempotency-Key", "7f1c2b9e-5d0a-4c3e-9b61-2a8f4e0d7c15")
                .body(FILING)
                .post("/api/requests")
                .then()
                .statusCode(201)
                .header("Location", "/api/requests/abc")
                .header("Idempotent-Replayed", "true")
                .body(equalTo(FILED));

        assertThat(onlyRequest().getHeader("Idempotency-Key")).isEqualTo("7f1c2b9e-5d0a-4c3e-9b61-2a8f4e0d7c15");
    }

    @Test
    void shouldRouteBarePrefixToCollection() {
        backend.stubFor(get(urlEqualTo("/requests?page=2")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("[]")));

        given().auth().oauth2(Tokens.resident())
                .get("/api/requests?page=2")
                .then()
                .statusCode(200)
                .body(equalTo("[]"));

        assertThat(onlyRequest().getUrl()).isEqualTo("/requests?page=2");
    }

    @Test
    void shouldRouteDeadlinesToDeadlineService() {
        backend.stubFor(get(urlEqualTo("/deadlines/abc")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"due\":\"2026-12-18\"}")));

        given().auth().oauth2(Tokens.resident())
                .get("/api/deadlines/abc")
                .then()
                .statusCode(200)
                .body("due", equalTo("2026-12-18"));

        assertThat(onlyRequest().getUrl()).isEqualTo("/deadlines/abc");
    }

    @Test
    void shouldPassServiceProblemThroughUnchanged() {
        String problem = "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
                + "\"detail\":\"An answered request cannot be extended\",\"instance\":\"/requests/abc/extension\"}";
        backend.stubFor(post(urlEqualTo("/requests/abc/extension")).willReturn(aResponse()
                .withStatus(409)
                .withHeader("Content-Type", "application/problem+json")
                .withBody(problem)));

        given().auth().oauth2(Tokens.resident())
                .contentType("application/json")
                .body("{\"reason\":\"volume\"}")
                .post("/api/requests/abc/extension")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body(equalTo(problem));
    }

    @Test
    void shouldLetAnonymousCallersReachPublicRoutes() {
        backend.stubFor(get(urlEqualTo("/public/register?q=salud")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("[]")));

        given().get("/api/public/register?q=salud")
                .then()
                .statusCode(200)
                .body(equalTo("[]"));

        LoggedRequest received = onlyRequest();
        assertThat(received.getUrl()).isEqualTo("/public/register?q=salud");
        assertThat(received.containsHeader("Authorization")).isFalse();
    }

    @Test
    void shouldLetAnonymousCallersReadThePolicyInForce() {
        backend.stubFor(get(urlEqualTo("/policy/profiles/cl")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"profile\":\"cl\",\"responseDays\":20}")));

        given().get("/api/policy/profiles/cl")
                .then()
                .statusCode(200)
                .body("profile", equalTo("cl"))
                .body("responseDays", equalTo(20));

        LoggedRequest received = onlyRequest();
        assertThat(received.getUrl()).isEqualTo("/policy/profiles/cl");
        assertThat(received.containsHeader("Authorization")).isFalse();
    }

    @Test
    void shouldAnswerNotFoundProblemForUnroutedApiPath() {
        given().auth().oauth2(Tokens.resident())
                .get("/api/requestsX/abc")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"))
                .body("detail", equalTo("No service answers at /api/requestsX/abc"))
                .body("instance", equalTo("/api/requestsX/abc"));

        assertThat(backend.getAllServeEvents()).isEmpty();
    }

    @Test
    void shouldAnswerNotFoundProblemForUnknownGatewayPath() {
        given().get("/q/no-such-page")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("Not Found"))
                .body("status", equalTo(404))
                .body("instance", equalTo("/q/no-such-page"));

        assertThat(backend.getAllServeEvents()).isEmpty();
    }

    @Test
    void shouldServeWebFrontOutsideApiWithoutTokenAndWithItsOwnContentSecurityPolicy() {
        backend.stubFor(get(urlEqualTo("/requests/new?lang=en")).willReturn(aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/html;charset=UTF-8")
                .withHeader("Content-Security-Policy", "default-src *")
                .withHeader("Set-Cookie", "q_session=abc; Path=/; HttpOnly; SameSite=Lax")
                .withBody("<!DOCTYPE html><title>Acceso</title>")));

        Response response = given().header("X-Forwarded-Prefix", "/evil").get("/requests/new?lang=en");

        response.then()
                .statusCode(200)
                .contentType("text/html;charset=UTF-8")
                .header("Set-Cookie", "q_session=abc; Path=/; HttpOnly; SameSite=Lax")
                .body(equalTo("<!DOCTYPE html><title>Acceso</title>"));
        String policy = response.header("Content-Security-Policy");
        assertThat(policy).startsWith("default-src 'self';").contains("form-action 'self' http").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline").doesNotContain("default-src *");
        // forms post to their own origin: a browser under no-referrer would send "Origin: null", which CORS refuses
        assertThat(response.header("Referrer-Policy")).isEqualTo("same-origin");
        LoggedRequest received = onlyRequest();
        assertThat(received.getUrl()).isEqualTo("/requests/new?lang=en");
        assertThat(received.containsHeader("X-Forwarded-Prefix")).isFalse();
        assertThat(received.getHeader("X-Forwarded-Host")).isNotBlank();
    }

    @Test
    void shouldServeWebFrontRootAndForwardFormPosts() {
        backend.stubFor(get(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withBody("home")));
        backend.stubFor(post(urlEqualTo("/requests/new")).willReturn(aResponse().withStatus(303)
                .withHeader("Location", "/requests/abc/receipt")));

        given().get("/").then().statusCode(200).body(equalTo("home"));
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("subject", "Contratos").post("/requests/new")
                .then().statusCode(303).header("Location", "/requests/abc/receipt");
        given().contentType("application/json").body("{}").post("/requests/new")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void shouldKeepServiceLocationElsewhereUnchanged() {
        backend.stubFor(any(anyUrl()).willReturn(aResponse()
                .withStatus(303)
                .withHeader("Location", "http://127.0.0.1:8180/realms/acceso/account")));

        given().auth().oauth2(Tokens.resident())
                .redirects().follow(false)
                .get("/api/requests/abc/account")
                .then()
                .statusCode(303)
                .header("Location", "http://127.0.0.1:8180/realms/acceso/account");
    }

    private LoggedRequest onlyRequest() {
        List<LoggedRequest> requests = backend.findAll(anyRequestedFor(anyUrl()));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }
}
