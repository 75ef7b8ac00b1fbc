package org.acceso.gateway.http;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.acceso.gateway.support.FakeServices;
import org.acceso.gateway.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** Every forged, stale or misdirected token is a 401 problem, and nothing of it reaches a service. */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(FakeServices.class)
class TokenAttacksTest {

    @FakeServices.Backend
    WireMockServer backend;

    @BeforeEach
    void stubBackend() {
        backend.resetAll();
        backend.stubFor(get(urlEqualTo("/requests/abc")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"abc\"}")));
    }

    static Stream<Arguments> refusedTokens() {
        return Stream.of(
                Arguments.of("expired", Tokens.expired()),
                Arguments.of("issued for another client (audience account)", Tokens.otherAudience()),
                Arguments.of("without any audience", Tokens.withoutAudience()),
                Arguments.of("of another issuer (another realm)", Tokens.otherIssuer()),
                Arguments.of("signed with a key the identity provider never published", Tokens.foreignKey()),
                Arguments.of("with a tampered payload", Tokens.tampered()),
                Arguments.of("unsigned (alg none)", Tokens.algNone()),
                Arguments.of("not a JWT", "garbage"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void shouldRefuseTokenWithUnauthorizedProblem(String kind, String token) {
        given().auth().oauth2(token)
                .get("/api/requests/abc")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo("about:blank"))
                .body("title", equalTo("Unauthorized"))
                .body("status", equalTo(401))
                .body("detail", equalTo("A valid bearer token is required"))
                .body("instance", equalTo("/api/requests/abc"))
                .body(not(containsString("Exception")))
                .body(not(containsString("at org.")))
                .body(not(containsString("jose4j")));

        assertThat(backend.getAllServeEvents()).as(kind).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void shouldRefuseTokenEvenOnPublicRoute(String kind, String token) {
        given().auth().oauth2(token)
                .get("/api/public/register")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));

        assertThat(backend.getAllServeEvents()).as(kind).isEmpty();
    }

    @Test
    void shouldRefuseTokenWithoutAnyAccesoRoleWithForbiddenProblem() {
        given().auth().oauth2(Tokens.withRoles("mallory", "offline_access", "uma_authorization"))
                .get("/api/requests/abc")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("title", equalTo("Forbidden"))
                .body("status", equalTo(403))
                .body("detail", equalTo("Your account has no role in Acceso"))
                .body("instance", equalTo("/api/requests/abc"));

        assertThat(backend.getAllServeEvents()).isEmpty();
    }

    @Test
    void shouldForwardValidTokenOfTheApiAudienceUnchanged() {
        String token = Tokens.withRoles("carla", "clerk");

        given().auth().oauth2(token)
                .get("/api/requests/abc")
                .then()
                .statusCode(200)
                .body("id", equalTo("abc"));

        assertThat(backend.getAllServeEvents()).singleElement()
                .satisfies(event -> assertThat(event.getRequest().getHeader("Authorization")).isEqualTo("Bearer " + token));
    }
}
