package org.acceso.request.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.acceso.request.service.Sha256;

import java.nio.charset.StandardCharsets;

/**
 * What a resident sends to file a request. Only a description of the information is required;
 * the law forbids rejecting a request for formal defects, so the limits are generous.
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

        Boolean publicationConsent) {

    /**
     * The SHA-256 (hex) of this body as received, normalised: the JSON as parsed, so key order, spacing and escapes
     * do not matter, but every value does, exactly (an absent field and a null one are the same). Each field is written
     * with its length, so no two bodies share the text hashed. Stored with an Idempotency-Key to tell a retry of the
     * same filing from another filing under the same key; keep it stable across versions: a field added later is
     * written only when it is present, so the bodies of earlier versions keep their hashes.
     */
    String sha256() {
        StringBuilder canonical = new StringBuilder();
        for (String value : new String[] {subject, description, agencyCode, language, contactEmail}) {
            canonical.append(value == null ? "-" : value.length() + ":" + value).append('\n');
        }
        if (publicationConsent != null) {
            canonical.append("publicationConsent=").append(publicationConsent).append('\n');
        }
        return Sha256.hex(canonical.toString().getBytes(StandardCharsets.UTF_8));
    }
}
