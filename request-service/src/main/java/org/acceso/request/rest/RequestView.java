package org.acceso.request.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.acceso.request.domain.InformationRequest;
import org.acceso.request.domain.RegisteredRequester;
import org.acceso.request.service.DocumentService;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * A request as its caller may see it. {@code requesterName}/{@code contactEmail} (and, for a request registered by
 * staff, {@code requesterPostalAddress}/{@code requesterPhone}/{@code requesterDocumentNumber}) are null for callers who
 * may not see the requester (an admin); {@code channel} says how it arrived (null for an import); {@code allowedMoves} are the moves this caller may make now (what a page should offer).
 * {@code dueOn}/{@code dueAt} are null until the legal clock has been scheduled; instants carry the jurisdiction's offset.
 * {@code publicationConsent} is false when the requester asked that nothing of theirs be published.
 */
public record RequestView(
        UUID id,
        String trackingNumber,
        String status,
        String subject,
        String description,
        String agencyCode,
        String language,
        String requesterName,
        String contactEmail,
        @JsonInclude(JsonInclude.Include.NON_NULL) String requesterPostalAddress,
        @JsonInclude(JsonInclude.Include.NON_NULL) String requesterPhone,
        @JsonInclude(JsonInclude.Include.NON_NULL) String requesterDocumentNumber,
        String channel,
        Instant filedAt,
        boolean imported,
        Assignee assignee,
        LocalDate dueOn,
        OffsetDateTime dueAt,
        String clockStatus,
        int extensions,
        String pendingQuestion,
        Answer answer,
        String externalBody,
        Appeal appeal,
        LocalDate appealDueOn,
        OffsetDateTime appealDueAt,
        boolean appealWindowClosed,
        boolean publicationConsent,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<DocumentService.Info> documents,
        List<String> allowedMoves) {

    /** Who works the request. Their e-mail is not shown. */
    public record Assignee(String userId, String name) {
    }

    public record Answer(String outcome, String text, List<String> grounds, Instant answeredAt) {
    }

    public record Appeal(String against, String reason, Instant appealedAt, String decision, String text, Instant resolvedAt) {
    }

    static RequestView of(InformationRequest r, ZoneId zone, boolean seesRequester, List<DocumentService.Info> documents,
                          List<String> allowedMoves) {
        RegisteredRequester requester = seesRequester ? r.registeredRequester() : null;
        return new RequestView(r.id, r.trackingNumber, r.status().name(), r.subject, r.description, r.agencyCode,
                r.language,
                seesRequester ? r.requesterName : null,
                seesRequester ? r.contactEmail : null,
                requester == null ? null : requester.postalAddress(),
                requester == null ? null : requester.phone(),
                requester == null ? null : requester.documentNumber(),
                r.channel() == null ? null : r.channel().name(),
                r.filedAt, r.imported,
                r.assigneeUserId == null ? null : new Assignee(r.assigneeUserId, r.assigneeName),
                r.dueOn, at(r.dueAt, zone),
                r.clockStatus == null ? null : r.clockStatus.name(),
                r.extensions, r.pendingQuestion,
                r.outcome == null ? null : new Answer(r.outcome.name(), r.answerText, List.copyOf(r.grounds), r.answeredAt),
                r.externalBody,
                r.appealedAt == null ? null : new Appeal(r.appealAgainst, r.appealReason, r.appealedAt,
                        r.appealDecision == null ? null : r.appealDecision.name(), r.appealText, r.appealResolvedAt),
                r.appealDueOn, at(r.appealDueAt, zone), r.appealWindowClosed, r.publicationConsent,
                documents, allowedMoves);
    }

    private static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
