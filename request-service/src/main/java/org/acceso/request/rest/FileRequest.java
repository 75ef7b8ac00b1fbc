package org.acceso.request.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.acceso.request.service.Sha256;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

/**
 * What a resident sends to file a request, or what a clerk or a coordinator sends to register one that arrived on
 * paper, by e-mail, by phone or in person ({@code channel}, {@code requester}, {@code receivedAt}). Only a description
 * of the information is required; the law forbids rejecting a request for formal defects, so the limits are generous.
 *
 * @param publicationConsent {@code false}: publish nothing of this request beyond the statistics (honoured when
 *                           {@code request.publication.honour-consent}); absent or {@code true}: its question and
 *                           answer may be published, never the requester's name
 */
public record FileRequest(
        @NotBlank(message = "must not be blank")
        @Size(max = 200, message = "must be at most 200 characters")
        String subject,

        @NotBlank(message = "must not be blank")
        @Size(max = 20000, message = "must be at most 20000 characters")
        String description,

        @Pattern(regexp = "[A-Z0-9_-]{2,32}", message = "must be an agency code such as OBRAS")
        String agencyCode,

        @Pattern(regexp = "es|en", message = "must be es or en")
        String language,

        @Email(message = "must be an e-mail address")
        @Size(max = 254, message = "must be at most 254 characters")
        String contactEmail,

        Boolean publicationConsent,

        @Pattern(regexp = "WEB|IN_PERSON|POST|EMAIL|PHONE", message = "must be WEB, IN_PERSON, POST, EMAIL or PHONE")
        String channel,

        @Valid
        RequesterDetails requester,

        OffsetDateTime receivedAt) {

    /** Who asked, as the clerk wrote it down: a name and any contact they gave. */
    public record RequesterDetails(
            @NotBlank(message = "must not be blank")
            @Size(max = 200, message = "must be at most 200 characters")
            String name,

            @Email(message = "must be an e-mail address")
            @Size(max = 254, message = "must be at most 254 characters")
            String email,

            @Size(max = 500, message = "must be at most 500 characters")
            String postalAddress,

            @Pattern(regexp = "\\+?[0-9][0-9 ()./-]{3,39}", message = "must be a phone number: digits, spaces, + ( ) . / -")
            String phone,

            @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 ./-]{0,39}", message = "must be a document number: letters, digits, spaces, . / -")
            String documentNumber) {
    }

    /** Whether this is a registration by staff: a channel other than the web, a requester or a filing instant. */
    boolean isRegistration() {
        return (channel != null && !"WEB".equals(channel)) || requester != null || receivedAt != null;
    }

    /**
     * The SHA-256 (hex) of this body as received, normalised: the JSON as parsed, so key order, spacing and escapes
     * do not matter, but every value does, exactly (an absent field and a null one are the same; {@code receivedAt} is
     * compared as an instant). Each field is written with its length, so no two bodies share the text hashed. Stored
     * with an Idempotency-Key to tell a retry of the same filing from another filing under the same key; keep it
     * stable across versions: a field added later is written only when it is present (the fields of a registration
     * only when one of them is there), so the bodies of earlier versions keep their hashes.
     */
    String sha256() {
        StringBuilder canonical = new StringBuilder();
        append(canonical, subject, description, agencyCode, language, contactEmail);
        if (channel != null || requester != null || receivedAt != null) {
            append(canonical, channel, receivedAt == null ? null : receivedAt.toInstant().toString());
            if (requester == null) {
                canonical.append("-\n");
            } else {
                append(canonical, "requester", requester.name(), requester.email(), requester.postalAddress(),
                        requester.phone(), requester.documentNumber());
            }
        }
        if (publicationConsent != null) {
            canonical.append("publicationConsent=").append(publicationConsent).append('\n');
        }
        return Sha256.hex(canonical.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void append(StringBuilder canonical, String... values) {
        for (String value : values) {
            canonical.append(value == null ? "-" : value.length() + ":" + value).append('\n');
        }
    }
}
