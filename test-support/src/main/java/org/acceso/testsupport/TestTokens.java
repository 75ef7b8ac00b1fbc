package org.acceso.testsupport;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Bearer tokens signed by the OIDC test server ({@link OidcWiremockTestResource}), with the claims
 * Keycloak puts in Acceso's tokens: a stable subject, e-mail, name and roles.
 */
public final class TestTokens {

    private static final Set<String> AUDIENCE = Set.of("https://service.example.com");

    private TestTokens() {
    }

    public static String resident(String subject, String email) {
        return token(subject, email, "resident");
    }

    public static String token(String subject, String email, String... roles) {
        Map<String, String> claims = new HashMap<>();
        claims.put("name", "Test " + subject);
        if (email != null) {
            claims.put("email", email);
        }
        return OidcWiremockTestResource.generateJwtToken(subject, Set.of(roles), subject, "Bearer", AUDIENCE, claims);
    }
}
