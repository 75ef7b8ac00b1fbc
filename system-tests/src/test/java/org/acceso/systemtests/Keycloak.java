package org.acceso.systemtests;

import io.restassured.RestAssured;
import io.restassured.response.Response;

import static org.assertj.core.api.Assertions.assertThat;

/** The running Keycloak's realm {@code acceso}: tokens for its users. */
final class Keycloak {

    static final String CLI_CLIENT = "acceso-cli";

    private final String issuer;

    Keycloak(String issuer) {
        this.issuer = issuer;
    }

    /** The issuer the services expect: pinned by Keycloak's hostname, whatever host a client uses. */
    String issuer() {
        return issuer;
    }

    /** An access token for a realm user, from the password grant of the public test client. */
    String accessToken(String username, String password) {
        Response response = RestAssured.given()
                .config(Http.config())
                .formParam("grant_type", "password")
                .formParam("client_id", CLI_CLIENT)
                .formParam("username", username)
                .formParam("password", password)
                .formParam("scope", "openid")
                .post(issuer + "/protocol/openid-connect/token");
        assertThat(response.statusCode())
                .as("password grant for %s: %s", username, response.asString())
                .isEqualTo(200);
        String token = response.jsonPath().getString("access_token");
        assertThat(token).as("access_token for %s", username).isNotBlank();
        return token;
    }
}
