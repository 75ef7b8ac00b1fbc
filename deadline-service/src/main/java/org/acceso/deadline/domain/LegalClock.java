package org.acceso.deadline.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The legal clock of one request: when it was received and when the answer is due. */
@Entity
@Table(name = "legal_clock")
public class LegalClock extends PanacheEntityBase {

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "tracking_number", nullable = false)
    public String trackingNumber;

    @Column(nullable = false)
    public String jurisdiction;

    @Column(name = "filed_at", nullable = false)
    public Instant filedAt;

    @Column(name = "received_on", nullable = false)
    public LocalDate receivedOn;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    @Column(name = "due_at", nullable = false)
    public Instant dueAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ClockStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Starts a clock with the schedule computed for the filing; records the first due date. */
    public static LegalClock start(UUID requestId, String trackingNumber, String jurisdiction, Instant filedAt,
                                   Deadline deadline, Instant now) {
        LegalClock clock = new LegalClock();
        clock.requestId = requestId;
        clock.trackingNumber = trackingNumber;
        clock.jurisdiction = jurisdiction;
        clock.filedAt = filedAt;
        clock.receivedOn = deadline.receivedOn();
        clock.dueOn = deadline.dueOn();
        clock.dueAt = deadline.dueAt().toInstant();
        clock.status = ClockStatus.RUNNING;
        clock.createdAt = now;
        clock.persist();
        DueDateChange.record(clock, null, "Request filed; received on " + deadline.receivedOn(), now);
        return clock;
    }
}
