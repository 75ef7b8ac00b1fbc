package org.acceso.request.rest;

import org.acceso.request.domain.InformationRequest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A request as its requester sees it. {@code dueOn}/{@code dueAt} are null until the legal clock
 * has been scheduled; {@code dueAt} carries the jurisdiction's offset.
 */
public record RequestView(
        UUID id,
        String trackingNumber,
        String status,
        String subject,
        String description,
        String agencyCode,
        String language,
        String contactEmail,
        Instant filedAt,
        LocalDate dueOn,
        OffsetDateTime dueAt) {

    static RequestView of(InformationRequest request, ZoneId zone) {
        return new RequestView(request.id, request.trackingNumber, request.status.name(), request.subject,
                request.description, request.agencyCode, request.language, request.contactEmail, request.filedAt,
                request.dueOn, request.dueAt == null ? null : request.dueAt.atZone(zone).toOffsetDateTime());
    }
}
