package org.acceso.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A clerk extended the response deadline, with written reasons, before it expired. deadline-service
 * computes the new due date and announces it with {@link DeadlineRescheduled}.
 *
 * @param dueAtWhenGranted the deadline in force when the extension was granted (it had not passed)
 */
@EventType("ExtensionGranted")
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExtensionGranted(
        String trackingNumber,
        String agencyCode,
        String reason,
        OffsetDateTime dueAtWhenGranted,
        Instant grantedAt) implements RequestEvent {
}
