package org.acceso.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A clerk (or a coordinator) approved a request for the public register: what the public may read, whole (a later
 * {@code RequestPublished} of the same request replaces it). Every text is the redacted copy the clerk approved
 * (each removed personal datum reads {@code [dato personal]}); nothing here names the requester.
 *
 * @param agencyName   the agency's name at publication, so the register needs no other source
 * @param outcome      {@code GRANTED}, {@code PARTIALLY_GRANTED}, {@code DENIED}, {@code NOT_HELD} or
 *                     {@code DEEMED_DENIED} (no answer within the legal term)
 * @param grounds      the exemption grounds cited, in plain words
 * @param filedAt      when the request was received (its legal clock's start)
 * @param answeredAt   when it was answered or deemed denied
 * @param dueOn        the last day of the legal term in force when it was answered (extension included)
 * @param onTime       whether the answer came within that term
 * @param extended     whether the term was extended
 * @param documents    the redacted copies released to the public; their bytes are fetched from request-service's
 *                     internal route by id, and checked against {@code sha256}
 * @param embargoUntil the first day the register shows it; null to show it at once
 */
@EventType("RequestPublished")
@JsonIgnoreProperties(ignoreUnknown = true)
public record RequestPublished(
        String trackingNumber,
        String agencyCode,
        String agencyName,
        String subject,
        String question,
        String answer,
        String outcome,
        List<Ground> grounds,
        Instant filedAt,
        Instant answeredAt,
        LocalDate dueOn,
        boolean onTime,
        boolean extended,
        List<Document> documents,
        LocalDate embargoUntil,
        Instant publishedAt) implements PublicationEvent {

    /** An exemption ground in plain words: its code, the law's reference, its name in Spanish and English. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Ground(String code, String reference, String name, String nameEn) {
    }

    /** A public document: the redacted copy's metadata. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Document(UUID id, String fileName, String mediaType, long size, String sha256) {
    }
}
