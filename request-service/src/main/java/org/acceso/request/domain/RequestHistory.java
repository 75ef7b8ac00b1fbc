package org.acceso.request.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One line of a request's official record: who (user id, name, role) did what, from which status to which, when and
 * why. Append-only: written in the transaction of the change it records.
 */
@Entity
@Table(name = "request_history")
public class RequestHistory extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(nullable = false)
    public String action;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public RequestStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RequestStatus status;

    @Column(nullable = false)
    public String actor;

    @Column(name = "actor_name")
    public String actorName;

    @Column(nullable = false)
    public String role;

    @Column(name = "agency_code")
    public String agencyCode;

    public String reason;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** Records what {@code actor}, acting as {@code role}, just did to {@code request} (already in its new state). */
    public static RequestHistory record(InformationRequest request, String action, RequestStatus from, Actor actor,
                                        Role role, String reason, Instant at) {
        RequestHistory line = new RequestHistory();
        line.requestId = request.id;
        line.action = action;
        line.fromStatus = from;
        line.status = request.status();
        line.actor = actor.userId();
        line.actorName = actor.name();
        line.role = role.tokenName();
        line.agencyCode = request.agencyCode;
        line.reason = reason;
        line.occurredAt = at;
        line.persist();
        return line;
    }

    public static List<RequestHistory> of(UUID requestId) {
        return list("requestId = ?1 order by id", requestId);
    }
}
