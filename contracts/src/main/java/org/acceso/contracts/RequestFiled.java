package org.acceso.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/**
 * A resident filed a request, staff registered one that arrived on paper, by e-mail, by phone or in person, or an
 * administrator imported one filed before Acceso existed. Carries the requester's name and e-mail because
 * notification-service must write to them; the topic is internal and never exported. A registered requester's other
 * contact data (postal address, phone, identity document) stays in request-service: no consumer needs it.
 *
 * @param agencyCode the agency the request was filed into, or null when the coordinators will route it
 * @param language   {@code es} or {@code en}: the language of every notice to the requester
 * @param filedAt    when the request was really filed, and so when its legal clock starts: for a registration the
 *                   instant it was received at the office (may be earlier than the event), for an import its original
 *                   instant
 * @param requester  who asked: {@code userId} is the account's subject for a resident filing online and null for a
 *                   requester registered by staff (no account: no in-app feed); {@code email} is null when they gave
 *                   none (then nobody is written to: never the clerk who registered it)
 * @param imported   true for a request imported from an earlier register: its clock counts from {@code filedAt},
 *                   and no receipt is sent for it
 * @param channel    how the request arrived: {@code WEB} (filed online by the requester), {@code IN_PERSON},
 *                   {@code POST}, {@code EMAIL} or {@code PHONE} (registered by staff); null for an import (unknown)
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
        boolean imported,
        String channel) implements RequestEvent {

    /** How a request arrived when its requester filed it online. */
    public static final String WEB = "WEB";

    /** A filing online ({@code WEB}), or an import (no channel). */
    public RequestFiled(String trackingNumber, String subject, String agencyCode, String language, Instant filedAt,
                        Person requester, boolean imported) {
        this(trackingNumber, subject, agencyCode, language, filedAt, requester, imported, imported ? null : WEB);
    }

    /** Whether staff registered this request for a requester who did not file it online. */
    public boolean registered() {
        return channel != null && !WEB.equals(channel);
    }
}
