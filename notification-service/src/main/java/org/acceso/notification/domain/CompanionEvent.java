package org.acceso.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A deadline event that completes a notice begun by a request event (the receipt's due date, the extension's
 * new date, the answer's appeal deadline), kept until that request event claims it. A request's companions of
 * one type are claimed in the order they arrived, so the n-th extension gets the n-th new date.
 */
@Entity
@Table(name = "companion_event")
public class CompanionEvent extends PanacheEntityBase {

    @Id
    @Column(name = "event_id")
    public UUID eventId;

    /** Arrival order. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    /** The event's wire type. */
    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String envelope;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    /** The request event it completes, once claimed. */
    @Column(name = "claimed_by")
    public UUID claimedBy;

    public static List<CompanionEvent> unclaimed(UUID requestId, String type) {
        return list("requestId = ?1 and type = ?2 and claimedBy is null order by seq", requestId, type);
    }

    public static CompanionEvent claimedBy(UUID requestId, String type, UUID primaryEventId) {
        return find("requestId = ?1 and type = ?2 and claimedBy = ?3", requestId, type, primaryEventId).firstResult();
    }
}
