package org.acceso.notification.domain;

/**
 * An e-mail is PENDING until the mail server accepted it (SENT), or until the attempts ran out (FAILED; an
 * admin may retry it). An in-app notice is SENT when stored: the feed is its delivery.
 */
public enum NotificationStatus {
    PENDING, SENT, FAILED
}
