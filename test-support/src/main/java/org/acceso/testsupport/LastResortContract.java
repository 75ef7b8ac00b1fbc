package org.acceso.testsupport;

import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.acceso.testsupport.ProblemAssertions.assertInternalError;
import static org.acceso.testsupport.ProblemAssertions.assertUnavailable;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * What every service answers when something it does not expect goes wrong (module {@code problem}'s last resort):
 * never the framework's default 500 page, always a problem that names the request id and nothing of the cause; and
 * while its database cannot be reached, 503 with {@code Retry-After} and readiness DOWN, until it is back. A service's
 * {@code @QuarkusTest} extends this with one read endpoint and the table behind it.
 */
public abstract class LastResortContract {

    @Inject
    DataSource dataSource;

    /** A token of a caller who may read {@link #readPath()}; {@code null} for a public endpoint (no sign-in). */
    protected abstract String token();

    /** An endpoint that reads {@link #table()} and answers 200 when all is well. */
    protected abstract String readPath();

    /** The table behind {@link #readPath()}. */
    protected abstract String table();

    private RequestSpecification caller() {
        String token = token();
        return token == null ? given() : given().auth().oauth2(token);
    }

    @AfterEach
    void databaseBack() {
        PostgresResource.outage().restore();
    }

    @Test
    void shouldAnswerAnUnexpectedFailureWithAProblemThatNamesTheRequestId() throws Exception {
        try (AutoCloseable ignored = DatabaseFaults.tableGone(dataSource, table())) {
            assertInternalError(caller().header("X-Request-Id", "forced-failure-1")
                    .get(readPath()), "forced-failure-1");
        }
        caller().get(readPath()).then().statusCode(200);
    }

    @Test
    void shouldAnswer503WithRetryAfterWhileTheDatabaseIsDownAndServeAgainOnceItIsBack() {
        caller().get(readPath()).then().statusCode(200);

        PostgresResource.outage().cut();

        assertUnavailable(caller().header("X-Request-Id", "outage-1").get(readPath()), "outage-1");
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));

        PostgresResource.outage().restore();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> caller().get(readPath()).statusCode() == 200);
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
