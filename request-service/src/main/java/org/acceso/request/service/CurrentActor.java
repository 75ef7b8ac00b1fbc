package org.acceso.request.service;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.acceso.request.domain.Actor;
import org.acceso.request.domain.Language;
import org.acceso.request.domain.Role;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.EnumSet;
import java.util.Set;

/**
 * The caller of the current HTTP request, read once from the bearer token. Inject this request-scoped bean and call
 * {@link #get()} at use: resources are singletons, so an {@link Actor} itself must never be injected into them.
 */
@RequestScoped
public class CurrentActor {

    private final JsonWebToken token;
    private final SecurityIdentity identity;
    private Actor actor;

    public CurrentActor(JsonWebToken token, SecurityIdentity identity) {
        this.token = token;
        this.identity = identity;
    }

    /** The caller; the first call in a request reads the token. */
    public Actor get() {
        if (actor == null) {
            actor = read();
        }
        return actor;
    }

    /**
     * The language the caller keeps in their account (the realm's {@code locale} attribute, a token claim): a filing
     * that names none is in it, and so are its notices. Spanish when the account has none the notices speak.
     */
    public Language preferredLanguage() {
        Object locale = token.getClaim("locale");
        return locale == null ? Language.DEFAULT : Language.fromCode(locale.toString()).orElse(Language.DEFAULT);
    }

    private Actor read() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        identity.getRoles().forEach(name -> Role.fromToken(name).ifPresent(roles::add));
        String userId = token.getSubject() != null ? token.getSubject() : identity.getPrincipal().getName();
        String username = claim("preferred_username", identity.getPrincipal().getName());
        String name = claim("name", username);
        return new Actor(userId, username, name, token.getClaim("email"), roles, token.getClaim("agency"));
    }

    private String claim(String claim, String otherwise) {
        Object value = token.getClaim(claim);
        return value != null ? value.toString() : otherwise;
    }
}
