package org.acceso.gateway.proxy;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import org.acceso.gateway.support.FlakyService;
import org.acceso.gateway.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Exchanges broken off under load (issue 18): what the gateway does when the caller goes away, when a pooled
 * connection turns out closed, and what opens the circuit breaker. Breaker for the test: opens at 2 failures in the
 * last 4 exchanges and stays open 10 s (so that an open breaker shows in the next call).
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(FlakyService.class)
class BrokenExchangeTest {

    private static final String BREAKER = "gateway-request-service";

    @TestHTTPResource("/")
    URL gateway;

    @BeforeEach
    void closedBreakerAndWellBehavedService() {
        CircuitBreakerMaintenance.get().resetAll();
        FlakyService.forget();
    }

    @AfterEach
    void wellBehavedService() {
        FlakyService.forget();
    }

    @Test
    void shouldKeepServingWhenCallersGiveUpOnSlowAnswers() {
        // wrk's or a browser's timeout: the caller closes its connection while the service is still working
        List<Socket> callers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            callers.add(send("POST /api/requests/slow-" + i + " HTTP/1.1", "{\"subject\":\"filing " + i + "\"}"));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> FlakyService.seen().size() == 6);
        callers.forEach(BrokenExchangeTest::close);
        // the gateway breaks off each exchange with the service on the caller's behalf
        await().atMost(Duration.ofSeconds(5)).until(() -> FlakyService.brokenOff() == 6);

        assertThat(CircuitBreakerMaintenance.get().currentState(BREAKER))
                .as("a caller going away says nothing about the service")
                .isEqualTo(CircuitBreakerState.CLOSED);
        given().auth().oauth2(Tokens.resident())
                .get("/api/requests/mine")
                .then()
                .statusCode(200)
                .body("path", equalTo("/requests/mine"));
    }

    @Test
    void shouldRetryAnIdempotentRequestOnAFreshConnectionWhenItsPooledConnectionWasClosed() {
        given().auth().oauth2(Tokens.resident()).get("/api/requests/warm").then().statusCode(200);
        FlakyService.closeReusedConnections(true);

        given().auth().oauth2(Tokens.resident())
                .get("/api/requests/abc")
                .then()
                .statusCode(200)
                .body("method", equalTo("GET"))
                .body("path", equalTo("/requests/abc"));

        assertThat(FlakyService.seen()).extracting(FlakyService.Seen::path, FlakyService.Seen::answered)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("/requests/warm", true),
                        org.assertj.core.groups.Tuple.tuple("/requests/abc", false),  // on the pooled connection
                        org.assertj.core.groups.Tuple.tuple("/requests/abc", true));  // again, on a fresh one
    }

    @Test
    void shouldRetryAFilingCarryingAnIdempotencyKeyWithItsWholeBody() {
        given().auth().oauth2(Tokens.resident()).get("/api/requests/warm").then().statusCode(200);
        FlakyService.closeReusedConnections(true);
        String filing = "{\"subject\":\"Contracts of 2025\",\"description\":\"Copies of every contract.\"}";

        given().auth().oauth2(Tokens.resident())
                .header("Idempotency-Key", "filing-7f3a")
                .contentType("application/json")
                .body(filing)
                .post("/api/requests")
                .then()
                .statusCode(201)
                .body("method", equalTo("POST"))
                .body("idempotencyKey", equalTo("filing-7f3a"))
                .body("body", equalTo(filing));

        List<FlakyService.Seen> seen = FlakyService.seen();
        assertThat(seen).hasSize(3);
        assertThat(seen.get(1).answered()).isFalse();
        assertThat(seen.get(2)).isEqualTo(new FlakyService.Seen("POST", "/requests", "filing-7f3a", filing, true));
    }

    @Test
    void shouldNotRetryAFilingWithoutIdempotencyKeyNorCountItAgainstTheService() {
        given().auth().oauth2(Tokens.resident()).get("/api/requests/warm").then().statusCode(200);
        FlakyService.closeReusedConnections(true);

        for (int i = 0; i < 4; i++) {
            given().auth().oauth2(Tokens.resident())
                    .contentType("application/json")
                    .body("{\"subject\":\"filing " + i + "\"}")
                    .post("/api/requests")
                    .then()
                    .statusCode(502)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("detail", equalTo("request-service broke off the exchange"));
            // a connection the service answers once, left in the pool for the next filing to find closed
            given().auth().oauth2(Tokens.resident()).get("/api/requests/warm-" + i).then().statusCode(200);
        }

        assertThat(FlakyService.seen().stream().filter(s -> s.method().equals("POST")).toList())
                .as("each filing sent once: the gateway cannot know whether the service stored it")
                .hasSize(4)
                .allSatisfy(s -> assertThat(s.answered()).isFalse());
        assertThat(CircuitBreakerMaintenance.get().currentState(BREAKER)).isEqualTo(CircuitBreakerState.CLOSED);
    }

    @Test
    void shouldPassOnTheServicesOwnUnavailableAnswerAndOpenTheBreakerWhenItKeepsSayingSo() {
        for (int i = 0; i < 4; i++) {
            given().auth().oauth2(Tokens.resident())
                    .get("/api/requests/unavailable")
                    .then()
                    .statusCode(503)
                    .header("Retry-After", "7")
                    .body("detail", equalTo("The database cannot be reached"));
        }

        assertThat(CircuitBreakerMaintenance.get().currentState(BREAKER)).isEqualTo(CircuitBreakerState.OPEN);
        given().auth().oauth2(Tokens.resident())
                .get("/api/requests/mine")
                .then()
                .statusCode(503)
                .header("Retry-After", "10")
                .body("detail", equalTo("request-service is unavailable"));
        assertThat(FlakyService.seen()).extracting(FlakyService.Seen::path).doesNotContain("/requests/mine");
    }

    /** Sends a request with a JSON body on a connection of its own and returns the open socket, unread. */
    private Socket send(String requestLine, String body) {
        try {
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), gateway.getPort());
            OutputStream out = socket.getOutputStream();
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            out.write((requestLine + "\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + Tokens.resident()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes);
            out.flush();
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
