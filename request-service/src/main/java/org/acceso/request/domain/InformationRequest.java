package org.acceso.request.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A request for public information. State changes only through intention-revealing methods that
 * refuse illegal moves; every change is recorded in {@link RequestHistory}.
 */
@Entity
@Table(name = "information_request")
public class InformationRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tracking_number", nullable = false, unique = true)
    public String trackingNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RequestStatus status;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String description;

    @Column(name = "agency_code")
    public String agencyCode;

    @Column(nullable = false)
    public String language;

    @Column(name = "requester_subject", nullable = false)
    public String requesterSubject;

    @Column(name = "requester_name")
    public String requesterName;

    @Column(name = "contact_email", nullable = false)
    public String contactEmail;

    @Column(name = "filed_at", nullable = false)
    public Instant filedAt;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "deadline_updated_at")
    public Instant deadlineUpdatedAt;

    @Version
    public long version;

    /** A new request, RECEIVED at {@code filedAt}. */
    public static InformationRequest file(UUID id, String trackingNumber, Requester requester, String contactEmail,
                                          String subject, String description, String agencyCode, Language language,
                                          Instant filedAt) {
        InformationRequest request = new InformationRequest();
        request.id = id;
        request.trackingNumber = trackingNumber;
        request.status = RequestStatus.RECEIVED;
        request.subject = subject;
        request.description = description;
        request.agencyCode = agencyCode;
        request.language = language.code();
        request.requesterSubject = requester.subject();
        request.requesterName = requester.name();
        request.contactEmail = contactEmail;
        request.filedAt = filedAt;
        return request;
    }

    public boolean isFiledBy(String subject) {
        return requesterSubject.equals(subject);
    }

    /**
     * Shows the legal due date the deadline service computed. A notice older than the one already
     * applied is ignored, so redelivered or reordered events never move the date back.
     */
    public boolean showDeadline(LocalDate dueOn, Instant dueAt, Instant decidedAt) {
        if (deadlineUpdatedAt != null && decidedAt.isBefore(deadlineUpdatedAt)) {
            return false;
        }
        this.dueOn = dueOn;
        this.dueAt = dueAt;
        this.deadlineUpdatedAt = decidedAt;
        return true;
    }

    public static List<InformationRequest> filedBy(String requesterSubject) {
        return list("requesterSubject = ?1 order by filedAt desc", requesterSubject);
    }
}
