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
import java.util.UUID;

/** One line of a request's history: who did what, in which role, when and why. Append-only. */
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
    @Column(nullable = false)
    public RequestStatus status;

    @Column(nullable = false)
    public String actor;

    @Column(nullable = false)
    public String role;

    public String reason;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    public static RequestHistory record(InformationRequest request, String action, String actor, String role,
                                        String reason, Instant at) {
        RequestHistory line = new RequestHistory();
        line.requestId = request.id;
        line.action = action;
        line.status = request.status;
        line.actor = actor;
        line.role = role;
        line.reason = reason;
        line.occurredAt = at;
        line.persist();
        return line;
    }
}
