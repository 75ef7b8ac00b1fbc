package org.acceso.notification.service;

import java.util.List;

/** An agency's day: how many requests are open, due within {@code dueSoonDays} days and overdue, and which. */
public record AgencyDigest(String code, String name, String day, long open, long dueSoonCount, long overdueCount,
                           List<DigestLine> dueSoon, List<DigestLine> overdue, int dueSoonDays) {
}
