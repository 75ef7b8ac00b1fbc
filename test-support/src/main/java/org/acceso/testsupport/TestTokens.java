package org.acceso.testsupport;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Bearer tokens signed by the OIDC test server ({@link OidcWiremockTestResource}), with the claims
 * Keycloak puts in Acceso's tokens: a stable subject, e-mail, name, roles and, for clerks, the agency.
 */
public final class TestTokens {

    /** The audience every Acceso service checks ({@code quarkus.oidc.token.audience}); the realm's audience mapper adds it. */
    public static final String AUDIENCE = "acceso-api";

    private TestTokens() {
    }

    public static String resident(String subject, String email) {
        return token(subject, email, "resident");
    }

    /** A clerk of {@code agency} (the realm's {@code agency} user attribute, mapped into the token). */
    public static String clerk(String subject, String email, String agency) {
        return token(subject, email, Map.of("agency", agency), "clerk");
    }

    public static String token(String subject, String email, String... roles) {
        return token(subject, email, Map.of(), roles);
    }

    /** A token with extra claims (string-valued) on top of the usual ones; a {@code name} among them replaces the usual one. */
    public static String token(String subject, String email, Map<String, String> extraClaims, String... roles) {
        Map<String, String> claims = new HashMap<>(extraClaims);
        claims.putIfAbsent("name", "Test " + subject);
        claims.put("preferred_username", subject);
        if (email != null) {
            claims.put("email", email);
        }
        return OidcWiremockTestResource.generateJwtToken(subject, Set.of(roles), subject, "Bearer", Set.of(AUDIENCE), claims);
    }
}
