package org.acceso.request.domain;

/**
 * Someone whose request arrived on paper, by e-mail, by phone or in person, as the clerk who registered it wrote them
 * down: a name and whatever contact they gave (any of them may be null). They have no account. Personal data, kept in
 * request-service only: only the name and e-mail travel in {@code RequestFiled} (notices need them).
 */
public record RegisteredRequester(String name, String email, String postalAddress, String phone, String documentNumber) {

    /** Whether they can be reached at all: an e-mail, a postal address or a phone number. */
    public boolean reachable() {
        return email != null || postalAddress != null || phone != null;
    }
}
