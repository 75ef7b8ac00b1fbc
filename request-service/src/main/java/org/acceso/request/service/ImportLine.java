package org.acceso.request.service;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One request of an earlier register, as {@code POST /requests/import} takes it (a JSON line, or a CSV row whose
 * header names these fields; in CSV, {@code grounds} are separated by {@code ;}).
 *
 * @param trackingNumber kept if given (must be unique); otherwise numbered in the year of {@code filedAt}
 * @param status         RECEIVED, ASSIGNED, ANSWERED or WITHDRAWN
 * @param requesterUserId the requester's account id, if they have one (so they see it among theirs)
 */
public record ImportLine(
        @Pattern(regexp = "[A-Za-z0-9/_.-]{1,32}", message = "must be 1 to 32 letters, digits or / _ . -")
        String trackingNumber,
        @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters")
        String subject,
        @NotBlank(message = "must not be blank") @Size(max = 20000, message = "must be at most 20000 characters")
        String description,
        @Pattern(regexp = "[A-Z0-9_-]{2,32}", message = "must be an agency code such as OBRAS")
        String agencyCode,
        @NotNull(message = "is required: the original filing instant")
        Instant filedAt,
        @NotNull(message = "is required") @Pattern(regexp = "[A-Z_]{1,32}", message = "must be RECEIVED, ASSIGNED, ANSWERED or WITHDRAWN")
        String status,
        @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters")
        String requesterName,
        @NotBlank(message = "must not be blank") @Email(message = "must be an e-mail address")
        @Size(max = 254, message = "must be at most 254 characters")
        String requesterEmail,
        @Size(max = 255, message = "must be at most 255 characters")
        String requesterUserId,
        @Pattern(regexp = "es|en", message = "must be es or en")
        String language,
        @Pattern(regexp = "[A-Z_]{1,32}", message = "must be GRANTED, PARTIALLY_GRANTED, DENIED or NOT_HELD")
        String outcome,
        @Size(max = 13, message = "must cite at most 13 grounds")
        List<@NotBlank(message = "must not be blank") @Size(max = 64, message = "must be at most 64 characters") String> grounds,
        Instant answeredAt,
        @Size(max = 20000, message = "must be at most 20000 characters")
        String answerText,
        Instant withdrawnAt,
        @JsonIgnore int line) {

    /** The field names a CSV header may use. */
    public static final Set<String> FIELDS = Set.of("trackingNumber", "subject", "description", "agencyCode", "filedAt",
            "status", "requesterName", "requesterEmail", "requesterUserId", "language", "outcome", "grounds",
            "answeredAt", "answerText", "withdrawnAt");

    public ImportLine numbered(int number) {
        return new ImportLine(trackingNumber, subject, description, agencyCode, filedAt, status, requesterName,
                requesterEmail, requesterUserId, language, outcome, grounds, answeredAt, answerText, withdrawnAt, number);
    }

    public List<String> groundsOrEmpty() {
        return grounds == null ? List.of() : grounds;
    }
}
