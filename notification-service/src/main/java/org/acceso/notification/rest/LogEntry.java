package org.acceso.notification.rest;

import org.acceso.notification.domain.Notification;

import java.time.Instant;
import java.util.UUID;

/** One notice in the delivery log (auditors and admins): to whom, what, and how its delivery went. */
public record LogEntry(long id, UUID eventId, UUID requestId, String trackingNumber, String kind, String category,
                       boolean legallySignificant, String channel, String recipient, String language, String subject,
                       String status, int attempts, String lastError, Instant createdAt, Instant nextAttemptAt,
                       Instant sentAt) {

    static LogEntry of(Notification n) {
        return new LogEntry(n.id, n.eventId, n.requestId, n.trackingNumber, n.kind, n.category.name(), n.legal,
                n.channel.name(), n.recipient, n.language, n.subject, n.status.name(), n.attempts, n.lastError,
                n.createdAt, n.nextAttemptAt, n.sentAt);
    }
}
