package org.acceso.notification.service;

import java.util.List;

/** The directorate's day: every agency's figures, the totals and the overdue requests, most overdue first. */
public record DirectorateDigest(String day, List<AgencyDigest> agencies, long open, long dueSoon, long overdue,
                                List<DigestLine> overdueLines, int dueSoonDays) {
}
