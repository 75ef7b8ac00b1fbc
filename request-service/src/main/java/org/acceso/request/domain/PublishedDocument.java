package org.acceso.request.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The redacted copy of a document, released to the public register: a row of its own (the original the requester
 * received is never changed). Only the copies of a request's current publication are served; publishing again or
 * withdrawing retires them ({@link #retireAll}).
 */
@Entity
@Table(name = "published_document")
public class PublishedDocument extends PanacheEntityBase {

    @Id
    private UUID id;

    @Column(name = "request_id", nullable = false)
    private UUID requestId;

    @Column(name = "source_document_id", nullable = false)
    private UUID sourceDocumentId;

    @Column(nullable = false)
    private String name;

    @Column(name = "media_type", nullable = false)
    private String mediaType;

    @Column(nullable = false)
    private long size;

    @Column(nullable = false)
    private String sha256;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    private byte[] content;

    @Column(nullable = false)
    private int redactions;

    @Column(nullable = false)
    private boolean served;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    public static PublishedDocument create(UUID requestId, UUID sourceDocumentId, String name, String mediaType,
                                           byte[] content, String sha256, int redactions, Instant at) {
        PublishedDocument document = new PublishedDocument();
        document.id = UUID.randomUUID();
        document.requestId = requestId;
        document.sourceDocumentId = sourceDocumentId;
        document.name = name;
        document.mediaType = mediaType;
        document.size = content.length;
        document.sha256 = sha256;
        document.content = content;
        document.redactions = redactions;
        document.served = true;
        document.createdAt = at;
        document.persist();
        return document;
    }

    /** The request's current public copies. */
    public static List<PublishedDocument> currentOf(UUID requestId) {
        return list("requestId = ?1 and served = true order by createdAt, id", requestId);
    }

    /** A current public copy of the request, by id. */
    public static Optional<PublishedDocument> current(UUID requestId, UUID id) {
        return PublishedDocument.<PublishedDocument>findByIdOptional(id)
                .filter(d -> d.served && d.requestId.equals(requestId));
    }

    /** The request's public copies are no longer served (a new publication or a withdrawal). */
    public static void retireAll(UUID requestId) {
        update("served = false where requestId = ?1 and served = true", requestId);
    }

    public UUID id() {
        return id;
    }

    public UUID sourceDocumentId() {
        return sourceDocumentId;
    }

    public String name() {
        return name;
    }

    public String mediaType() {
        return mediaType;
    }

    public long size() {
        return size;
    }

    public String sha256() {
        return sha256;
    }

    public byte[] content() {
        return content;
    }

    public int redactions() {
        return redactions;
    }
}
