package org.acceso.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Someone an event concerns: the identity provider's stable user id ({@code sub}), a display name and
 * where notices go. Personal data: it travels on internal topics only and is never exported.
 *
 * @param language the language notices to this person are written in ({@code es}, {@code en}), when it is known
 *                 (a staff member's {@code locale} in Keycloak); absent from the wire when null, and then the reader
 *                 chooses (a requester's language travels in {@link RequestFiled#language()})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Person(String userId, String name, String email,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String language) {

    /** Someone whose language the event does not say. */
    public Person(String userId, String name, String email) {
        this(userId, name, email, null);
    }
}
