package org.acceso.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Keycloak's admin REST API as the staff directory uses it, on WireMock: the token endpoint of realm {@value #REALM}
 * (client credentials of {@value #CLIENT_ID} with {@value #CLIENT_SECRET} in HTTP Basic; anything else is 401, as
 * Keycloak answers),
 * and the members of the realm roles ({@code GET /admin/realms/acceso/roles/{role}/users?briefRepresentation=false
 * &first=&max=}, paged as Keycloak pages, full representations with attributes, only with the service account's bearer
 * token). Its users are whatever a test says ({@link #users}); it starts with the people of {@link Fixture}: Carla and
 * Cora, clerks of OBRAS, Diego of SALUD, Elena coordinating. {@link #down()} makes it drop every connection.
 */
public class KeycloakAdminFake implements QuarkusTestResourceLifecycleManager {

    public static final String REALM = "acceso";
    public static final String CLIENT_ID = "acceso-staff-directory";
    public static final String CLIENT_SECRET = "test-staff-directory-secret";
    static final String TOKEN = "fake-service-account-token";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static WireMockServer server;

    /** A realm user as the admin API shows them. */
    public record User(String id, String username, String firstName, String lastName, String email, boolean enabled,
                       String locale, String agency, List<String> realmRoles) {

        public static User clerk(String id, String username, String firstName, String lastName, String agency, String locale) {
            return new User(id, username, firstName, lastName, username + "@example.org", true, locale, agency, List.of("clerk"));
        }

        public static User coordinator(String id, String username, String firstName, String lastName, String locale) {
            return new User(id, username, firstName, lastName, username + "@example.org", true, locale, null,
                    List.of("coordinator"));
        }

        public User disabled() {
            return new User(id, username, firstName, lastName, email, false, locale, agency, realmRoles);
        }

        Map<String, Object> representation() {
            Map<String, List<String>> attributes = new LinkedHashMap<>();
            if (locale != null) {
                attributes.put("locale", List.of(locale));
            }
            if (agency != null) {
                attributes.put("agency", List.of(agency));
            }
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("id", id);
            user.put("username", username);
            user.put("firstName", firstName);
            user.put("lastName", lastName);
            user.put("email", email);
            user.put("emailVerified", true);
            user.put("enabled", enabled);
            user.put("createdTimestamp", 1_764_000_000_000L);
            user.put("attributes", attributes);
            user.put("totp", false);
            return user;
        }
    }

    /** The staff the tests' tokens stand for ({@link Fixture}). */
    public static List<User> fixtureStaff() {
        return List.of(
                User.clerk("carla-sub", "carla", "Carla", "Gómez", "OBRAS", "es"),
                User.clerk("cora-sub", "cora", "Cora", "Ibáñez", "OBRAS", "es"),
                User.clerk("diego-sub", "diego", "Diego", "Fernández", "SALUD", "en"),
                User.coordinator("elena-sub", "elena", "Elena", "Ruiz", "es"));
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        users(fixtureStaff());
        return Map.of(
                "quarkus.keycloak.admin-client.server-url", server.baseUrl(),
                "quarkus.keycloak.admin-client.realm", REALM,
                "quarkus.keycloak.admin-client.client-id", CLIENT_ID,
                "quarkus.keycloak.admin-client.client-secret", CLIENT_SECRET);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** From now on Keycloak lists exactly these users (role members page by page). */
    public static void users(List<User> users) {
        server.resetAll();
        server.stubFor(post(urlPathEqualTo("/realms/" + REALM + "/protocol/openid-connect/token"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"unauthorized_client\",\"error_description\":\"Invalid client or Invalid client credentials\"}")));
        server.stubFor(post(urlPathEqualTo("/realms/" + REALM + "/protocol/openid-connect/token"))
                .withRequestBody(containing("grant_type=client_credentials"))
                .withBasicAuth(CLIENT_ID, CLIENT_SECRET) // how the admin client presents a confidential client
                .atPriority(1)
                .willReturn(okJson("{\"access_token\":\"" + TOKEN + "\",\"expires_in\":300,\"refresh_expires_in\":0,"
                        + "\"token_type\":\"Bearer\",\"not-before-policy\":0,\"scope\":\"profile email\"}")));
        server.stubFor(any(urlPathMatching("/admin/.*")).atPriority(10)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"HTTP 401 Unauthorized\"}")));
        for (String role : List.of("clerk", "coordinator")) {
            List<Map<String, Object>> members = new ArrayList<>();
            users.stream().filter(u -> u.realmRoles().contains(role)).forEach(u -> members.add(u.representation()));
            for (int first = 0; first <= members.size(); first += 100) {
                server.stubFor(get(urlPathEqualTo("/admin/realms/" + REALM + "/roles/" + role + "/users"))
                        .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                        .withQueryParam("briefRepresentation", equalTo("false"))
                        .withQueryParam("first", equalTo(String.valueOf(first)))
                        .withQueryParam("max", equalTo("100"))
                        .atPriority(1)
                        .willReturn(okJson(json(members.subList(first, Math.min(first + 100, members.size()))))));
            }
        }
    }

    /** Keycloak is away: every connection is reset. */
    public static void down() {
        server.resetAll();
        server.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    /** How many pages of a role's members were asked for since the last {@link #users}. */
    public static int pageReads(String role) {
        return server.countRequestsMatching(getRequestedFor(urlPathEqualTo("/admin/realms/" + REALM + "/roles/" + role + "/users"))
                .build()).getCount();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
