package org.acceso.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/**
 * A clerk referred the request: to another agency of the same body (it keeps its tracking number and
 * waits in that agency's inbox), or to a competent body outside (it is closed with that pointer).
 *
 * @param agencyCode     the agency that holds it now; null when referred outside
 * @param fromAgencyCode the agency that referred it
 * @param externalBody   the competent body outside, or null for a referral inside
 */
@EventType("RequestReferred")
@JsonIgnoreProperties(ignoreUnknown = true)
public record RequestReferred(
        String trackingNumber,
        String agencyCode,
        String fromAgencyCode,
        String externalBody,
        String reason,
        Instant referredAt) implements RequestEvent {
}
