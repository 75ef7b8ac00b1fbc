package org.acceso.notification.rest;

import java.util.List;

/** A page of the caller's feed, newest first, with the total and the number still unread. */
public record FeedPage(List<FeedItem> items, int page, int size, long total, long unread) {
}
