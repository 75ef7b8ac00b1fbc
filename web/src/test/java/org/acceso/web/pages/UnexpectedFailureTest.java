package org.acceso.web.pages;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A page that fails unexpectedly answers the front's own 500 page with a reference code, never the framework's. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
class UnexpectedFailureTest {

    @Test
    void shouldAnswerThe500PageWithTheRequestIdAndNothingOfTheCause() {
        Response response = given().header("X-Request-Id", "forced-page-failure").get("/test-only/failing-page");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.contentType()).startsWith("text/html");
        assertThat(response.header("X-Request-Id")).isEqualTo("forced-page-failure");
        assertThat(response.asString()).contains("<h1>Algo salió mal</h1>", "<code>forced-page-failure</code>")
                .doesNotContain("IllegalStateException", "must not leak", "at org.", "java.");
    }

    @Test
    void shouldAnswerAMethodThePageDoesNotTakeWithAPageNotA500() {
        Response response = given().delete("/test-only/failing-page");

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.asString()).doesNotContain("Algo salió mal", "Exception");
    }

    /** A page whose code fails. */
    @Path("/test-only/failing-page")
    public static class FailingPage {

        @GET
        public String render() {
            throw new IllegalStateException("internal detail that must not leak");
        }
    }
}
