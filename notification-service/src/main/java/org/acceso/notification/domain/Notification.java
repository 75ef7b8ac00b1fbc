package org.acceso.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A notice to one recipient on one channel, rendered and stored before it is sent, unique per
 * (event, recipient, channel). An e-mail is retried with backoff and ends SENT or FAILED; an in-app
 * notice is SENT when stored and may be marked read by its recipient.
 */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The event that caused it (for a digest: a name-based id of the digest, agency and day). */
    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    /** An e-mail address for EMAIL, the user id ({@code sub}) for IN_APP. */
    @Column(nullable = false)
    public String recipient;

    @Column(name = "recipient_user_id")
    public String recipientUserId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    /** Null for a digest. */
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "tracking_number")
    public String trackingNumber;

    /** The template's kind, e.g. {@code receipt}. */
    @Column(nullable = false)
    public String kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Category category;

    /** Legally significant: sent whatever the recipient's preferences. */
    @Column(nullable = false)
    public boolean legal;

    @Column(nullable = false)
    public String language;

    @Column(nullable = false)
    public String subject;

    /** The plain-text part (and the text of the in-app notice). */
    @Column(nullable = false)
    public String body;

    @Column(name = "html_body")
    public String htmlBody;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NotificationStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "read_at")
    public Instant readAt;

    /** Stored now: an e-mail waits for the sender (PENDING, due at once); an in-app notice is delivered by being stored. */
    public void created(Instant now) {
        createdAt = now;
        nextAttemptAt = now;
        status = channel == Channel.EMAIL ? NotificationStatus.PENDING : NotificationStatus.SENT;
        sentAt = channel == Channel.EMAIL ? null : now;
    }

    /** A sender claimed it: no other run takes it before {@code until} (a crashed sender's claim runs out then). */
    public void leasedUntil(Instant until) {
        nextAttemptAt = until;
    }

    /** Claimed e-mails a run did not try: due again at once, for the next run. Returns how many were still pending. */
    public static int giveBack(List<Long> ids, Instant now) {
        return ids.isEmpty() ? 0 : update("nextAttemptAt = ?1 where id in ?2 and status = ?3", now, ids, NotificationStatus.PENDING);
    }

    /** The mail server accepted it. Marking it twice (a commit retried after it had in fact landed) changes nothing. */
    public void sent(Instant at) {
        if (status == NotificationStatus.SENT) {
            return;
        }
        attempts++;
        status = NotificationStatus.SENT;
        sentAt = at;
        lastError = null;
    }

    /** Records a failed attempt: retried after {@code backoff}, or FAILED once {@code maxAttempts} are spent. */
    public void failed(String error, Instant at, Duration backoff, int maxAttempts) {
        attempts++;
        lastError = error == null ? "unknown error" : error.length() <= 1000 ? error : error.substring(0, 1000);
        if (attempts >= maxAttempts) {
            status = NotificationStatus.FAILED;
        } else {
            nextAttemptAt = at.plus(backoff);
        }
    }

    /** An admin sends a FAILED e-mail again: a fresh series of attempts, starting now. */
    public void retry(Instant now) {
        if (status != NotificationStatus.FAILED) {
            throw new IllegalStateException("Only a FAILED notice can be retried; this one is " + status);
        }
        status = NotificationStatus.PENDING;
        attempts = 0;
        nextAttemptAt = now;
    }

    /** The recipient saw it in the feed; the first time counts. */
    public void read(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }
}
