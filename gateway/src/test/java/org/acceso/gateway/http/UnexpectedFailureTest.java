package org.acceso.gateway.http;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.acceso.gateway.support.FakeServices;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** What the gateway answers when its own code fails unexpectedly: a problem with the request id, nothing of the cause. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(FakeServices.class)
class UnexpectedFailureTest {

    @Test
    void shouldAnswerAProblemThatNamesTheRequestIdAndNothingOfTheCause() {
        Response response = given().header("X-Request-Id", "forced-gateway-failure").get(FailingRoute.PATH);

        String body = response.asString();
        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getInt("status")).isEqualTo(500);
        assertThat(response.jsonPath().getString("detail")).isEqualTo("The gateway could not handle the request");
        assertThat(response.jsonPath().getString("requestId")).isEqualTo("forced-gateway-failure");
        assertThat(response.header("X-Request-Id")).isEqualTo("forced-gateway-failure");
        assertThat(body).doesNotContain("IllegalStateException", "must not leak", "java.", "org.");
    }

    /** A route of the gateway's own that fails, as a filter or a handler could. */
    @ApplicationScoped
    static class FailingRoute {

        static final String PATH = "/q/test-only/failing-route";

        void register(@Observes Router router) {
            router.get(PATH).order(-10).handler(rc -> rc.fail(new IllegalStateException("internal detail that must not leak")));
        }
    }
}
