package org.acceso.gateway.support;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;

import java.util.Set;

/** Access tokens signed by the OIDC test server. */
public final class Tokens {

    private Tokens() {
    }

    public static String resident() {
        return OidcWiremockTestResource.getAccessToken("alice", Set.of("resident"));
    }
}
