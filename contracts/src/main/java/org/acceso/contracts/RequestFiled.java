package org.acceso.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/**
 * A resident filed a request, or an administrator imported one filed before Acceso existed. Carries the
 * requester's contact because notification-service must write to them; the topic is internal and never exported.
 *
 * @param agencyCode the agency the resident chose, or null when the coordinators will route it
 * @param language   {@code es} or {@code en}: the language of every notice to the requester
 * @param filedAt    when the request was really filed (for an import: its original instant, in the past)
 * @param imported   true for a request imported from an earlier register: its clock counts from {@code filedAt},
 *                   and no receipt is sent for it
 */
@EventType("RequestFiled")
@JsonIgnoreProperties(ignoreUnknown = true)
public record RequestFiled(
        String trackingNumber,
        String subject,
        String agencyCode,
        String language,
        Instant filedAt,
        Person requester,
        boolean imported) implements RequestEvent {
}
