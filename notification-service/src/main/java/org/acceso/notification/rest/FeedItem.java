package org.acceso.notification.rest;

import org.acceso.notification.domain.Notification;

import java.time.Instant;
import java.util.UUID;

/** One notice in the caller's in-app feed. */
public record FeedItem(long id, String kind, String category, UUID requestId, String trackingNumber, String title,
                       String text, Instant createdAt, boolean read) {

    static FeedItem of(Notification n) {
        return new FeedItem(n.id, n.kind, n.category.name(), n.requestId, n.trackingNumber, n.subject, n.body, n.createdAt,
                n.readAt != null);
    }
}
