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
import java.util.UUID;

/**
 * A message to one recipient on one channel, rendered and stored before it is sent, unique per
 * (event, recipient, channel). Sending retries with backoff and ends SENT or FAILED.
 */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    public static final String EMAIL = "EMAIL";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(nullable = false)
    public String recipient;

    @Column(nullable = false)
    public String channel;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String language;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String body;

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

    public void sent(Instant at) {
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
}
