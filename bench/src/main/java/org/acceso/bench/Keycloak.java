package org.acceso.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * The stack's Keycloak: residents created for the run through the admin REST API (master realm's admin/admin), each
 * given realm role {@code resident}, and their real access tokens from the password grant of {@code acceso-cli}
 * (the client the system tests use), all fetched before any load.
 */
final class Keycloak {

    static final String REALM = "acceso";
    static final String CLI_CLIENT = "acceso-cli";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A resident made for the run, with a token. */
    record Resident(String username, String email, String token) {
    }

    private final String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String adminToken;
    private long adminTokenAt;

    Keycloak(String url) {
        this.url = url;
    }

    /**
     * Makes the realm's access tokens last {@code lifespan} (this throw-away realm only: the default 5 minutes are
     * shorter than a run; a token's lifetime costs nothing per call, the services check signatures locally).
     */
    void setAccessTokenLifespan(Duration lifespan) {
        HttpResponse<String> response = admin("PUT", "/admin/realms/" + REALM,
                Map.of("accessTokenLifespan", lifespan.toSeconds()));
        check(response, "setting the realm's access token lifespan", 204);
    }

    /** Creates {@code count} residents {@code bench-r0001}… (password = username) and fetches a token for each. */
    List<Resident> residents(int count, String runId) {
        JsonNode role = read(check(admin("GET", "/admin/realms/" + REALM + "/roles/resident", null),
                "reading role resident", 200));
        ExecutorService pool = Executors.newFixedThreadPool(4, Load.daemon("bench-keycloak"));
        try {
            List<Future<Resident>> futures = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                String username = String.format("bench-%s-r%04d", runId, i);
                futures.add(pool.submit(() -> create(username, role)));
            }
            List<Resident> residents = new ArrayList<>();
            for (Future<Resident> future : futures) {
                residents.add(future.get());
            }
            return residents;
        } catch (Exception e) {
            throw new IllegalStateException("creating residents failed: " + e.getMessage(), e);
        } finally {
            pool.shutdownNow();
        }
    }

    private Resident create(String username, JsonNode role) {
        String email = username + "@bench.example.org";
        HttpResponse<String> created = admin("POST", "/admin/realms/" + REALM + "/users", Map.of(
                "username", username, "enabled", true, "email", email, "emailVerified", true,
                "firstName", "Bench", "lastName", username,
                "credentials", List.of(Map.of("type", "password", "value", username, "temporary", false))));
        String id;
        if (created.statusCode() == 201) {
            String location = created.headers().firstValue("Location").orElseThrow();
            id = location.substring(location.lastIndexOf('/') + 1);
        } else if (created.statusCode() == 409) {
            JsonNode found = read(check(admin("GET", "/admin/realms/" + REALM + "/users?exact=true&email="
                    + email, null), "finding " + username, 200));
            id = found.get(0).get("id").asText();
        } else {
            throw new IllegalStateException("creating " + username + ": " + created.statusCode() + " " + created.body());
        }
        check(admin("POST", "/admin/realms/" + REALM + "/users/" + id + "/role-mappings/realm",
                List.of(Map.of("id", role.get("id").asText(), "name", "resident"))), "role for " + username, 204);
        // the realm makes the e-mail address the user name (registrationEmailAsUsername): sign in with it
        return new Resident(username, email, token(email, username));
    }

    /** An access token from the password grant of {@value #CLI_CLIENT}. */
    String token(String username, String password) {
        HttpResponse<String> response = form(url + "/realms/" + REALM + "/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", CLI_CLIENT, "username", username, "password", password,
                "scope", "openid"));
        return read(check(response, "token for " + username, 200)).get("access_token").asText();
    }

    private synchronized String adminToken() {
        if (adminToken == null || System.nanoTime() - adminTokenAt > Duration.ofSeconds(30).toNanos()) {
            HttpResponse<String> response = form(url + "/realms/master/protocol/openid-connect/token", Map.of(
                    "grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"));
            adminToken = read(check(response, "admin token", 200)).get("access_token").asText();
            adminTokenAt = System.nanoTime();
        }
        return adminToken;
    }

    private HttpResponse<String> admin(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json");
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak " + method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    private HttpResponse<String> form(String to, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        try {
            return http.send(HttpRequest.newBuilder(URI.create(to)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak POST " + to + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    private static HttpResponse<String> check(HttpResponse<String> response, String what, int expected) {
        if (response.statusCode() != expected) {
            throw new IllegalStateException(what + ": Keycloak answered " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    private static JsonNode read(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak's answer is not JSON: " + response.body(), e);
        }
    }
}
