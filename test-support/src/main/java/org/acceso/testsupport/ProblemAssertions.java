package org.acceso.testsupport;

import io.restassured.response.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service answers when something it does not expect goes wrong ({@code problem}'s last resort): a problem
 * document that names the request id and nothing of the cause.
 */
public final class ProblemAssertions {

    /** Words that would betray the cause: class and package names, SQL, the test's own secret text. */
    private static final String[] LEAKS = {"Exception", "org.", "java.", "SQL", "sql", "at ", "gone_for_a_test", "relation"};

    private ProblemAssertions() {
    }

    /** A 500 problem with the request id, in the body and the {@code X-Request-Id} header, and no trace of the cause. */
    public static void assertInternalError(Response response, String requestId) {
        assertProblem(response, 500, "/problems/internal-error", requestId);
    }

    /** A 503 problem with {@code Retry-After} and the request id: the service is up, its database is not. */
    public static void assertUnavailable(Response response, String requestId) {
        assertProblem(response, 503, "/problems/unavailable", requestId);
        assertThat(response.header("Retry-After")).as("Retry-After").isNotBlank().containsOnlyDigits();
    }

    private static void assertProblem(Response response, int status, String type, String requestId) {
        String body = response.asString();
        assertThat(response.statusCode()).as("status of %s", body).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getString("type")).isEqualTo(type);
        assertThat(response.jsonPath().getInt("status")).isEqualTo(status);
        assertThat(response.jsonPath().getString("detail")).isNotBlank();
        assertThat(response.jsonPath().getString("requestId")).isEqualTo(requestId);
        assertThat(response.header("X-Request-Id")).isEqualTo(requestId);
        for (String leak : LEAKS) {
            assertThat(body).as("the problem must say nothing of the cause").doesNotContain(leak);
        }
    }
}
