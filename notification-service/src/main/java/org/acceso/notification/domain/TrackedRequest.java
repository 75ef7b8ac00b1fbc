package org.acceso.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What this service knows of a request, assembled from the events of two topics in whichever
 * order they arrive. The receipt can be written once both halves are here.
 */
@Entity
@Table(name = "tracked_request")
public class TrackedRequest extends PanacheEntityBase {

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "tracking_number")
    public String trackingNumber;

    public String subject;

    public String language;

    @Column(name = "recipient_name")
    public String recipientName;

    @Column(name = "recipient_email")
    public String recipientEmail;

    @Column(name = "filed_at")
    public Instant filedAt;

    @Column(name = "due_on")
    public LocalDate dueOn;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "response_days")
    public Integer responseDays;

    public String zone;

    @Column(name = "deadline_event_id")
    public UUID deadlineEventId;

    /** Whether the requester's contact (from RequestFiled) and the due date (from DeadlineScheduled) are both known. */
    public boolean readyForReceipt() {
        return recipientEmail != null && dueOn != null && deadlineEventId != null;
    }
}
