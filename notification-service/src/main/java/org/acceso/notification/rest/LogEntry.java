package org.acceso.notification.rest;

import org.acceso.notification.domain.Notification;

import java.time.Instant;
import java.util.UUID;

/**
 * One notice in the delivery log: to whom, what, and how its delivery went. Auditors (the directorate) and
 * coordinators (the front desk, who may reach a requester another way when a notice failed) see the recipient's
 * address; admins run the mail, not the requests, so they see it masked ({@code a***@example.org}), in
 * the recipient and in the error text, as request-service hides the requester from them.
 */
public record LogEntry(long id, UUID eventId, UUID requestId, String trackingNumber, String kind, String category,
                       boolean legallySignificant, String channel, String recipient, String language, String subject,
                       String status, int attempts, String lastError, Instant createdAt, Instant nextAttemptAt,
                       Instant sentAt) {

    static LogEntry of(Notification n, boolean seesRecipients) {
        String recipient = seesRecipients ? n.recipient : masked(n.recipient);
        String lastError = seesRecipients || n.lastError == null || n.recipient == null ? n.lastError
                : n.lastError.replace(n.recipient, recipient);
        return new LogEntry(n.id, n.eventId, n.requestId, n.trackingNumber, n.kind, n.category.name(), n.legal,
                n.channel.name(), recipient, n.language, n.subject, n.status.name(), n.attempts, lastError,
                n.createdAt, n.nextAttemptAt, n.sentAt);
    }

    /** {@code ana.perez@example.org} → {@code a***@example.org}; a user id (in-app notices) → {@code ***}. */
    static String masked(String recipient) {
        if (recipient == null) {
            return null;
        }
        int at = recipient.indexOf('@');
        return at > 0 ? recipient.charAt(0) + "***" + recipient.substring(at) : "***";
    }
}
