package org.acceso.deadline.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.acceso.contracts.AppealWindowOpened;
import org.acceso.contracts.DeadlineEvent;
import org.acceso.contracts.DeadlineMissed;
import org.acceso.contracts.DeadlineRescheduled;
import org.acceso.contracts.DeadlineScheduled;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One line of how a clock's dates came about: which clock (RESPONSE or APPEAL), the old date, the new one (none
 * while paused or once stopped), the status after, the cause, the legal instrument if any, the detail. Append-only.
 */
@Entity
@Table(name = "due_date_change")
public class DueDateChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(nullable = false)
    public String clock;

    @Column(nullable = false)
    public String status;

    @Column(name = "old_due_on")
    public LocalDate oldDueOn;

    @Column(name = "new_due_on")
    public LocalDate newDueOn;

    @Column(nullable = false)
    public String cause;

    public String instrument;

    public String detail;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    /** The history line an event writes, if it changes a date: scheduling, rescheduling, opening an appeal window. */
    public static Optional<DueDateChange> of(UUID requestId, DeadlineEvent event, Instant at) {
        DueDateChange line = new DueDateChange();
        line.requestId = requestId;
        line.changedAt = at;
        if (event instanceof DeadlineScheduled scheduled) {
            line.set(LegalClock.RESPONSE, "RUNNING", null, scheduled.dueOn(), "FILED", null,
                    "Received on " + scheduled.receivedOn() + "; " + scheduled.responseDays() + " "
                            + scheduled.dayUnit().toLowerCase(java.util.Locale.ROOT) + " days");
        } else if (event instanceof DeadlineRescheduled rescheduled) {
            line.set(rescheduled.clock(), rescheduled.status(), rescheduled.oldDueOn(), rescheduled.newDueOn(),
                    rescheduled.cause(), rescheduled.instrument(), rescheduled.detail());
        } else if (event instanceof AppealWindowOpened opened) {
            line.set(LegalClock.APPEAL, "RUNNING", null, opened.dueOn(), opened.cause(), null,
                    "Appeal window opens on " + opened.opensOn() + ": " + opened.days() + " "
                            + opened.dayUnit().toLowerCase(java.util.Locale.ROOT) + " days");
        } else if (event instanceof DeadlineMissed missed) {
            line.set(LegalClock.RESPONSE, "RUNNING", missed.dueOn(), null, "MISSED", null,
                    "The deadline passed with no answer: deemed denied");
        } else {
            return Optional.empty();
        }
        return Optional.of(line);
    }

    private void set(String clock, String status, LocalDate oldDueOn, LocalDate newDueOn, String cause, String instrument,
                     String detail) {
        this.clock = clock;
        this.status = status;
        this.oldDueOn = oldDueOn;
        this.newDueOn = newDueOn;
        this.cause = cause;
        this.instrument = instrument;
        this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000);
    }

    public static List<DueDateChange> of(UUID requestId) {
        return list("requestId = ?1 order by id", requestId);
    }
}
