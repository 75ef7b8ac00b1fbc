package org.acceso.deadline.domain;

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
 * A request event that arrived before the clock it applies to (out of order, e.g. replayed from a dead-letter
 * topic): kept here and applied, in arrival order, as soon as the clock starts. Nothing is lost.
 */
@Entity
@Table(name = "pending_request_event")
public class PendingRequestEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(nullable = false)
    public String type;

    /** The whole envelope as it arrived. */
    @Column(nullable = false)
    public String envelope;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    public static List<PendingRequestEvent> of(UUID requestId) {
        return list("requestId = ?1 order by seq", requestId);
    }
}
