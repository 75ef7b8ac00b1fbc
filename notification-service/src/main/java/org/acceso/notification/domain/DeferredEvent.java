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
 * An event whose notices are not all issued yet, kept with what it waits for. Applying an event's rules again
 * is harmless (a notice is stored once per event, recipient and channel), so a waiting event is simply applied
 * again when the request, its companion or the agency it waits for shows up. A request's waiting events are
 * applied in arrival order, and one waiting for its companion holds back the ones after it.
 */
@Entity
@Table(name = "deferred_event")
public class DeferredEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    /** The event as it arrived (JSON envelope). */
    @Column(nullable = false)
    public String envelope;

    @Column(name = "waiting_for", nullable = false)
    public String waitingFor;

    /** The agency whose catalogue entry it waits for, if that is what it waits for. */
    @Column(name = "waiting_agency")
    public String waitingAgency;

    /** Waits for its companion event: the request's later notices queue behind it. */
    @Column(nullable = false)
    public boolean blocking;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<DeferredEvent> ofRequest(UUID requestId) {
        return list("requestId = ?1 order by id", requestId);
    }

    public static List<UUID> requestsWaitingFor(String agencyCode) {
        return getEntityManager()
                .createQuery("select distinct d.requestId from DeferredEvent d where d.waitingAgency = ?1", UUID.class)
                .setParameter(1, agencyCode)
                .getResultList();
    }

    public void waitFor(String what, String agency, boolean holdsBackLaterNotices) {
        waitingFor = what.length() <= 300 ? what : what.substring(0, 300);
        waitingAgency = agency;
        blocking = holdsBackLaterNotices;
    }
}
