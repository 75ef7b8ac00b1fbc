package org.acceso.deadline.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
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
import org.acceso.contracts.RequestAnswered;
import org.acceso.contracts.RequestFiled;
import org.acceso.contracts.RequestReferred;
import org.acceso.contracts.RequestWithdrawn;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The legal clock of one request: its response deadline and, after a denial, partial grant or deemed denial, its
 * appeal window. The clock changes only through its moves ({@link #start}, {@link #pause}, {@link #resume},
 * {@link #extend}, {@link #refer}, {@link #answer}, {@link #withdraw}, {@link #appealFiled}, {@link #recompute},
 * {@link #sweep}); each returns the events it causes, which the service writes to the outbox and the due-date
 * history in the same transaction. The moves compute with a {@link ClockContext} (policy + calendar) and an
 * instant; they read no clock and do no I/O.
 *
 * <p>A running term is a <em>segment</em>: day 0 ({@code segmentStartOn}), its counting days ({@code segmentDays}
 * of {@code segmentUnit}) and the extensions granted since it started. Filing, resuming after a clarification and a
 * restarting referral start a segment; the due date is always {@code plan()} of the segment on the current calendar,
 * which is how a calendar change recomputes it.
 */
@Entity
@Table(name = "legal_clock")
public class LegalClock extends PanacheEntityBase {

    public static final String RESPONSE = "RESPONSE";
    public static final String APPEAL = "APPEAL";

    @Id
    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "tracking_number", nullable = false)
    public String trackingNumber;

    @Column(nullable = false)
    public String jurisdiction;

    /** The policy profile the clock was started under; it keeps using it. */
    @Column(nullable = false)
    public String profile;

    /** The zone the clock was started under; it keeps using it. */
    @Column(nullable = false)
    public String zone;

    @Column(name = "agency_code")
    public String agencyCode;

    @Column(name = "requester_user_id")
    public String requesterUserId;

    @Column(nullable = false)
    public boolean imported;

    @Column(name = "calendar_version", nullable = false)
    public long calendarVersion;

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

    @Column(name = "segment_start_on", nullable = false)
    public LocalDate segmentStartOn;

    @Column(name = "segment_days", nullable = false)
    public int segmentDays;

    @Enumerated(EnumType.STRING)
    @Column(name = "segment_unit", nullable = false)
    public DayUnit segmentUnit;

    @Column(name = "segment_extensions", nullable = false)
    public int segmentExtensions;

    @Column(name = "paused_on")
    public LocalDate pausedOn;

    /** Counting days left when paused with the PAUSE effect; null with RESTART (a full term comes back). */
    @Column(name = "remaining_days")
    public Integer remainingDays;

    /** Business days counted in earlier segments (paused days excluded). */
    @Column(name = "elapsed_days", nullable = false)
    public int elapsedDays;

    @Column(name = "paused_days", nullable = false)
    public int pausedDays;

    @Column(nullable = false)
    public int extensions;

    @Column(name = "extensions_before_expiry", nullable = false)
    public int extensionsBeforeExpiry;

    /** The deadline in force when the first extension was granted: the initial deadline. */
    @Column(name = "due_before_extension")
    public Instant dueBeforeExtension;

    @Column(nullable = false)
    public int referrals;

    @Column(name = "stop_cause")
    public String stopCause;

    @Column(name = "stopped_at")
    public Instant stoppedAt;

    @Column(name = "answered_at")
    public Instant answeredAt;

    public String outcome;

    /** Exemption grounds cited in the answer, comma-separated codes. */
    public String grounds;

    /** INITIAL, EXTENDED or LATE: against which deadline the answer came (docs/compliance.md). */
    @Column(name = "answer_timing")
    public String answerTiming;

    @Column(name = "business_days_to_answer")
    public Integer businessDaysToAnswer;

    /** The smallest reminder offset already handled for the current due date; null when none is. */
    @Column(name = "reminder_floor")
    public Integer reminderFloor;

    @Column(name = "missed_at")
    public Instant missedAt;

    @Column(name = "very_overdue_at")
    public Instant veryOverdueAt;

    /** When the sweep has something to do for this clock next; null when nothing. */
    @Column(name = "next_action_at")
    public Instant nextActionAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "appeal_status")
    public AppealStatus appealStatus;

    @Column(name = "appeal_cause")
    public String appealCause;

    @Column(name = "appeal_opens_on")
    public LocalDate appealOpensOn;

    @Column(name = "appeal_day_zero")
    public LocalDate appealDayZero;

    @Column(name = "appeal_due_on")
    public LocalDate appealDueOn;

    @Column(name = "appeal_due_at")
    public Instant appealDueAt;

    @Column(name = "appeal_filed_at")
    public Instant appealFiledAt;

    @Column(name = "appeal_resolved_at")
    public Instant appealResolvedAt;

    @Column(name = "appeal_decision")
    public String appealDecision;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Starts the clock of a filed request (an imported one from its true filing instant). Not yet persisted. */
    public static LegalClock start(UUID requestId, RequestFiled filed, ClockContext context, Instant now) {
        DeadlinePolicy policy = context.policy();
        Deadline deadline = DeadlineCalculator.schedule(context.calendar(), policy, filed.filedAt());
        LegalClock clock = new LegalClock();
        clock.requestId = requestId;
        clock.trackingNumber = filed.trackingNumber();
        clock.jurisdiction = policy.jurisdiction();
        clock.profile = policy.profile();
        clock.zone = policy.zone().getId();
        clock.agencyCode = filed.agencyCode();
        clock.requesterUserId = filed.requester() == null ? null : filed.requester().userId();
        clock.imported = filed.imported();
        clock.calendarVersion = context.calendarVersion();
        clock.filedAt = filed.filedAt();
        clock.receivedOn = deadline.receivedOn();
        clock.status = ClockStatus.RUNNING;
        clock.segmentStartOn = deadline.receivedOn();
        clock.segmentDays = policy.responseDays();
        clock.segmentUnit = policy.dayUnit();
        clock.setDue(deadline.dueOn(), policy);
        clock.createdAt = now;
        clock.rearmReminders(context, now);
        clock.refreshNextAction(context);
        return clock;
    }

    /** The DeadlineScheduled event of a clock just started. */
    public DeadlineScheduled scheduled(DeadlinePolicy policy) {
        return new DeadlineScheduled(trackingNumber, jurisdiction, filedAt, receivedOn, dueOn, offset(dueAt),
                policy.responseDays(), policy.dayUnit().name(), zone);
    }

    public ZoneId zoneId() {
        return ZoneId.of(zone);
    }

    /** A clarification was requested: the clock pauses (remaining days kept, or a full term later, per policy). */
    public List<DeadlineEvent> pause(ClarificationRequested event, ClockContext context) {
        if (status != ClockStatus.RUNNING) {
            return List.of();
        }
        DeadlinePolicy policy = context.policy();
        LocalDate on = localDate(event.requestedAt());
        elapsedDays += businessDays(context, segmentStartOn, on);
        pausedOn = on;
        remainingDays = policy.clarification() == ClarificationEffect.PAUSE
                ? DeadlineCalculator.remainingDays(context.calendar(), segmentUnit, on, dueOn)
                : null;
        segmentExtensions = 0;
        status = ClockStatus.PAUSED;
        refreshNextAction(context);
        String detail = remainingDays != null
                ? "Clarification requested: the clock pauses with " + remainingDays + " " + unitName(segmentUnit.counting()) + " left"
                : "Clarification requested: a full term starts again from the reply";
        return List.of(rescheduled(RESPONSE, dueOn, dueAt, null, null, "CLARIFICATION_REQUESTED", null, detail));
    }

    /** The requester replied: the clock resumes with the days it had left, or restarts in full, from the reply. */
    public List<DeadlineEvent> resume(ClarificationProvided event, ClockContext context, Instant now) {
        if (status != ClockStatus.PAUSED) {
            return List.of();
        }
        DeadlinePolicy policy = context.policy();
        LocalDate oldDueOn = dueOn;
        Instant oldDueAt = dueAt;
        Deadline deadline;
        String detail;
        if (remainingDays != null) {
            deadline = DeadlineCalculator.resume(context.calendar(), policy, event.providedAt(), remainingDays);
            segmentDays = remainingDays;
            segmentUnit = policy.dayUnit().counting();
            segmentExtensions = 0;
            detail = "Clarification provided: the clock resumes with " + remainingDays + " " + unitName(segmentUnit) + " left";
        } else {
            deadline = DeadlineCalculator.schedule(context.calendar(), policy, event.providedAt());
            segmentDays = policy.responseDays();
            segmentUnit = policy.dayUnit();
            detail = "Clarification provided: a full term of " + policy.responseDays() + " " + unitName(segmentUnit)
                    + " starts again";
        }
        pausedDays += businessDays(context, pausedOn, deadline.receivedOn());
        segmentStartOn = deadline.receivedOn();
        setDue(plan(context), policy);
        pausedOn = null;
        remainingDays = null;
        status = ClockStatus.RUNNING;
        rearmReminders(context, now);
        refreshNextAction(context);
        return List.of(rescheduled(RESPONSE, oldDueOn, oldDueAt, dueOn, dueAt, "CLARIFICATION_PROVIDED", null, detail));
    }

    /**
     * An extension: the policy's extension days, counted from the due date in force. Beyond the policy's maximum it
     * changes nothing (request-service refuses such an extension before it is ever published).
     */
    public Optional<List<DeadlineEvent>> extend(ExtensionGranted event, ClockContext context, Instant now) {
        DeadlinePolicy policy = context.policy();
        if (extensions >= policy.maxExtensions() || status == ClockStatus.STOPPED || missedAt != null) {
            return Optional.empty();
        }
        if (extensions == 0) {
            dueBeforeExtension = dueAt;
        }
        extensions++;
        if (!event.grantedAt().isAfter(dueAt)) {
            extensionsBeforeExpiry++;
        }
        String detail = event.reason();
        if (status == ClockStatus.PAUSED) {
            if (remainingDays != null) {
                LocalDate extended = DeadlineCalculator.addDays(context.calendar(), policy.extensionUnit(), dueOn, policy.extensionDays());
                remainingDays += DeadlineCalculator.remainingDays(context.calendar(), policy.extensionUnit(), dueOn, extended);
            } else {
                segmentExtensions++;
            }
            return Optional.of(List.of(rescheduled(RESPONSE, dueOn, dueAt, null, null, "EXTENSION", null, detail)));
        }
        LocalDate oldDueOn = dueOn;
        Instant oldDueAt = dueAt;
        segmentExtensions++;
        setDue(DeadlineCalculator.addDays(context.calendar(), policy.extensionUnit(), dueOn, policy.extensionDays()), policy);
        rearmReminders(context, now);
        refreshNextAction(context);
        return Optional.of(List.of(rescheduled(RESPONSE, oldDueOn, oldDueAt, dueOn, dueAt, "EXTENSION", null, detail)));
    }

    /**
     * A referral. Inside the body the clock keeps its date (CONTINUE) or restarts from the referral (RESTART);
     * the agency that holds it changes either way. A referral outside the body stops the clock.
     */
    public List<DeadlineEvent> refer(RequestReferred event, ClockContext context, Instant now) {
        referrals++;
        boolean outside = event.agencyCode() == null || event.externalBody() != null;
        if (!outside) {
            agencyCode = event.agencyCode();
        } else if (event.fromAgencyCode() != null) {
            agencyCode = event.fromAgencyCode();
        }
        if (status == ClockStatus.STOPPED || missedAt != null) {
            return List.of();
        }
        if (outside) {
            return stop("REFERRED_OUTSIDE", event.referredAt(), "REFERRAL",
                    "Referred to " + (event.externalBody() == null ? "a body outside" : event.externalBody()), context);
        }
        if (context.policy().referral() != ReferralEffect.RESTART || status != ClockStatus.RUNNING) {
            return List.of();
        }
        DeadlinePolicy policy = context.policy();
        LocalDate oldDueOn = dueOn;
        Instant oldDueAt = dueAt;
        Deadline deadline = DeadlineCalculator.schedule(context.calendar(), policy, event.referredAt());
        elapsedDays += businessDays(context, segmentStartOn, deadline.receivedOn());
        segmentStartOn = deadline.receivedOn();
        segmentDays = policy.responseDays();
        segmentUnit = policy.dayUnit();
        segmentExtensions = 0;
        setDue(plan(context), policy);
        rearmReminders(context, now);
        refreshNextAction(context);
        return List.of(rescheduled(RESPONSE, oldDueOn, oldDueAt, dueOn, dueAt, "REFERRAL", null,
                "Referred to " + event.agencyCode() + ": a full term starts again"));
    }

    /**
     * The answer: the clock stops, and what compliance needs is kept (outcome, grounds, business days to answer
     * with paused days excluded, and whether it came within the initial deadline, the extended one, or late).
     * A denial or partial grant opens the appeal window.
     */
    public List<DeadlineEvent> answer(RequestAnswered event, ClockContext context) {
        if (answeredAt != null) {
            return List.of();
        }
        answeredAt = event.answeredAt();
        outcome = event.outcome();
        grounds = event.grounds() == null || event.grounds().isEmpty() ? null : String.join(",", event.grounds());
        if (event.agencyCode() != null) {
            agencyCode = event.agencyCode();
        }
        LocalDate answeredOn = localDate(answeredAt);
        businessDaysToAnswer = elapsedDays + (status == ClockStatus.RUNNING ? businessDays(context, segmentStartOn, answeredOn) : 0);
        Instant initialDue = dueBeforeExtension != null ? dueBeforeExtension : dueAt;
        boolean paused = status == ClockStatus.PAUSED;
        if (!answeredAt.isAfter(initialDue) || (paused && extensions == 0)) {
            answerTiming = "INITIAL";
        } else if (!answeredAt.isAfter(dueAt) || paused) {
            answerTiming = "EXTENDED";
        } else {
            answerTiming = "LATE";
        }
        List<DeadlineEvent> events = new ArrayList<>();
        if (status != ClockStatus.STOPPED) {
            events.addAll(stop("ANSWERED", answeredAt, "ANSWERED", "Answered: " + outcome, context));
        }
        if ("DENIED".equals(outcome) || "PARTIALLY_GRANTED".equals(outcome)) {
            LocalDate dayZero = DeadlineCalculator.receivedOn(context.calendar(), context.policy().withCutoff(null), answeredAt);
            events.add(openAppeal(outcome, answeredOn, dayZero, context));
        }
        refreshNextAction(context);
        return events;
    }

    /** The requester's account id gave way to request-service's pseudonym (Law 25.326): the clock reads as before. */
    public void forgetRequester(String pseudonym) {
        requesterUserId = pseudonym;
    }

    /** The requester withdrew the request: the clock stops. */
    public List<DeadlineEvent> withdraw(RequestWithdrawn event, ClockContext context) {
        if (status == ClockStatus.STOPPED) {
            return List.of();
        }
        return stop("WITHDRAWN", event.withdrawnAt(), "WITHDRAWN", "Withdrawn by the requester", context);
    }

    /** An appeal was filed: the appeal window stops. */
    public List<DeadlineEvent> appealFiled(AppealFiled event, ClockContext context) {
        appealFiledAt = event.appealedAt();
        if (appealStatus != AppealStatus.RUNNING) {
            return List.of();
        }
        appealStatus = AppealStatus.STOPPED;
        refreshNextAction(context);
        return List.of(rescheduled(APPEAL, appealDueOn, appealDueAt, null, null, "APPEAL_FILED", null,
                "Appeal filed against " + event.against()));
    }

    /** The appeal was resolved: kept for compliance. */
    public void appealResolved(AppealResolved event) {
        appealResolvedAt = event.resolvedAt();
        appealDecision = event.decision();
    }

    /**
     * The calendar changed: the running term and the running appeal window are planned again on it. One
     * DeadlineRescheduled per clock whose date moved, with the entry's instrument. A missed term is over and stays.
     * Reads only the fields of {@link RecomputeGroup} (and the tracking number), which is how a recomputation plans a
     * million clocks again: once per group. A field read here must be added there.
     */
    public List<DeadlineEvent> recompute(ClockContext context, Instant now, String instrument, String detail) {
        List<DeadlineEvent> events = new ArrayList<>();
        calendarVersion = Math.max(calendarVersion, context.calendarVersion());
        DeadlinePolicy policy = context.policy();
        if (status == ClockStatus.RUNNING && missedAt == null) {
            LocalDate planned = plan(context);
            if (!planned.equals(dueOn)) {
                LocalDate oldDueOn = dueOn;
                Instant oldDueAt = dueAt;
                setDue(planned, policy);
                rearmReminders(context, now);
                events.add(rescheduled(RESPONSE, oldDueOn, oldDueAt, dueOn, dueAt, "CALENDAR_CHANGE", instrument, detail));
            }
        }
        if (appealStatus == AppealStatus.RUNNING) {
            LocalDate planned = DeadlineCalculator.addDays(context.calendar(), policy.appealUnit(), appealDayZero, policy.appealDays());
            if (!planned.equals(appealDueOn)) {
                LocalDate oldDueOn = appealDueOn;
                Instant oldDueAt = appealDueAt;
                appealDueOn = planned;
                appealDueAt = endOfDay(planned);
                events.add(rescheduled(APPEAL, oldDueOn, oldDueAt, appealDueOn, appealDueAt, "CALENDAR_CHANGE", instrument, detail));
            }
        }
        refreshNextAction(context);
        return events;
    }

    /**
     * What the sweep publishes for this clock at {@code now}: the most urgent due reminder, the miss (which opens
     * the appeal window of a deemed denial), the "very overdue" line, the end of the appeal window. Each is marked
     * on the clock, so it is published once.
     */
    public List<DeadlineEvent> sweep(ClockContext context, Instant now) {
        DeadlinePolicy policy = context.policy();
        LocalDate today = localDate(now);
        List<DeadlineEvent> events = new ArrayList<>();
        if (status == ClockStatus.RUNNING && missedAt == null) {
            if (now.isAfter(dueAt)) {
                missedAt = now;
                AppealWindowOpened opened = openAppeal("DEEMED_DENIED", dueOn.plusDays(1), dueOn, context);
                events.add(new DeadlineMissed(trackingNumber, dueOn, offset(dueAt), appealDueOn, offset(appealDueAt)));
                events.add(opened);
            } else {
                Integer due = null;
                for (int offset : policy.reminderOffsets()) {
                    boolean pending = reminderFloor == null || offset < reminderFloor;
                    if (pending && !reminderAt(context, offset).isAfter(now)) {
                        due = offset;
                    }
                }
                if (due != null) {
                    reminderFloor = due;
                    int daysLeft = DeadlineCalculator.countDays(context.calendar(), DayUnit.BUSINESS, today, dueOn);
                    events.add(new DeadlineApproaching(trackingNumber, dueOn, offset(dueAt), daysLeft, DayUnit.BUSINESS.name()));
                }
            }
        }
        if (status == ClockStatus.RUNNING && missedAt != null && veryOverdueAt == null
                && !veryOverdueAt(context).isAfter(now)) {
            veryOverdueAt = now;
            int daysOverdue = DeadlineCalculator.countDays(context.calendar(), DayUnit.BUSINESS, dueOn, today);
            events.add(new DeadlineVeryOverdue(trackingNumber, dueOn, offset(dueAt), daysOverdue));
        }
        if (appealStatus == AppealStatus.RUNNING && now.isAfter(appealDueAt)) {
            appealStatus = AppealStatus.CLOSED;
            events.add(new AppealWindowClosed(trackingNumber, appealDueOn, offset(appealDueAt)));
        }
        refreshNextAction(context);
        return events;
    }

    /** The due date of the current segment on the context's calendar: its days, then its extensions. */
    public LocalDate plan(ClockContext context) {
        DeadlinePolicy policy = context.policy();
        LocalDate due = DeadlineCalculator.addDays(context.calendar(), segmentUnit, segmentStartOn, segmentDays);
        for (int i = 0; i < segmentExtensions; i++) {
            due = DeadlineCalculator.addDays(context.calendar(), policy.extensionUnit(), due, policy.extensionDays());
        }
        return due;
    }

    private List<DeadlineEvent> stop(String cause, Instant at, String eventCause, String detail, ClockContext context) {
        LocalDate oldDueOn = dueOn;
        Instant oldDueAt = dueAt;
        status = ClockStatus.STOPPED;
        stopCause = cause;
        stoppedAt = at;
        pausedOn = null;
        remainingDays = null;
        refreshNextAction(context);
        return List.of(rescheduled(RESPONSE, oldDueOn, oldDueAt, null, null, eventCause, null, detail));
    }

    private AppealWindowOpened openAppeal(String cause, LocalDate opensOn, LocalDate dayZero, ClockContext context) {
        DeadlinePolicy policy = context.policy();
        appealStatus = AppealStatus.RUNNING;
        appealCause = cause;
        appealOpensOn = opensOn;
        appealDayZero = dayZero;
        appealDueOn = DeadlineCalculator.addDays(context.calendar(), policy.appealUnit(), dayZero, policy.appealDays());
        appealDueAt = endOfDay(appealDueOn);
        appealFiledAt = null;
        return new AppealWindowOpened(trackingNumber, cause, opensOn, appealDueOn, offset(appealDueAt),
                policy.appealDays(), policy.appealUnit().name());
    }

    /**
     * Arms the reminders for the current due date: of those whose time has already come, only the most urgent stays
     * pending (the sweep publishes it with the days really left); the others count as handled.
     */
    private void rearmReminders(ClockContext context, Instant now) {
        List<Integer> passed = new ArrayList<>();
        for (int offset : context.policy().reminderOffsets()) {
            if (!reminderAt(context, offset).isAfter(now)) {
                passed.add(offset);
            }
        }
        reminderFloor = passed.size() >= 2 ? passed.get(passed.size() - 2) : null;
    }

    /** Sets {@link #nextActionAt}: the earliest instant at which {@link #sweep} has something to publish. */
    public void refreshNextAction(ClockContext context) {
        Instant next = null;
        if (status == ClockStatus.RUNNING && missedAt == null) {
            next = dueAt.plusSeconds(1);
            for (int offset : context.policy().reminderOffsets()) {
                if (reminderFloor == null || offset < reminderFloor) {
                    next = min(next, reminderAt(context, offset));
                }
            }
        } else if (status == ClockStatus.RUNNING && veryOverdueAt == null) {
            next = veryOverdueAt(context);
        }
        if (appealStatus == AppealStatus.RUNNING) {
            next = min(next, appealDueAt.plusSeconds(1));
        }
        nextActionAt = next;
    }

    private Instant reminderAt(ClockContext context, int offset) {
        LocalDate day = DeadlineCalculator.daysBefore(context.calendar(), DayUnit.BUSINESS, dueOn, offset);
        return day.atStartOfDay(zoneId()).toInstant();
    }

    private Instant veryOverdueAt(ClockContext context) {
        LocalDate day = DeadlineCalculator.addDays(context.calendar(), DayUnit.BUSINESS, dueOn, context.policy().veryOverdueDays());
        return day.atStartOfDay(zoneId()).toInstant();
    }

    private void setDue(LocalDate newDueOn, DeadlinePolicy policy) {
        dueOn = newDueOn;
        dueAt = endOfDay(newDueOn);
    }

    private Instant endOfDay(LocalDate day) {
        return DeadlineCalculator.endOfDay(day, zoneId()).toInstant();
    }

    private DeadlineRescheduled rescheduled(String which, LocalDate oldDueOn, Instant oldDueAt, LocalDate newDueOn,
                                            Instant newDueAt, String cause, String instrument, String detail) {
        ClockStatus after = which.equals(RESPONSE) ? status : null;
        String statusName = after != null ? after.name() : (appealStatus == AppealStatus.RUNNING ? "RUNNING" : "STOPPED");
        return new DeadlineRescheduled(trackingNumber, which, statusName, oldDueOn, offset(oldDueAt), newDueOn,
                offset(newDueAt), cause, instrument, detail);
    }

    private java.time.OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atZone(zoneId()).toOffsetDateTime();
    }

    private LocalDate localDate(Instant instant) {
        return LocalDate.ofInstant(instant, zoneId());
    }

    private static int businessDays(ClockContext context, LocalDate fromExclusive, LocalDate toInclusive) {
        return DeadlineCalculator.countDays(context.calendar(), DayUnit.BUSINESS, fromExclusive, toInclusive);
    }

    private static Instant min(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static String unitName(DayUnit unit) {
        return switch (unit) {
            case BUSINESS -> "business days";
            case CALENDAR -> "calendar days";
            case MONTH -> "months";
        };
    }
}
