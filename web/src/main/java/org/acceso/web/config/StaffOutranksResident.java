package org.acceso.web.config;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * A staff role outranks {@code resident}. The realm gives every new account {@code resident} (its default roles), so
 * an account an administrator makes for a clerk in Keycloak's console carries it too unless they take it away; such a
 * person works here as staff only (their inbox, desk or dashboard, never the resident's filing pages), exactly as the
 * API treats them (request-service drops the role the same way).
 */
@ApplicationScoped
public class StaffOutranksResident implements SecurityIdentityAugmentor {

    static final String RESIDENT = "resident";
    static final Set<String> STAFF = Set.of("clerk", "coordinator", "auditor", "admin");

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !identity.hasRole(RESIDENT) || STAFF.stream().noneMatch(identity::hasRole)) {
            return Uni.createFrom().item(identity);
        }
        Set<String> roles = identity.getRoles().stream().filter(role -> !RESIDENT.equals(role)).collect(Collectors.toSet());
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addRoles(roles)
                .addPermissionChecker(identity::checkPermission)
                .build());
    }
}
