package org.acceso.register.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import org.acceso.contracts.RequestPublished;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One published request, whole, as the clerk approved it: a later {@link RequestPublished} of the same request
 * replaces it ({@link #replaceWith}), a withdrawal deletes it. It holds nothing the event does not carry, and the
 * event carries no requester, so neither does this.
 */
@Entity
@Table(name = "publication")
public class Publication extends PanacheEntityBase {

    @Id
    @Column(name = "request_id")
    private UUID requestId;

    @Column(name = "tracking_number")
    private String trackingNumber;

    @Column(name = "agency_code")
    private String agencyCode;

    @Column(name = "agency_name")
    private String agencyName;

    private String subject;
    private String question;
    private String answer;
    private String outcome;

    @JdbcTypeCode(SqlTypes.JSON)
    private List<Ground> grounds;

    @Column(name = "filed_at")
    private Instant filedAt;

    @Column(name = "filed_on")
    private LocalDate filedOn;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "due_on")
    private LocalDate dueOn;

    @Column(name = "on_time")
    private boolean onTime;

    private boolean extended;

    @Column(name = "embargo_until")
    private LocalDate embargoUntil;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "stored_at")
    private Instant storedAt;

    @OneToMany(mappedBy = "publication", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<PublicDocument> documents = new ArrayList<>();

    protected Publication() {
    }

    /** A request published for the first time. */
    public static Publication of(UUID requestId, RequestPublished event, Instant publishedAt, ZoneId zone, Instant now) {
        Publication publication = new Publication();
        publication.requestId = requestId;
        publication.replaceWith(event, publishedAt, zone, now);
        return publication;
    }

    /**
     * Takes the newer approval whole. A document kept with the same bytes (same id and checksum) keeps its copy;
     * returns the ids of documents whose copy must be fetched again (their bytes changed).
     */
    public Set<UUID> replaceWith(RequestPublished event, Instant publishedAt, ZoneId zone, Instant now) {
        trackingNumber = event.trackingNumber();
        agencyCode = event.agencyCode();
        agencyName = event.agencyName() == null || event.agencyName().isBlank() ? event.agencyCode() : event.agencyName();
        subject = event.subject();
        question = event.question();
        answer = event.answer() == null ? "" : event.answer();
        outcome = event.outcome();
        grounds = event.grounds() == null ? List.of() : event.grounds().stream().filter(Objects::nonNull)
                .map(g -> new Ground(g.code(), g.reference(), g.name(), g.nameEn())).toList();
        filedAt = event.filedAt();
        filedOn = LocalDate.ofInstant(event.filedAt(), zone);
        answeredAt = event.answeredAt();
        dueOn = event.dueOn();
        onTime = event.onTime();
        extended = event.extended();
        embargoUntil = event.embargoUntil();
        this.publishedAt = publishedAt;
        storedAt = now;

        Map<UUID, PublicDocument> before = new HashMap<>();
        documents.forEach(document -> before.put(document.id(), document));
        List<PublicDocument> after = new ArrayList<>();
        Set<UUID> refetch = new HashSet<>();
        List<RequestPublished.Document> published = event.documents() == null ? List.of() : event.documents();
        for (int position = 0; position < published.size(); position++) {
            RequestPublished.Document document = published.get(position);
            PublicDocument kept = before.remove(document.id());
            if (kept == null) {
                after.add(PublicDocument.toCopy(this, position, document, now));
            } else {
                if (kept.replaceWith(position, document, now)) {
                    refetch.add(kept.id());
                }
                after.add(kept);
            }
        }
        documents.clear();
        documents.addAll(after);
        return refetch;
    }

    /** Whether this approval is newer than {@code other} (an older event arriving late changes nothing). */
    public boolean publishedAfter(Instant other) {
        return publishedAt.isAfter(other);
    }

    public UUID requestId() {
        return requestId;
    }

    public String trackingNumber() {
        return trackingNumber;
    }

    public List<PublicDocument> documents() {
        return List.copyOf(documents);
    }
}
