package org.acceso.request.domain;

/**
 * Who files or acts, as the identity provider says: the token's stable subject, a display name and
 * e-mail. Personal data: never shown on public pages.
 */
public record Requester(String subject, String name, String email) {
}
