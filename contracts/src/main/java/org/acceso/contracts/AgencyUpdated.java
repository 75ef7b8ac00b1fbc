package org.acceso.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/**
 * An agency of the catalogue was created or changed: its current state, whole. Keyed by {@code code} on the
 * compacted {@link Topics#AGENCY_EVENTS}, so a new consumer reading from the start learns every agency.
 *
 * @param contactEmail the agency's inbox for notices
 * @param backupEmail  a second address that also gets due-soon alerts; may be null
 */
@EventType("AgencyUpdated")
@JsonIgnoreProperties(ignoreUnknown = true)
public record AgencyUpdated(
        String code,
        String name,
        String contactEmail,
        String backupEmail,
        boolean active,
        Instant updatedAt) implements AgencyEvent {
}
