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
import java.util.List;

/** A stored calendar entry: a day or range added by hand, with its legal instrument and author. Deleting keeps the row. */
@Entity
@Table(name = "calendar_entry")
public class CalendarEntryRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String calendar;

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

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    @Column(name = "deleted_by")
    public String deletedBy;

    public CalendarEntry toEntry() {
        return new CalendarEntry(kind, startsOn, endsOn, instrument, description);
    }

    public static List<CalendarEntry> entriesOf(String calendar) {
        return live(calendar).stream().map(CalendarEntryRecord::toEntry).toList();
    }

    /** The entries in force (not deleted) of a calendar, by date. */
    public static List<CalendarEntryRecord> live(String calendar) {
        return list("calendar = ?1 and deletedAt is null order by startsOn, id", calendar);
    }
}
