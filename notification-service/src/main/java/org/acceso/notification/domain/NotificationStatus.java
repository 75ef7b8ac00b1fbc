package org.acceso.notification.domain;

/** PENDING until the mail server accepted it (SENT), or until the attempts ran out (FAILED). */
public enum NotificationStatus {
    PENDING, SENT, FAILED
}
