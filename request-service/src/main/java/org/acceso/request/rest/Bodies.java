package org.acceso.request.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.Valid;
import org.acceso.request.domain.AppealDecision;
import org.acceso.request.domain.Outcome;
import org.acceso.request.service.PublicationService;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The request bodies of the lifecycle's moves and of the agency catalogue: validated records. */
public final class Bodies {

    static final String AGENCY_CODE = "[A-Z0-9_-]{2,32}";
    static final String AGENCY_CODE_MESSAGE = "must be an agency code such as OBRAS";

    private Bodies() {
    }

    /** {@code clerk}: a clerk of that agency, by user id or user name (coordinators); a clerk taking it leaves it out. */
    public record Assignment(
            @NotNull(message = "is required") @Pattern(regexp = AGENCY_CODE, message = AGENCY_CODE_MESSAGE) String agencyCode,
            @Size(min = 1, max = 255, message = "must be 1 to 255 characters") String clerk) {
    }

    public record ClarificationQuestion(
            @NotBlank(message = "must not be blank") @Size(max = 5000, message = "must be at most 5000 characters") String question) {
    }

    public record ClarificationReply(
            @NotBlank(message = "must not be blank") @Size(max = 20000, message = "must be at most 20000 characters") String text) {
    }

    /** Exactly one of {@code agencyCode} (another agency of this body) and {@code external} (a competent body outside). */
    public record Referral(
            @Pattern(regexp = AGENCY_CODE, message = AGENCY_CODE_MESSAGE) String agencyCode,
            @Size(min = 2, max = 300, message = "must be 2 to 300 characters") String external,
            @NotBlank(message = "must not be blank") @Size(max = 5000, message = "must be at most 5000 characters") String reason) {
    }

    public record Extension(
            @NotBlank(message = "must not be blank: an extension needs written reasons")
            @Size(max = 5000, message = "must be at most 5000 characters") String reason) {
    }

    public record Answer(
            @NotNull(message = "is required: GRANTED, PARTIALLY_GRANTED, DENIED or NOT_HELD") Outcome outcome,
            @NotBlank(message = "must not be blank") @Size(max = 50000, message = "must be at most 50000 characters") String text,
            @Size(max = 13, message = "must cite at most 13 grounds")
            List<@NotBlank(message = "must not be blank") @Size(max = 64, message = "must be at most 64 characters") String> grounds,
            @Size(max = 50, message = "must name at most 50 documents")
            List<@NotNull(message = "must not be null") UUID> documentIds) {

        public List<String> groundsOrEmpty() {
            return grounds == null ? List.of() : grounds;
        }

        public List<UUID> documentIdsOrEmpty() {
            return documentIds == null ? List.of() : documentIds;
        }
    }

    public record Withdrawal(
            @Size(max = 5000, message = "must be at most 5000 characters") String reason) {
    }

    public record Appeal(
            @NotBlank(message = "must not be blank") @Size(max = 20000, message = "must be at most 20000 characters") String reason) {
    }

    public record AppealResolution(
            @NotNull(message = "is required: UPHELD, PARTIALLY_UPHELD or DISMISSED") AppealDecision decision,
            @NotBlank(message = "must not be blank") @Size(max = 50000, message = "must be at most 50000 characters") String text) {
    }

    /** An agency of the catalogue; {@code code} comes from the path on update. */
    public record AgencyBody(
            @Pattern(regexp = AGENCY_CODE, message = AGENCY_CODE_MESSAGE) String code,
            @NotBlank(message = "must not be blank") @Size(max = 200, message = "must be at most 200 characters") String name,
            @NotBlank(message = "must not be blank") @Email(message = "must be an e-mail address")
            @Size(max = 254, message = "must be at most 254 characters") String contactEmail,
            @Email(message = "must be an e-mail address") @Size(max = 254, message = "must be at most 254 characters") String backupEmail,
            Boolean active) {
    }

    /**
     * What the clerk approved for the public register: the texts as they are to be published (each removed datum
     * replaced by [dato personal]); {@code subject} defaults to the request's; the fate of each released document (one
     * not named stays with the requester); an optional embargo; and the detected data the clerk keeps on purpose (a
     * public official's name, an agency's address: never the requester's own).
     */
    public record Publication(
            @Size(min = 1, max = 400, message = "must be 1 to 400 characters") String subject,
            @NotBlank(message = "must not be blank") @Size(max = 40000, message = "must be at most 40000 characters") String question,
            @Size(max = 100000, message = "must be at most 100000 characters") String answer,
            @Size(max = 50, message = "must name at most 50 documents")
            List<@NotNull(message = "must not be null") @Valid PublicationDocument> documents,
            LocalDate embargoUntil,
            @Size(max = 200, message = "must list at most 200 data")
            List<@NotBlank(message = "must not be blank") @Size(max = 500, message = "must be at most 500 characters") String> keep) {

        public PublicationService.Approval approval() {
            return new PublicationService.Approval(subject, question, answer, documents == null ? List.of()
                    : documents.stream().map(d -> new PublicationService.DocumentChoice(d.id(), d.visibility())).toList(),
                    embargoUntil, keep == null ? List.of() : keep);
        }
    }

    public record PublicationDocument(
            @NotNull(message = "is required") UUID id,
            @NotNull(message = "is required: PUBLIC or REQUESTER_ONLY") PublicationService.Visibility visibility) {
    }

    public record PublicationWithdrawal(
            @NotBlank(message = "must not be blank: a withdrawal needs its reason (a court order, a mistake)")
            @Size(max = 2000, message = "must be at most 2000 characters") String reason) {
    }
}
