package org.acceso.deadline.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One step in how a due date came about: the old date, the new one and why. Append-only. */
@Entity
@Table(name = "due_date_change")
public class DueDateChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "request_id", nullable = false)
    public UUID requestId;

    @Column(name = "old_due_on")
    public LocalDate oldDueOn;

    @Column(name = "new_due_on", nullable = false)
    public LocalDate newDueOn;

    @Column(nullable = false)
    public String cause;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    static DueDateChange record(LegalClock clock, LocalDate oldDueOn, String cause, Instant at) {
        DueDateChange change = new DueDateChange();
        change.requestId = clock.requestId;
        change.oldDueOn = oldDueOn;
        change.newDueOn = clock.dueOn;
        change.cause = cause;
        change.changedAt = at;
        change.persist();
        return change;
    }

    public static List<DueDateChange> of(UUID requestId) {
        return list("requestId = ?1 order by id", requestId);
    }
}
