package org.acceso.gateway.http;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/** Who is calling: the identity quarkus-oidc made of the bearer token, if any. */
public final class Callers {

    private Callers() {
    }

    public static Optional<SecurityIdentity> identity(RoutingContext rc) {
        if (rc.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
            return Optional.of(user.getSecurityIdentity());
        }
        return Optional.empty();
    }

    public static boolean isAnonymous(RoutingContext rc) {
        return identity(rc).isEmpty();
    }

    /** The token's stable subject ({@code sub}); user names can change, subjects cannot. */
    public static Optional<String> subject(RoutingContext rc) {
        return identity(rc).map(identity -> identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null
                ? token.getSubject() : identity.getPrincipal().getName());
    }

    /** The caller's address as the gateway sees it (the forwarded one when proxy forwarding is trusted). */
    public static String address(RoutingContext rc) {
        return rc.request().remoteAddress() == null ? "unknown" : rc.request().remoteAddress().hostAddress();
    }
}
