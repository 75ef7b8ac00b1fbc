package org.acceso.request.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a resident sends to file a request. Only a description of the information is required;
 * the law forbids rejecting a request for formal defects, so the limits are generous.
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
        String contactEmail) {
}
