package org.acceso.gateway.http;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Keycloak is down: a token cannot be checked, which is the gateway's 503, not the caller's 401. */
@QuarkusTest
@TestProfile(IdentityProviderDownTest.KeycloakDown.class)
class IdentityProviderDownTest {

    public static class KeycloakDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return Map.of("quarkus.oidc.auth-server-url",
                        "http://127.0.0.1:" + socket.getLocalPort() + "/realms/acceso",
                        "quarkus.oidc.connection-delay", "0s");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void shouldAnswerServiceUnavailableProblemWhenTokenCannotBeChecked() {
        given().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl")
                .get("/api/requests/abc")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("title", equalTo("Service Unavailable"))
                .body("status", equalTo(503))
                .body("detail", equalTo("The token cannot be checked right now"))
                .body("instance", equalTo("/api/requests/abc"));
    }

    @Test
    void shouldStayReadyWhileIdentityProviderIsDown() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"));
    }
}
