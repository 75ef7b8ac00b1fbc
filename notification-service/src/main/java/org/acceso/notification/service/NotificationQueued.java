package org.acceso.notification.service;

/** Fired when a notification is stored; observed after commit to send it without waiting for the next poll. */
public record NotificationQueued(long notificationId) {
}
