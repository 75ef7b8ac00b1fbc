package org.acceso.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A notice kept for its recipient's daily digest instead of an e-mail of its own (a coordinator who chose the digest):
 * its subject as written in the recipient's language, until the digest that carries it is stored.
 */
@Entity
@Table(name = "digest_entry")
public class DigestEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "event_id", nullable = false)
    private UUID eventId;

    @Column(name = "recipient_user_id", nullable = false)
    private String recipientUserId;

    @Column(name = "recipient_email", nullable = false)
    private String recipientEmail;

    @Column(name = "recipient_name")
    private String recipientName;

    @Column(nullable = false)
    private String language;

    @Column(nullable = false)
    private String kind;

    @Column(name = "request_id")
    private UUID requestId;

    @Column(name = "tracking_number")
    private String trackingNumber;

    @Column(nullable = false)
    private String subject;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "digested_in")
    private Long digestedIn;

    protected DigestEntry() {
    }

    /** Keeps a notice for the recipient's next digest, once per event and recipient. */
    public static void keep(UUID eventId, String userId, String email, String name, String language, String kind,
                            UUID requestId, String trackingNumber, String subject, Instant now) {
        if (count("eventId = ?1 and recipientUserId = ?2", eventId, userId) > 0) {
            return;
        }
        DigestEntry entry = new DigestEntry();
        entry.eventId = eventId;
        entry.recipientUserId = userId;
        entry.recipientEmail = email;
        entry.recipientName = name;
        entry.language = language;
        entry.kind = kind;
        entry.requestId = requestId;
        entry.trackingNumber = trackingNumber;
        entry.subject = subject.length() <= 300 ? subject : subject.substring(0, 299) + "…";
        entry.createdAt = now;
        entry.persist();
    }

    /** The recipients with entries no digest carried yet, and their entries in the order they were kept. */
    public static List<DigestEntry> waiting() {
        return list("digestedIn is null order by recipientUserId, id");
    }

    /** The digest notification {@code notificationId} carries this entry. */
    public void carriedBy(long notificationId) {
        digestedIn = notificationId;
    }

    public String recipientUserId() {
        return recipientUserId;
    }

    public String recipientEmail() {
        return recipientEmail;
    }

    public String recipientName() {
        return recipientName;
    }

    public String language() {
        return language;
    }

    public String subject() {
        return subject;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
