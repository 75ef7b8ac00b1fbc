package org.acceso.gateway.proxy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.acceso.gateway.support.FakeServices;
import org.acceso.gateway.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(FakeServices.class)
class OpenApiAndTracingTest {

    @FakeServices.Backend
    WireMockServer backend;

    @BeforeEach
    void resetBackend() {
        backend.resetAll();
    }

    @Test
    void shouldServeEachServicesOpenApiDocumentWithoutToken() {
        backend.stubFor(get(urlEqualTo("/q/openapi")).willReturn(aResponse()
                .withHeader("Content-Type", "application/yaml;charset=UTF-8").withBody("openapi: 3.1.0\n")));

        given().get("/api/openapi/request")
                .then()
                .statusCode(200)
                .body(equalTo("openapi: 3.1.0\n"));
        given().get("/api/openapi/deadline").then().statusCode(200);

        assertThat(backend.findAll(anyRequestedFor(anyUrl()))).hasSize(2)
                .allSatisfy(request -> assertThat(request.getUrl()).isEqualTo("/q/openapi"));
    }

    @Test
    void shouldRouteOnlyTheDocumentItselfAnonymously() {
        given().get("/api/openapi/request/other")
                .then()
                .statusCode(401)
                .contentType("application/problem+json");

        assertThat(backend.getAllServeEvents()).isEmpty();
    }

    @Test
    void shouldContinueTheTraceAtTheService() {
        backend.stubFor(get(urlEqualTo("/requests/abc")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{}")));

        given().auth().oauth2(Tokens.resident()).get("/api/requests/abc").then().statusCode(200);

        assertThat(backend.findAll(anyRequestedFor(anyUrl()))).singleElement()
                .satisfies(request -> assertThat(request.getHeader("traceparent"))
                        .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]")
                        .doesNotStartWith("00-00000000000000000000000000000000"));
    }

    @Test
    void shouldExposePrometheusMetrics() {
        given().auth().oauth2(Tokens.resident()).get("/api/requests/abc");

        given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("http_server_requests_seconds_count"));
    }
}
