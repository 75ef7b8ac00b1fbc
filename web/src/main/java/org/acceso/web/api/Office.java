package org.acceso.web.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.qute.TemplateData;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the office's pages read from and send to the API (agencies, import, delivery log, notice preferences). */
public final class Office {

    private Office() {
    }

    /** An agency as an admin writes it; {@code active} null keeps it as it is (a new agency is active). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AgencyBody(String code, String name, String contactEmail, String backupEmail, Boolean active) {
    }

    /** The import's report: every line went in (all or nothing), each with the request it became. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ImportReport(int imported, List<Imported> requests) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Imported(int line, UUID id, String trackingNumber, String status) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LogPage(List<LogEntry> items, int page, int size, long total) {

        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }
    }

    /** One notice in the delivery log (the recipient masked for admins by notification-service). */
    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LogEntry(long id, UUID requestId, String trackingNumber, String kind, String category,
                           boolean legallySignificant, String channel, String recipient, String language, String subject,
                           String status, int attempts, String lastError, Instant createdAt, Instant nextAttemptAt,
                           Instant sentAt) {

        public boolean failed() {
            return "FAILED".equals(status);
        }
    }

    /** The caller's notice preferences: per category, by e-mail and in the app; {@code alwaysSent} ignore them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Preferences(List<Choice> categories, List<String> alwaysSent) {
    }

    /** {@code dailyDigest}: the category's e-mails in one daily digest (coordination only; null elsewhere, left out). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Choice(String category, boolean email, boolean inApp, Boolean dailyDigest) {
    }
}
