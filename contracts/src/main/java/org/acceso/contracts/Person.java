package org.acceso.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Someone an event concerns: the identity provider's stable user id ({@code sub}), a display name and
 * where notices go. Personal data: it travels on internal topics only and is never exported.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Person(String userId, String name, String email) {
}
