package org.acceso.notification.domain;

/** Where a notice goes: an e-mail (sent by MailSender, with retries) or the recipient's in-app feed (delivered when stored). */
public enum Channel {
    EMAIL, IN_APP
}
