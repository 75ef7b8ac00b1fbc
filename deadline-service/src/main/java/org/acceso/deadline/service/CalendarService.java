package org.acceso.deadline.service;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.acceso.deadline.domain.CalendarChange;
import org.acceso.deadline.domain.CalendarEntry;
import org.acceso.deadline.domain.CalendarEntryRecord;
import org.acceso.deadline.domain.ClockContext;
import org.acceso.deadline.domain.DeadlinePolicy;
import org.acceso.deadline.domain.EntryKind;
import org.acceso.deadline.domain.JurisdictionCalendar;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The calendars: built once per (holiday rules, jurisdiction) and rebuilt only when the jurisdiction's version in
 * the database moved, which every instance checks with one primary-key read per transaction. Adding or deleting an
 * entry bumps the version, is audited ({@link CalendarChange}) and queues the recomputation of the clocks it touches.
 *
 * <p>Clock moves read the version {@code FOR SHARE}; a calendar change updates it, so it waits for moves computed on
 * the old calendar to commit, and moves that start after it see the new calendar: no clock is computed on a stale
 * calendar without being recomputed afterwards.
 */
@ApplicationScoped
public class CalendarService {

    private static final Logger LOG = Logger.getLogger(CalendarService.class);

    private final PolicyCatalog policies;
    private final Clock clock;
    private final Event<CalendarChanged> changed;
    private final ConcurrentMap<String, Built> built = new ConcurrentHashMap<>();

    public CalendarService(PolicyCatalog policies, Clock clock, Event<CalendarChanged> changed) {
        this.policies = policies;
        this.clock = clock;
        this.changed = changed;
    }

    /** Fired after an entry change commits, to recompute at once. */
    public record CalendarChanged(String jurisdiction, long version) {
    }

    /** A new entry as its author gives it. */
    public record NewEntry(EntryKind kind, java.time.LocalDate startsOn, java.time.LocalDate endsOn, String instrument,
                           String description) {
    }

    /** The context a clock of {@code profile} computes with: its policy in its zone, and the current calendar. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ClockContext context(String profile, String zone) {
        DeadlinePolicy policy = policies.of(profile, zone);
        long version = version(policy.jurisdiction(), true);
        return new ClockContext(policy, calendar(policy, version), version);
    }

    /** The context of the policy in force (for new clocks). */
    @Transactional(Transactional.TxType.MANDATORY)
    public ClockContext contextInForce() {
        DeadlinePolicy policy = policies.inForce();
        return context(policy.profile(), policy.zone().getId());
    }

    /** The current calendar of a policy (reads the version without locking; for queries). */
    @Transactional
    public JurisdictionCalendar calendar(DeadlinePolicy policy) {
        return calendar(policy, version(policy.jurisdiction(), false));
    }

    private JurisdictionCalendar calendar(DeadlinePolicy policy, long version) {
        String key = policy.jurisdiction() + "|" + policy.holidays() + "|" + policy.closesOnNonWorkingDays();
        Built current = built.get(key);
        if (current != null && current.version() == version) {
            return current.calendar();
        }
        JurisdictionCalendar calendar = JurisdictionCalendar.of(policy.holidays(),
                CalendarEntryRecord.entriesOf(policy.jurisdiction()), policy.closesOnNonWorkingDays());
        built.put(key, new Built(version, calendar));
        LOG.debugf("Calendar %s built at version %d", key, version);
        return calendar;
    }

    /** The calendar's version; {@code share} locks it against changes until the transaction ends. */
    long version(String jurisdiction, boolean share) {
        @SuppressWarnings("unchecked")
        List<Number> rows = Panache.getEntityManager()
                .createNativeQuery("SELECT version FROM calendar_version WHERE jurisdiction = ?1" + (share ? " FOR SHARE" : ""))
                .setParameter(1, jurisdiction)
                .getResultList();
        return rows.isEmpty() ? 0 : rows.get(0).longValue();
    }

    /** The entries in force of a jurisdiction. */
    @Transactional
    public List<CalendarEntryRecord> entries(String jurisdiction) {
        return CalendarEntryRecord.live(jurisdiction);
    }

    /** Adds an entry: a new calendar version, an audit line, and the recomputation of every clock it touches. */
    @Transactional
    public CalendarEntryRecord add(String jurisdiction, NewEntry entry, String actor) {
        new CalendarEntry(entry.kind(), entry.startsOn(), entry.endsOn(), entry.instrument(), entry.description());
        Instant now = clock.instant();
        long version = bump(jurisdiction);
        CalendarEntryRecord record = new CalendarEntryRecord();
        record.calendar = jurisdiction;
        record.kind = entry.kind();
        record.startsOn = entry.startsOn();
        record.endsOn = entry.endsOn();
        record.instrument = entry.instrument().strip();
        record.description = entry.description();
        record.createdBy = actor;
        record.createdAt = now;
        record.persist();
        CalendarChange.of("ADDED", record, version, actor, now).persist();
        changed.fire(new CalendarChanged(jurisdiction, version));
        LOG.infof("Calendar %s v%d: %s added %s %s..%s (%s)", jurisdiction, version, actor, entry.kind(),
                entry.startsOn(), entry.endsOn(), entry.instrument());
        return record;
    }

    /** Deletes an entry (the row stays, marked): a new version, an audit line, the recomputation. */
    @Transactional
    public Optional<CalendarEntryRecord> delete(String jurisdiction, long id, String actor) {
        Optional<CalendarEntryRecord> found = CalendarEntryRecord.<CalendarEntryRecord>findByIdOptional(id)
                .filter(entry -> entry.calendar.equals(jurisdiction) && entry.deletedAt == null);
        if (found.isEmpty()) {
            return found;
        }
        Instant now = clock.instant();
        long version = bump(jurisdiction);
        CalendarEntryRecord record = found.get();
        record.deletedAt = now;
        record.deletedBy = actor;
        CalendarChange.of("DELETED", record, version, actor, now).persist();
        changed.fire(new CalendarChanged(jurisdiction, version));
        LOG.infof("Calendar %s v%d: %s deleted entry %d (%s)", jurisdiction, version, actor, id, record.instrument);
        return found;
    }

    /** The audit trail of a jurisdiction's calendar, newest first. */
    @Transactional
    public List<CalendarChange> changes(String jurisdiction) {
        return CalendarChange.list("jurisdiction = ?1 order by id desc", jurisdiction);
    }

    private long bump(String jurisdiction) {
        return ((Number) Panache.getEntityManager().createNativeQuery(
                        "INSERT INTO calendar_version (jurisdiction, version) VALUES (?1, 1) ON CONFLICT (jurisdiction) "
                                + "DO UPDATE SET version = calendar_version.version + 1 RETURNING version")
                .setParameter(1, jurisdiction)
                .getSingleResult()).longValue();
    }

    private record Built(long version, JurisdictionCalendar calendar) {
    }
}
