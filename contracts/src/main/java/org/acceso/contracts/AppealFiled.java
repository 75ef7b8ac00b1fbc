package org.acceso.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;

/**
 * The requester appealed (reclamo) a denial, a partial grant or a silence.
 *
 * @param against {@code DENIED}, {@code PARTIALLY_GRANTED} or {@code DEEMED_DENIED}
 */
@EventType("AppealFiled")
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppealFiled(
        String trackingNumber,
        String agencyCode,
        String against,
        String reason,
        Instant appealedAt) implements RequestEvent {
}
