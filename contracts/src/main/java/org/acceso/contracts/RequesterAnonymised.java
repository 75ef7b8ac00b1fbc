package org.acceso.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/**
 * The retention period of a closed request's requester data ({@code acceso.retention.requester-data}, Law 25.326)
 * ran out: request-service replaced the requester's name, e-mail, postal address, phone, identity document and account
 * id with {@code pseudonym} in its own database, in the transaction that wrote this event. Every service that keeps a
 * copy of them for this request replaces its copy with the same pseudonym when it reads this event (idempotently: the
 * second time finds nothing left to replace). Carries no personal data, by construction: only ids and the pseudonym.
 *
 * @param pseudonym    stable for the same requester (an account, or a registered requester's document number or
 *                     e-mail), so that counts of requests per requester still hold; reveals nothing of them
 * @param anonymisedAt when request-service anonymised its rows
 */
@EventType("RequesterAnonymised")
@JsonIgnoreProperties(ignoreUnknown = true)
public record RequesterAnonymised(
        String trackingNumber,
        String agencyCode,
        String pseudonym,
        Instant anonymisedAt) implements RequestEvent {
}
