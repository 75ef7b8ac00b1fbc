package org.acceso.notification.domain;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import org.acceso.contracts.AccesoEvent;
import org.acceso.contracts.AgencyEvent;
import org.acceso.contracts.AppealFiled;
import org.acceso.contracts.AppealResolved;
import org.acceso.contracts.AppealWindowClosed;
import org.acceso.contracts.AppealWindowOpened;
import org.acceso.contracts.ClarificationProvided;
import org.acceso.contracts.ClarificationRequested;
import org.acceso.contracts.DeadlineApproaching;
import org.acceso.contracts.DeadlineEvent;
import org.acceso.contracts.DeadlineMissed;
import org.acceso.contracts.DeadlineRescheduled;
import org.acceso.contracts.DeadlineScheduled;
import org.acceso.contracts.DeadlineVeryOverdue;
import org.acceso.contracts.ExtensionGranted;
import org.acceso.contracts.Person;
import org.acceso.contracts.RequestAnswered;
import org.acceso.contracts.RequestAssigned;
import org.acceso.contracts.RequestDeemedDenied;
import org.acceso.contracts.RequestEvent;
import org.acceso.contracts.RequestFiled;
import org.acceso.contracts.RequestReferred;
import org.acceso.contracts.RequestWithdrawn;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What this service knows of a request, learned from the events of both topics in whichever order they
 * arrive: who filed it and how to reach them, which agency and clerk hold it, where its clocks stand. The
 * notices read their recipients from here and the digests count from here. Only {@link #apply} changes it.
 */
@Entity
@Table(name = "tracked_request")
public class TrackedRequest extends PanacheEntityBase {

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    /** Whether RequestFiled was seen: until then the requester is unknown (not absent). */
    @Column(nullable = false)
    public boolean filed;

    @Column(nullable = false)
    public boolean imported;

    @Column(name = "tracking_number")
    public String trackingNumber;

    public String subject;

    public String language;

    @Column(name = "requester_user_id")
    public String requesterUserId;

    @Column(name = "recipient_name")
    public String recipientName;

    @Column(name = "recipient_email")
    public String recipientEmail;

    @Column(name = "filed_at")
    public Instant filedAt;

    @Column(name = "agency_code")
    public String agencyCode;

    @Column(name = "assignee_user_id")
    public String assigneeUserId;

    @Column(name = "assignee_name")
    public String assigneeName;

    @Column(name = "assignee_email")
    public String assigneeEmail;

    /** The assigned clerk's language, as RequestAssigned said (null: not said). */
    @Column(name = "assignee_language")
    public String assigneeLanguage;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RequestState state = RequestState.OPEN;

    /** RUNNING, PAUSED or STOPPED, as deadline-service last said. */
    @Column(name = "clock_status")
    public String clockStatus;

    /** The response deadline in force; null while the clock is paused. */
    @Column(name = "due_on")
    public LocalDate dueOn;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "response_days")
    public Integer responseDays;

    @Column(name = "day_unit")
    public String dayUnit;

    public String zone;

    @Column(name = "appeal_due_on")
    public LocalDate appealDueOn;

    @Column(name = "appeal_due_at")
    public Instant appealDueAt;

    /** The request's row, locked until the transaction ends; created empty when no event of it was seen yet. */
    public static TrackedRequest lock(UUID requestId) {
        Panache.getEntityManager()
                .createNativeQuery("INSERT INTO tracked_request (request_id) VALUES (?1) ON CONFLICT DO NOTHING")
                .setParameter(1, requestId)
                .executeUpdate();
        return Panache.getEntityManager().find(TrackedRequest.class, requestId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Learns what an event says about the request. The one place that reads every event type of both families. */
    public void apply(AccesoEvent event) {
        if (event instanceof RequestEvent requestEvent) {
            learn(requestEvent);
        } else if (event instanceof DeadlineEvent deadlineEvent) {
            learn(deadlineEvent);
        } else if (event instanceof AgencyEvent) {
            throw new IllegalArgumentException("Agency events are not about a request");
        }
    }

    private void learn(RequestEvent event) {
        if (trackingNumber == null) {
            trackingNumber = event.trackingNumber();
        }
        if (event.agencyCode() != null) {
            agencyCode = event.agencyCode();
        }
        if (event instanceof RequestFiled f) {
            filed = true;
            imported = f.imported();
            trackingNumber = f.trackingNumber();
            subject = f.subject();
            language = f.language();
            filedAt = f.filedAt();
            Person requester = f.requester();
            if (requester != null) {
                requesterUserId = requester.userId();
                recipientName = requester.name();
                recipientEmail = requester.email();
            }
        } else if (event instanceof RequestAssigned a) {
            assign(a.assignee());
        } else if (event instanceof RequestReferred r) {
            assign(null); // it waits in the new agency's inbox, or it left the body
            if (r.agencyCode() == null) {
                state = RequestState.CLOSED;
            }
        } else if (event instanceof RequestAnswered || event instanceof RequestWithdrawn
                || event instanceof AppealResolved) {
            state = RequestState.CLOSED;
        } else if (event instanceof RequestDeemedDenied) {
            overdue();
        } else if (event instanceof ClarificationRequested || event instanceof ClarificationProvided
                || event instanceof ExtensionGranted || event instanceof AppealFiled) {
            // the clock's side of these comes from deadline-service
        }
    }

    private void learn(DeadlineEvent event) {
        if (trackingNumber == null) {
            trackingNumber = event.trackingNumber();
        }
        if (event instanceof DeadlineScheduled s) {
            dueOn = s.dueOn();
            dueAt = instant(s.dueAt());
            responseDays = s.responseDays();
            dayUnit = s.dayUnit();
            zone = s.zone();
            clockStatus = "RUNNING";
            if (filedAt == null) {
                filedAt = s.filedAt();
            }
        } else if (event instanceof DeadlineRescheduled r) {
            if ("APPEAL".equals(r.clock())) {
                if (r.newDueOn() != null) {
                    appealDueOn = r.newDueOn();
                    appealDueAt = instant(r.newDueAt());
                }
            } else {
                clockStatus = r.status();
                if (r.newDueOn() != null) {
                    dueOn = r.newDueOn();
                    dueAt = instant(r.newDueAt());
                } else if ("PAUSED".equals(r.status())) {
                    dueOn = null;
                    dueAt = null;
                }
            }
        } else if (event instanceof DeadlineApproaching a) {
            dueOn = a.dueOn();
            dueAt = instant(a.dueAt());
        } else if (event instanceof DeadlineMissed m) {
            overdue();
            appealDueOn = m.appealDueOn();
            appealDueAt = instant(m.appealDueAt());
        } else if (event instanceof DeadlineVeryOverdue) {
            overdue();
        } else if (event instanceof AppealWindowOpened w) {
            appealDueOn = w.dueOn();
            appealDueAt = instant(w.dueAt());
        } else if (event instanceof AppealWindowClosed) {
            if (state == RequestState.OVERDUE) {
                state = RequestState.CLOSED; // silence never appealed: no longer anyone's to-do
            }
        }
    }

    /**
     * The requester's data gave way to {@code pseudonym} (Law 25.326): nobody is written to about this request any
     * more, the pseudonym stands for the requester, also where the subject quoted one of {@code data}.
     */
    public void forgetRequester(String pseudonym, java.util.List<String> data) {
        for (String datum : data) {
            subject = subject == null ? null : subject.replace(datum, pseudonym);
        }
        if (subject != null && subject.length() > 200) {
            subject = subject.substring(0, 200);
        }
        recipientName = pseudonym;
        recipientEmail = null;
        requesterUserId = null;
    }

    private void assign(Person assignee) {
        assigneeUserId = assignee == null ? null : assignee.userId();
        assigneeName = assignee == null ? null : assignee.name();
        assigneeEmail = assignee == null ? null : assignee.email();
        assigneeLanguage = assignee == null ? null : assignee.language();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private void overdue() {
        if (state == RequestState.OPEN) {
            state = RequestState.OVERDUE;
        }
    }
}
