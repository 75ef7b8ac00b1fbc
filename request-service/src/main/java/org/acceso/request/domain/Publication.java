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
import java.util.Optional;
import java.util.UUID;

/**
 * What a clerk (or a coordinator) approved of a request for the public register: the redacted subject, question and
 * answer, and an optional embargo. One per request; publishing again replaces the texts, withdrawing keeps the row
 * (the register forgets it; the reason stays in the request's history). Changed only through {@link #publish} and
 * {@link #withdraw}.
 */
@Entity
@Table(name = "publication")
public class Publication extends PanacheEntityBase {

    public enum Status { PUBLISHED, WITHDRAWN }

    @Id
    @Column(name = "request_id")
    private UUID requestId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(nullable = false)
    private String subject;

    @Column(nullable = false)
    private String question;

    private String answer;

    @Column(name = "embargo_until")
    private LocalDate embargoUntil;

    @Column(name = "published_at", nullable = false)
    private Instant publishedAt;

    @Column(name = "published_by", nullable = false)
    private String publishedBy;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    @Column(name = "withdrawn_by")
    private String withdrawnBy;

    @Column(name = "withdrawal_reason")
    private String withdrawalReason;

    @Version
    private long version;

    /** Publishes (or publishes again) {@code requestId} with these approved texts. */
    public static Publication publish(UUID requestId, String subject, String question, String answer,
                                      LocalDate embargoUntil, String by, Instant at) {
        Publication publication = Publication.<Publication>findByIdOptional(requestId).orElseGet(() -> {
            Publication created = new Publication();
            created.requestId = requestId;
            return created;
        });
        publication.status = Status.PUBLISHED;
        publication.subject = subject;
        publication.question = question;
        publication.answer = answer;
        publication.embargoUntil = embargoUntil;
        publication.publishedAt = at;
        publication.publishedBy = by;
        publication.withdrawnAt = null;
        publication.withdrawnBy = null;
        publication.withdrawalReason = null;
        publication.persist();
        return publication;
    }

    /** Takes it off the register. */
    public void withdraw(String reason, String by, Instant at) {
        if (status != Status.PUBLISHED) {
            throw new RuleViolation("The publication of this request was already withdrawn");
        }
        status = Status.WITHDRAWN;
        withdrawnAt = at;
        withdrawnBy = by;
        withdrawalReason = reason;
    }

    public static Optional<Publication> of(UUID requestId) {
        return findByIdOptional(requestId);
    }

    public boolean isPublished() {
        return status == Status.PUBLISHED;
    }

    public UUID requestId() {
        return requestId;
    }

    public Status status() {
        return status;
    }

    public String subject() {
        return subject;
    }

    public String question() {
        return question;
    }

    public String answer() {
        return answer;
    }

    public LocalDate embargoUntil() {
        return embargoUntil;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public Instant withdrawnAt() {
        return withdrawnAt;
    }

    public String withdrawalReason() {
        return withdrawalReason;
    }
}
