package org.acceso.deadline.rest;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/** Who calls: the token's stable subject, roles and, for a clerk, the agency claim. */
@RequestScoped
public class Caller {

    private final JsonWebToken token;
    private final SecurityIdentity identity;

    public Caller(JsonWebToken token, SecurityIdentity identity) {
        this.token = token;
        this.identity = identity;
    }

    public String subject() {
        return token.getSubject() != null ? token.getSubject() : identity.getPrincipal().getName();
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    /** Auditors, coordinators and admins see every agency. */
    public boolean seesAllAgencies() {
        return is("auditor") || is("coordinator") || is("admin");
    }

    /** The agency of a clerk (token claim {@code agency}). */
    public Optional<String> agency() {
        if (!is("clerk")) {
            return Optional.empty();
        }
        Object claim = token.getClaim("agency");
        return claim == null || claim.toString().isBlank() ? Optional.empty() : Optional.of(claim.toString());
    }

    /** A name for audit lines: the username when the token has one, else the subject. */
    public String actor() {
        Object username = token.getClaim("preferred_username");
        return username != null ? username.toString() : subject();
    }
}
