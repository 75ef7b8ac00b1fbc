package org.acceso.gateway.proxy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.acceso.gateway.support.FakeServices;
import org.acceso.gateway.support.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

/**
 * {@code GET /api/me/personal-data}: the gateway composes one document from the token and each service's
 * {@code /me/personal-data}, asked with the caller's own token; a service that cannot answer makes it a 503, never a
 * document with a part missing.
 */
@QuarkusTest
@WithTestResource(OidcWiremockTestResource.class)
@WithTestResource(PersonalDataTest.EveryServiceFaked.class)
class PersonalDataTest {

    /** As {@link FakeServices}, but notification-service answers too (from the same WireMock). */
    public static class EveryServiceFaked extends FakeServices {
        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(super.start());
            config.put("gateway.services.notification", config.get("gateway.services.request"));
            return config;
        }
    }

    /** Both services' parts share one WireMock here, so each stub answers for the service whose header it sees. */
    @FakeServices.Backend
    WireMockServer backend;

    @BeforeEach
    void resetBackend() {
        backend.resetAll();
    }

    @Test
    void shouldComposeTheAccountAndEveryServicesPartAskedWithTheCallersToken() {
        backend.stubFor(get(urlEqualTo("/me/personal-data")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"requests":[{"request":{"trackingNumber":"AIP-2026-000123","contactEmail":"ana@example.org"}}],
                         "notices":[{"kind":"receipt","recipient":"ana@example.org"}],
                         "preferences":{"categories":[],"alwaysSent":["receipt"]}}""")));
        String token = Tokens.resident("ana-sub");

        given().auth().oauth2(token).get("/api/me/personal-data").then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("account.subject", org.hamcrest.Matchers.equalTo("ana-sub"))
                .body("account.roles", hasItem("resident"))
                .body("requests[0].request.trackingNumber", org.hamcrest.Matchers.equalTo("AIP-2026-000123"))
                .body("notificationContacts[0].request.contactEmail", org.hamcrest.Matchers.equalTo("ana@example.org"))
                .body("notices[0].kind", org.hamcrest.Matchers.equalTo("receipt"))
                .body("preferences.alwaysSent", contains("receipt"))
                .body("sources", contains("token", "request-service", "notification-service"))
                .body("generatedAt", notNullValue());

        backend.verify(2, getRequestedFor(urlEqualTo("/me/personal-data"))
                .withHeader("Authorization", equalTo("Bearer " + token)));
    }

    @Test
    void shouldAnswer503WhenAServiceCannotAnswer() {
        backend.stubFor(get(urlEqualTo("/me/personal-data")).willReturn(aResponse().withStatus(500)));

        given().auth().oauth2(Tokens.resident("ana-sub")).get("/api/me/personal-data").then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("status", org.hamcrest.Matchers.equalTo(503))
                .body("detail", org.hamcrest.Matchers.containsString("cannot be gathered"));
    }

    @Test
    void shouldRefuseACallerWithoutAToken() {
        given().get("/api/me/personal-data").then().statusCode(401).contentType("application/problem+json");
        backend.verify(0, getRequestedFor(urlEqualTo("/me/personal-data")));
    }
}
