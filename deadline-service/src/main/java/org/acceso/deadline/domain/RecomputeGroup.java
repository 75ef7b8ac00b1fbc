package org.acceso.deadline.domain;

import org.acceso.contracts.DeadlineEvent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@link LegalClock#recompute} reads of a clock but its identity and tracking number. Clocks with equal
 * inputs are planned again to equal results on one calendar, so a calendar change that touches a million clocks
 * computes each distinct group once (a few hundred: the open terms' days 0 times their lengths, extensions, pauses,
 * reminders and appeal windows) and applies the result to every member with set-based SQL. Only whether the term was
 * missed and whether "very overdue" was published matter, not when.
 */
public record RecomputeGroup(String profile, String zone, ClockStatus status, boolean missed, boolean veryOverdue,
                             LocalDate segmentStartOn, int segmentDays, DayUnit segmentUnit, int segmentExtensions,
                             LocalDate dueOn, Instant dueAt, Integer reminderFloor, AppealStatus appealStatus,
                             LocalDate appealDayZero, LocalDate appealDueOn, Instant appealDueAt) {

    public RecomputeGroup {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(segmentStartOn, "segmentStartOn");
        Objects.requireNonNull(segmentUnit, "segmentUnit");
        Objects.requireNonNull(dueOn, "dueOn");
        Objects.requireNonNull(dueAt, "dueAt");
    }

    /** The group of a clock. */
    public static RecomputeGroup of(LegalClock clock) {
        return new RecomputeGroup(clock.profile, clock.zone, clock.status, clock.missedAt != null,
                clock.veryOverdueAt != null, clock.segmentStartOn, clock.segmentDays, clock.segmentUnit,
                clock.segmentExtensions, clock.dueOn, clock.dueAt, clock.reminderFloor, clock.appealStatus,
                clock.appealDayZero, clock.appealDueOn, clock.appealDueAt);
    }

    /**
     * What {@link LegalClock#recompute} does to every clock of the group: the dates, reminder state and next action
     * after it, and the events it causes, with {@code trackingNumber} in them.
     */
    public Replanned replan(ClockContext context, Instant now, String trackingNumber, String instrument, String detail) {
        LegalClock clock = new LegalClock();
        clock.trackingNumber = trackingNumber;
        clock.profile = profile;
        clock.zone = zone;
        clock.status = status;
        clock.missedAt = missed ? Instant.EPOCH : null;
        clock.veryOverdueAt = veryOverdue ? Instant.EPOCH : null;
        clock.segmentStartOn = segmentStartOn;
        clock.segmentDays = segmentDays;
        clock.segmentUnit = segmentUnit;
        clock.segmentExtensions = segmentExtensions;
        clock.dueOn = dueOn;
        clock.dueAt = dueAt;
        clock.reminderFloor = reminderFloor;
        clock.appealStatus = appealStatus;
        clock.appealDayZero = appealDayZero;
        clock.appealDueOn = appealDueOn;
        clock.appealDueAt = appealDueAt;
        List<DeadlineEvent> events = clock.recompute(context, now, instrument, detail);
        return new Replanned(clock.dueOn, clock.dueAt, clock.reminderFloor, clock.nextActionAt, clock.appealDueOn,
                clock.appealDueAt, events);
    }

    /** A group planned again: what its clocks become, and what each publishes (nothing when no date moved). */
    public record Replanned(LocalDate dueOn, Instant dueAt, Integer reminderFloor, Instant nextActionAt,
                            LocalDate appealDueOn, Instant appealDueAt, List<DeadlineEvent> events) {
    }
}
