package org.acceso.request.domain;

import java.util.Set;

/**
 * Who makes a call, as the token says: the stable user id ({@code sub}), user name, display name, e-mail, roles and,
 * for clerks, the agency ({@code agency} claim). Personal data.
 */
public record Actor(String userId, String username, String name, String email, Set<Role> roles, String agency) {

    /** The legal clock, acting on its own (a missed deadline). */
    public static final Actor SYSTEM = new Actor("system", "system", "Acceso", null, Set.of(Role.SYSTEM), null);

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** A clerk of {@code agencyCode}. */
    public boolean isClerkOf(String agencyCode) {
        return has(Role.CLERK) && agency != null && agency.equals(agencyCode);
    }

    /** The role under which this actor makes {@code move}, for the history; null if none of theirs allows it. */
    public Role roleFor(Move move) {
        return move.roles().stream().filter(this::has).findFirst().orElse(null);
    }
}
