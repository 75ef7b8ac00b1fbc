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
import java.util.UUID;

/**
 * A document attached to a request: released with an answer, or sent by the requester. The bytes live in PostgreSQL
 * ({@code bytea}) next to the request, so a document and the move that cites it commit and back up together; the
 * SHA-256 taken on upload is checked again on every download.
 */
@Entity
@Table(name = "request_document")
public class RequestDocument extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(nullable = false)
    public String name;

    @Column(name = "media_type", nullable = false)
    public String mediaType;

    @Column(nullable = false)
    public long size;

    @Column(nullable = false)
    public String sha256;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false)
    public byte[] content;

    @Column(name = "uploaded_by", nullable = false)
    public String uploadedBy;

    @Column(name = "uploader_role", nullable = false)
    public String uploaderRole;

    @Column(name = "uploaded_at", nullable = false)
    public Instant uploadedAt;

    /** Set when an answer releases this document. */
    @Column(name = "released_at")
    public Instant releasedAt;

    public static List<RequestDocument> of(UUID requestId) {
        return list("requestId = ?1 order by uploadedAt, id", requestId);
    }
}
