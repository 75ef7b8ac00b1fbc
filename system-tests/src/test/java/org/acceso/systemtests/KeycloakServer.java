package org.acceso.systemtests;

import io.restassured.RestAssured;
import io.restassured.response.Response;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running Keycloak (started by the launcher, deploy/launcher): tokens of realm {@value #REALM}'s users and of the
 * master realm's administrator.
 */
final class KeycloakServer {

    static final String REALM = "acceso";
    static final String ADMIN = "admin";
    static final String CLI_CLIENT = "acceso-cli";

    private final String url;

    KeycloakServer(String url) {
        this.url = url;
    }

    String url() {
        return url;
    }

    /** The issuer the services expect: pinned by Keycloak's hostname, whatever host a client uses. */
    String issuer() {
        return url + "/realms/" + REALM;
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
                .post(issuer() + "/protocol/openid-connect/token");
        assertThat(response.statusCode())
                .as("password grant for %s: %s", username, response.asString())
                .isEqualTo(200);
        String token = response.jsonPath().getString("access_token");
        assertThat(token).as("access_token for %s", username).isNotBlank();
        return token;
    }

    /** A token of the master realm's administrator (user and password {@value #ADMIN}), for the admin REST API. */
    String adminToken() {
        Response response = RestAssured.given().config(Http.config())
                .formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", ADMIN).formParam("password", ADMIN)
                .post(url + "/realms/master/protocol/openid-connect/token");
        assertThat(response.statusCode()).as("admin token: %s", response.asString()).isEqualTo(200);
        return response.jsonPath().getString("access_token");
    }
}
