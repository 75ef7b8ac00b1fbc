package org.acceso.gateway.support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

/**
 * Access tokens for the gateway's tests, signed like the OIDC test server's ({@code privateKey.jwk}, key id
 * 1, issuer {@code https://server.example.com}) with the Acceso API audience, and the forged or stale tokens
 * the gateway must refuse.
 */
public final class Tokens {

    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "acceso-api";
    private static final String KEY = "privateKey.jwk";

    private Tokens() {
    }

    /** A valid resident token. */
    public static String resident() {
        return resident("alice");
    }

    public static String resident(String subject) {
        return valid(subject).groups(Set.of("resident")).jws().keyId("1").sign(KEY);
    }

    public static String withRoles(String subject, String... roles) {
        return valid(subject).groups(Set.of(roles)).jws().keyId("1").sign(KEY);
    }

    public static String expired() {
        return valid("alice").groups(Set.of("resident"))
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600))
                .jws().keyId("1").sign(KEY);
    }

    /** Issued for another client of the realm: its audience is not the API's. */
    public static String otherAudience() {
        return valid("alice").audience("account").groups(Set.of("resident")).jws().keyId("1").sign(KEY);
    }

    public static String withoutAudience() {
        return Jwt.issuer(ISSUER).subject("alice").upn("alice").groups(Set.of("resident"))
                .expiresIn(300).jws().keyId("1").sign(KEY);
    }

    /** Signed with the right key but by another issuer (another realm on the same server). */
    public static String otherIssuer() {
        return valid("alice").issuer("https://server.example.com/realms/other").groups(Set.of("resident"))
                .jws().keyId("1").sign(KEY);
    }

    /** Signed by a key the identity provider never published (another realm, or a forger), same key id. */
    public static String foreignKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return valid("alice").groups(Set.of("resident")).jws().keyId("1").sign(pair.getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A valid token whose payload was changed afterwards (resident → admin), signature kept. */
    public static String tampered() {
        String[] parts = resident().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"resident\"", "\"admin\"");
        return parts[0] + "." + base64(payload) + "." + parts[2];
    }

    /** An unsigned token ({@code alg: none}) with perfect claims. */
    public static String algNone() {
        String[] parts = resident().split("\\.");
        return base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
    }

    private static JwtClaimsBuilder valid(String subject) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).upn(subject).preferredUserName(subject)
                .expiresIn(300);
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
