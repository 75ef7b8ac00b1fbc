package org.acceso.request.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.acceso.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** The service checks the token's audience itself, not only the gateway. */
@QuarkusTest
class TokenAudienceTest {

    @Test
    void shouldRefuseTokenIssuedForAnotherAudience() {
        String otherAudience = OidcWiremockTestResource.getAccessToken("ana-aud", Set.of("resident"));

        given().auth().oauth2(otherAudience)
                .get("/requests/mine")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void shouldServeTokenOfTheApiAudience() {
        given().auth().oauth2(TestTokens.resident("ana-aud", "ana@example.org"))
                .get("/requests/mine")
                .then()
                .statusCode(200)
                .body("$", org.hamcrest.Matchers.empty());
    }
}
