package org.acceso.register.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.acceso.contracts.RequestPublished;

import java.time.Instant;
import java.util.UUID;

/**
 * A public document of a publication: the redacted copy's metadata as the event gave it, and whether the register
 * holds its own copy of the bytes yet ({@code stored_at}; the bytes are in {@code public_document_part}). Until then
 * it is not listed: what the register lists, it can serve.
 */
@Entity
@Table(name = "public_document")
public class PublicDocument extends PanacheEntityBase {

    @Id
    private UUID id;

    @ManyToOne
    @JoinColumn(name = "request_id")
    private Publication publication;

    private int position;

    @Column(name = "file_name")
    private String fileName;

    @Column(name = "media_type")
    private String mediaType;

    private long size;

    private String sha256;

    @Column(name = "stored_at")
    private Instant storedAt;

    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    protected PublicDocument() {
    }

    static PublicDocument toCopy(Publication publication, int position, RequestPublished.Document document, Instant now) {
        PublicDocument copy = new PublicDocument();
        copy.id = document.id();
        copy.publication = publication;
        copy.replaceWith(position, document, now);
        copy.toFetch(now);
        return copy;
    }

    /** Takes the newer metadata; true when the bytes changed (another checksum), so the copy must be fetched again. */
    boolean replaceWith(int position, RequestPublished.Document document, Instant now) {
        this.position = position;
        fileName = document.fileName();
        mediaType = document.mediaType();
        boolean changed = sha256 != null && !sha256.equalsIgnoreCase(document.sha256());
        size = document.size();
        sha256 = document.sha256().toLowerCase(java.util.Locale.ROOT);
        if (changed) {
            toFetch(now);
        }
        return changed;
    }

    private void toFetch(Instant now) {
        storedAt = null;
        attempts = 0;
        nextAttemptAt = now;
        lastError = null;
    }

    public UUID id() {
        return id;
    }
}
