package org.acceso.gateway.proxy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import org.acceso.gateway.support.FakeServices;
import org.acceso.gateway.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Services' internal routes ({@code /internal/**}: request-service serves register-service the public copies of
 * documents there) are never reachable through the gateway: no route maps onto them, a path under {@code /api} that
 * names them is a 404 that reaches no service, and one outside {@code /api} goes to the web front only.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(FakeServices.class)
class InternalRoutesTest {

    static final String INTERNAL = "/internal/publications/0b6e3f57-2a43-4c1b-8d0e-3c6a1f2b7d44/documents/"
            + "9a1e5c3b-0d7f-4e2a-8b6c-5f4d3e2a1b0c";

    @Inject
    RouteTable routes;

    @FakeServices.Backend
    WireMockServer backend;

    @BeforeEach
    void resetBackend() {
        backend.resetAll();
    }

    @Test
    void shouldMapNoRouteOntoAServicesInternalPaths() {
        for (ServiceRoute route : routes.routes()) {
            String target = route.backendTarget(route.prefix().equals("/") ? "/x" : route.prefix() + "/x", null);
            assertThat(target).as("where route %s forwards", route.name()).doesNotStartWith("/internal");
        }
        assertThat(routes.match("/api" + INTERNAL)).isEmpty();
        assertThat(routes.routes().stream().filter(route -> route.matches(INTERNAL)))
                .as("routes that take " + INTERNAL).allSatisfy(route -> assertThat(route.service()).isEqualTo("web"));
    }

    @Test
    void shouldAnswerNotFoundForAnInternalPathUnderApiWithoutReachingAService() {
        given().auth().oauth2(Tokens.resident()).get("/api" + INTERNAL)
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().get("/api/requests/..%2F..%2Finternal/publications")
                .then().statusCode(400).contentType("application/problem+json");

        assertThat(backend.getAllServeEvents()).isEmpty();
    }
}
