package org.acceso.register.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.acceso.testsupport.LastResortContract;
import org.acceso.testsupport.PostgresResource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.acceso.testsupport.ProblemAssertions.assertUnavailable;

/**
 * register-service's last resort (see {@link LastResortContract}), through the public register's list, which anyone
 * reads without signing in: a 500 problem naming the request id when its table is gone, 503 with Retry-After while
 * its database cannot be reached.
 */
@QuarkusTest
class LastResortTest extends LastResortContract {

    @Override
    protected String token() {
        return null;
    }

    @Override
    protected String readPath() {
        return "/public/requests";
    }

    @Override
    protected String table() {
        return "publication";
    }

    @Test
    void shouldAnswerEveryPublicPathWith503WhileTheDatabaseIsDown() {
        PostgresResource.outage().cut();

        List<String> paths = List.of("/public/requests?q=semáforo", "/public/requests/AIP-2026-000001",
                "/public/similar?text=alumbrado", "/public/open-data/requests.csv", "/public/open-data/requests.json",
                "/public/open-data/statistics.csv", "/public/open-data/statistics.json");
        for (int i = 0; i < paths.size(); i++) {
            assertUnavailable(given().header("X-Request-Id", "outage-path-" + i).get(paths.get(i)), "outage-path-" + i);
        }
    }
}
