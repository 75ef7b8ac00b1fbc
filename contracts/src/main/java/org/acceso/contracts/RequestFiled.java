package org.acceso.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/**
 * A resident filed a request. Carries the requester's contact because notification-service must
 * write to them; the topic is internal and never exported.
 *
 * @param agencyCode the agency the resident chose, or null when the coordinators will route it
 * @param language   {@code es} or {@code en}: the language of every notice to the requester
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RequestFiled(
        String trackingNumber,
        String subject,
        String agencyCode,
        String language,
        Instant filedAt,
        Requester requester) implements RequestEvent {

    /** Who filed the request and where notices go. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Requester(String name, String email) {
    }
}
