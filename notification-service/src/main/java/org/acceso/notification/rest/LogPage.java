package org.acceso.notification.rest;

import java.util.List;

/** A page of the delivery log, newest first, with the total that matched. */
public record LogPage(List<LogEntry> items, int page, int size, long total) {
}
