package org.acceso.web.api;

import io.quarkus.qute.TemplateData;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the pages read from and send to the API: tolerant readers of its JSON (unknown fields are ignored). */
public final class Api {

    private Api() {
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Request(UUID id, String trackingNumber, String status, String subject, String description,
                          String agencyCode, String language, String requesterName, String contactEmail, Instant filedAt,
                          boolean imported, Assignee assignee, LocalDate dueOn, OffsetDateTime dueAt, String clockStatus,
                          int extensions, String pendingQuestion, Answer answer, String externalBody, Appeal appeal,
                          LocalDate appealDueOn, OffsetDateTime appealDueAt, boolean appealWindowClosed,
                          List<Document> documents, List<String> allowedMoves, String channel,
                          String requesterPostalAddress, String requesterPhone, String requesterDocumentNumber) {

        public boolean may(String move) {
            return allowedMoves != null && allowedMoves.contains(move);
        }

        public List<Document> documentsOrEmpty() {
            return documents == null ? List.of() : documents;
        }

        /** Whether staff registered it for someone who did not file it online (it arrived in person, by post...). */
        public boolean registered() {
            return channel != null && !"WEB".equals(channel);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Assignee(String userId, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Answer(String outcome, String text, List<String> grounds, Instant answeredAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Appeal(String against, String reason, Instant appealedAt, String decision, String text, Instant resolvedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Document(UUID id, String name, String mediaType, long size, String sha256) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<Request> items, long total, int page, int size) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HistoryLine(String action, String fromStatus, String status, String role, String actor, String actorName,
                              String agencyCode, String reason, Instant occurredAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Agency(String code, String name, String contactEmail, String backupEmail, boolean active) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Clerk(String userId, String username, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Grounds(String law, List<Ground> grounds) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ground(String code, String reference, String name, String nameEn) {
    }

    /** The legal clock and how its dates came about (deadline-service). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Clock(UUID requestId, String trackingNumber, String jurisdiction, String profile, String zone,
                        String status, Instant filedAt, LocalDate receivedOn, LocalDate dueOn, OffsetDateTime dueAt,
                        Integer remainingDays, int extensions, Instant missedAt, ClockAppeal appeal, List<Change> history) {
    }

    /**
     * The facts of a jurisdiction's law ({@code GET /policy}, deadline-service's, public): terms and their units
     * ({@code BUSINESS}, {@code CALENDAR}, {@code MONTH}), extensions, the appeal window, the zone.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Policy(String profile, String jurisdiction, String law, String zone, int responseDays, String dayUnit,
                         String cutoff, int extensionDays, String extensionUnit, int maxExtensions, String clarification,
                         int appealDays, String appealUnit) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ClockAppeal(String status, String cause, LocalDate opensOn, LocalDate dueOn, OffsetDateTime dueAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Change(String clock, String status, LocalDate oldDueOn, LocalDate newDueOn, String cause,
                         String instrument, String detail, Instant changedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Notices(List<Notice> items, int page, int size, long total, long unread) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Notice(long id, String kind, String category, UUID requestId, String trackingNumber, String title,
                         String text, Instant createdAt, boolean read) {
    }

    /** Compliance figures of one cohort (docs/compliance.md). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Figures(String agency, LocalDate from, LocalDate to, Instant asOf, long received, long answered,
                          long answeredWithinInitialDeadline, long answeredWithinExtendedDeadline, long answeredLate,
                          long extended, BigDecimal extensionRate, DaysToAnswer businessDaysToAnswer,
                          Map<String, Long> outcomes, Map<String, Long> denialsByGround, long deemedDenials,
                          Map<String, Long> openPastDue) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DaysToAnswer(BigDecimal mean, Integer median, Integer p90) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CalendarEntry(long id, String jurisdiction, String kind, LocalDate startsOn, LocalDate endsOn,
                                String instrument, String description, String createdBy, Instant createdAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CalendarChange(long id, long version, String action, long entryId, String kind, LocalDate startsOn,
                                 LocalDate endsOn, String instrument, String description, String changedBy,
                                 Instant changedAt, Instant recomputedAt, int clocksMoved) {
    }

    // ---- bodies sent (null fields are left out)

    /** {@code publicationConsent}: false when the resident asked that nothing of it be published; null otherwise. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Filing(String subject, String description, String agencyCode, String language, Boolean publicationConsent) {
    }

    /** A request received in person, by post, e-mail or phone, registered by a clerk or a coordinator. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Registration(String subject, String description, String agencyCode, String language, String channel,
                               Requester requester, String receivedAt) {
    }

    /** Who asked, as the clerk wrote it down (null fields are left out). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Requester(String name, String email, String postalAddress, String phone, String documentNumber) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Assignment(String agencyCode, String clerk) {
    }

    public record Question(String question) {
    }

    public record Text(String text) {
    }

    public record Reason(String reason) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Referral(String agencyCode, String external, String reason) {
    }

    public record AnswerBody(String outcome, String text, List<String> grounds, List<UUID> documentIds) {
    }

    public record Resolution(String decision, String text) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NewEntry(String kind, LocalDate startsOn, LocalDate endsOn, String instrument, String description) {
    }
}
