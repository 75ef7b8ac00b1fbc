package org.acceso.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/**
 * A coordinator routed the request to an agency (or reassigned it), or a clerk took it.
 *
 * @param previousAgencyCode the agency that held it before, null on the first routing
 * @param assignee           the clerk who works it, null when it waits in the agency's inbox
 */
@EventType("RequestAssigned")
@JsonIgnoreProperties(ignoreUnknown = true)
public record RequestAssigned(
        String trackingNumber,
        String agencyCode,
        String previousAgencyCode,
        Person assignee,
        Instant assignedAt) implements RequestEvent {
}
