package org.acceso.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Someone an event concerns: the identity provider's stable user id ({@code sub}), a display name and
 * where notices go. Personal data: it travels on internal topics only and is never exported.
 *
 * @param language the language notices to this person are written in ({@code es}, {@code en}: a requester's choice
 *                 when filing, a staff member's {@code locale} in Keycloak); null when not known, and then the reader
 *                 chooses
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Person(String userId, String name, String email, String language) {

    /** Someone whose language the event does not say. */
    public Person(String userId, String name, String email) {
        this(userId, name, email, null);
    }
}
