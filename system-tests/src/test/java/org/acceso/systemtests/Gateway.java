package org.acceso.systemtests;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.awaitility.core.ConditionTimeoutException;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Calls through the gateway as the realm's demo people, and the assertions every journey shares. */
final class Gateway {

    /** Tokens live 5 minutes in the realm; a cached one is used for at most one. */
    private static final long TOKEN_REUSE_NANOS = Duration.ofMinutes(1).toNanos();
    private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();

    private record Token(String value, long fetchedAt) {
    }

    private Gateway() {
    }

    /** A realm user whose password is their username (see deploy/keycloak/acceso-realm.json). */
    static RequestSpecification as(String user) {
        Token token = TOKENS.compute(user, (name, cached) -> cached != null && System.nanoTime() - cached.fetchedAt() < TOKEN_REUSE_NANOS
                ? cached : new Token(SharedSystem.get().keycloak().accessToken(name, name), System.nanoTime()));
        return anonymous().auth().oauth2(token.value());
    }

    static RequestSpecification anonymous() {
        return RestAssured.given()
                .config(Http.config())
                .baseUri(SharedSystem.get().gatewayUrl())
                .contentType("application/json")
                .accept("application/json, application/problem+json");
    }

    static void assertProblem(Response response, int status) {
        assertThat(response.statusCode()).as("status of %s", response.asString()).isEqualTo(status);
        assertThat(response.contentType()).as("content type").startsWith("application/problem+json");
        JsonPath problem = response.jsonPath();
        assertThat(problem.getString("title")).as("problem title in %s", response.asString()).isNotBlank();
        if (problem.get("status") != null) {
            assertThat(problem.getInt("status")).as("problem status").isEqualTo(status);
        }
        assertThat(response.asString()).doesNotContain("Exception").doesNotContain("at org.");
    }

    /** Asserts a 200 and returns the body. */
    static JsonPath ok(Response response) {
        assertThat(response.statusCode()).as("%s", response.asString()).isEqualTo(200);
        return response.jsonPath();
    }

    /** Polls until {@code done} holds; on timeout fails with the last value, every e-mail and the tails of the logs. */
    static <T> T awaitOrFail(String what, Duration timeout, Callable<T> poll, Predicate<T> done) {
        Object[] last = {null};
        try {
            return await(what).atMost(timeout).pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        T value = poll.call();
                        last[0] = value instanceof Response response ? response.statusCode() + " " + response.asString() : value;
                        return value;
                    }, done);
        } catch (ConditionTimeoutException e) {
            AccesoSystem system = SharedSystem.get();
            throw new AssertionError("Waited " + timeout.toSeconds() + " s for " + what + "; last seen: " + last[0]
                    + "\nAll e-mails received: " + system.mailbox().everything() + "\n" + system.logTails(), e);
        }
    }
}
