package org.acceso.request.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.acceso.request.domain.Role;
import org.acceso.request.domain.StaffMember;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.UserRepresentation;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Acceso's staff from Keycloak's admin REST API (the Keycloak admin client, configured by
 * {@code quarkus.keycloak.admin-client.*}): the members of the realm roles {@code clerk} and {@code coordinator}, page
 * by page, with their attributes ({@code agency}, {@code locale}). The realm's service account
 * {@code acceso-staff-directory} may only view users and the realm. Disabled accounts are not staff. Only direct role
 * members count (the realm grants staff roles to users, not to groups).
 */
@ApplicationScoped
public class KeycloakStaff {

    static final int PAGE = 100;

    private final Keycloak keycloak;
    private final String realm;

    public KeycloakStaff(Keycloak keycloak, @ConfigProperty(name = "quarkus.keycloak.admin-client.realm") String realm) {
        this.keycloak = keycloak;
        this.realm = realm;
    }

    /** Every enabled clerk and coordinator. Throws when Keycloak cannot be read whole (nothing partial is returned). */
    @Timeout(value = 20, unit = ChronoUnit.SECONDS)
    public List<StaffMember.Listing> read() {
        RealmResource realmResource = keycloak.realm(realm);
        Map<String, UserRepresentation> clerks = members(realmResource, Role.CLERK);
        Map<String, UserRepresentation> coordinators = members(realmResource, Role.COORDINATOR);
        Map<String, UserRepresentation> everyone = new LinkedHashMap<>(clerks);
        coordinators.forEach(everyone::putIfAbsent);
        List<StaffMember.Listing> listings = new ArrayList<>();
        for (UserRepresentation user : everyone.values()) {
            if (Boolean.FALSE.equals(user.isEnabled())) {
                continue;
            }
            listings.add(new StaffMember.Listing(user.getId(), user.getUsername(), displayName(user),
                    blankToNull(user.getEmail()), attribute(user, "locale"), attribute(user, "agency"),
                    clerks.containsKey(user.getId()), coordinators.containsKey(user.getId())));
        }
        return listings;
    }

    private static Map<String, UserRepresentation> members(RealmResource realm, Role role) {
        Map<String, UserRepresentation> members = new LinkedHashMap<>();
        for (int first = 0; ; first += PAGE) {
            List<UserRepresentation> page = realm.roles().get(role.tokenName()).getUserMembers(false, first, PAGE);
            page.forEach(user -> members.put(user.getId(), user));
            if (page.size() < PAGE) {
                return members;
            }
        }
    }

    /** "First Last" as the realm's tokens say it ({@code name} claim), else the user name. */
    private static String displayName(UserRepresentation user) {
        String name = String.join(" ", java.util.stream.Stream.of(user.getFirstName(), user.getLastName())
                .filter(part -> part != null && !part.isBlank()).map(String::strip).toList());
        return name.isEmpty() ? user.getUsername() : name;
    }

    private static String attribute(UserRepresentation user, String name) {
        List<String> values = user.getAttributes() == null ? null : user.getAttributes().get(name);
        return values == null || values.isEmpty() ? null : blankToNull(values.get(0));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
