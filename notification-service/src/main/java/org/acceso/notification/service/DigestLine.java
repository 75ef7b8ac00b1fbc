package org.acceso.notification.service;

/** One request in a digest, its due date already written for the reader. */
public record DigestLine(String trackingNumber, String subject, String agency, String due, long daysOverdue) {
}
