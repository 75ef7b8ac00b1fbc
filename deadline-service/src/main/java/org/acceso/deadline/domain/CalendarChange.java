package org.acceso.deadline.domain;

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
import java.time.LocalDate;

/**
 * One change of a calendar (an entry added or deleted), kept for audit: what, who, when, under which version.
 * It is also the recomputation job: until {@code recomputedAt} is set, open clocks computed before
 * {@code version} whose window touches {@code startsOn..endsOn} are planned again.
 */
@Entity
@Table(name = "calendar_change")
public class CalendarChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String jurisdiction;

    @Column(nullable = false)
    public long version;

    /** ADDED or DELETED. */
    @Column(nullable = false)
    public String action;

    @Column(name = "entry_id", nullable = false)
    public Long entryId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EntryKind kind;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    public LocalDate endsOn;

    @Column(nullable = false)
    public String instrument;

    public String description;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Column(name = "recomputed_at")
    public Instant recomputedAt;

    @Column(name = "clocks_moved", nullable = false)
    public int clocksMoved;

    public static CalendarChange of(String action, CalendarEntryRecord entry, long version, String actor, Instant at) {
        CalendarChange change = new CalendarChange();
        change.jurisdiction = entry.calendar;
        change.version = version;
        change.action = action;
        change.entryId = entry.id;
        change.kind = entry.kind;
        change.startsOn = entry.startsOn;
        change.endsOn = entry.endsOn;
        change.instrument = entry.instrument;
        change.description = entry.description;
        change.changedBy = actor;
        change.changedAt = at;
        return change;
    }
}
