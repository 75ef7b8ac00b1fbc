package org.acceso.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;

/**
 * A clerk or coordinator appeared in, changed in, or left the staff directory that request-service reads from Keycloak:
 * their whole current state. Keyed by {@code userId} on the compacted {@link Topics#STAFF_EVENTS}, so a new consumer
 * reading from the start learns every staff member. Personal data (name, e-mail): an internal topic, never exported.
 *
 * @param roles      the Acceso roles that make them staff: {@code clerk}, {@code coordinator} (empty once they left)
 * @param agencyCode a clerk's agency (the {@code agency} user attribute); null for coordinators
 * @param language   their {@code locale} user attribute ({@code es}, {@code en}, ...); null when they chose none
 * @param active     false once they are no longer staff (role taken away, account disabled or deleted)
 */
@EventType("StaffMemberUpdated")
@JsonIgnoreProperties(ignoreUnknown = true)
public record StaffMemberUpdated(
        String userId,
        String username,
        String name,
        String email,
        String language,
        List<String> roles,
        String agencyCode,
        boolean active,
        Instant updatedAt) implements StaffEvent {

    public StaffMemberUpdated {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}
