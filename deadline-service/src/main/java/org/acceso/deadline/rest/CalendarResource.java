package org.acceso.deadline.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.acceso.deadline.config.DeadlineConfig;
import org.acceso.deadline.domain.CalendarChange;
import org.acceso.deadline.domain.CalendarEntry;
import org.acceso.deadline.domain.CalendarEntryRecord;
import org.acceso.deadline.domain.Deadline;
import org.acceso.deadline.domain.DeadlineCalculator;
import org.acceso.deadline.domain.DeadlinePolicy;
import org.acceso.deadline.domain.EntryKind;
import org.acceso.deadline.domain.JurisdictionCalendar;
import org.acceso.deadline.service.CalendarService;
import org.acceso.deadline.service.PolicyCatalog;
import org.acceso.problem.ProblemException;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A jurisdiction's calendar: the entries people keep (auditors and admins write; anyone signed in reads), every day
 * with whether it counts and why, and the due date of a filing at any instant with every skipped day.
 */
@Path("/calendars/{jurisdiction}")
@Produces(MediaType.APPLICATION_JSON)
public class CalendarResource {

    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2200;

    private final CalendarService calendars;
    private final PolicyCatalog policies;
    private final DeadlineConfig config;
    private final Caller caller;

    public CalendarResource(CalendarService calendars, PolicyCatalog policies, DeadlineConfig config, Caller caller) {
        this.calendars = calendars;
        this.policies = policies;
        this.config = config;
        this.caller = caller;
    }

    /** An entry as stored. */
    public record EntryView(long id, String jurisdiction, EntryKind kind, LocalDate startsOn, LocalDate endsOn,
                            String instrument, String description, String createdBy, Instant createdAt) {
        static EntryView of(CalendarEntryRecord record) {
            return new EntryView(record.id, record.calendar, record.kind, record.startsOn, record.endsOn, record.instrument,
                    record.description, record.createdBy, record.createdAt);
        }
    }

    /** A new entry: a day ({@code endsOn} omitted) or a range, with its legal instrument. */
    public record NewEntryBody(@NotNull(message = "is required") EntryKind kind,
                               @NotNull(message = "is required") LocalDate startsOn,
                               LocalDate endsOn,
                               @NotBlank(message = "is required: the decree, resolution or ordinance")
                               @Size(max = 200, message = "must be at most 200 characters") String instrument,
                               @Size(max = 500, message = "must be at most 500 characters") String description) {
    }

    /** One line of the audit trail. */
    public record ChangeView(long id, long version, String action, long entryId, EntryKind kind, LocalDate startsOn,
                             LocalDate endsOn, String instrument, String description, String changedBy,
                             Instant changedAt, Instant recomputedAt, int clocksMoved) {
        static ChangeView of(CalendarChange c) {
            return new ChangeView(c.id, c.version, c.action, c.entryId, c.kind, c.startsOn, c.endsOn, c.instrument,
                    c.description, c.changedBy, c.changedAt, c.recomputedAt, c.clocksMoved);
        }
    }

    /** Why a day does not count, or is special. */
    public record Reason(String kind, String description, String instrument, String source) {
    }

    /** A day of the calendar. */
    public record DayView(LocalDate date, String weekday, boolean counts, boolean businessDay, boolean suspended,
                          List<Reason> reasons) {
    }

    /** The what-if answer: the due date of a filing at {@code filedAt} and every day that did not count. */
    public record DueDateView(String jurisdiction, String profile, Instant filedAt, LocalDate receivedOn, LocalDate dueOn,
                              OffsetDateTime dueAt, int responseDays, String dayUnit, String zone, List<DayView> skipped) {
    }

    @GET
    @Path("/entries")
    @Authenticated
    public List<EntryView> entries(@PathParam("jurisdiction") String jurisdiction) {
        policy(jurisdiction);
        return calendars.entries(jurisdiction).stream().map(EntryView::of).toList();
    }

    @POST
    @Path("/entries")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"auditor", "admin"})
    public Response add(@PathParam("jurisdiction") String jurisdiction,
                        @Valid @NotNull(message = "a JSON body is required") NewEntryBody body, UriInfo uri) {
        policy(jurisdiction);
        LocalDate endsOn = body.endsOn() == null ? body.startsOn() : body.endsOn();
        if (endsOn.isBefore(body.startsOn())) {
            throw ProblemException.badRequest("endsOn " + endsOn + " is before startsOn " + body.startsOn());
        }
        if (ChronoUnit.DAYS.between(body.startsOn(), endsOn) > 3660) {
            throw ProblemException.badRequest("An entry covers at most ten years");
        }
        inCalendarYears("startsOn", body.startsOn());
        inCalendarYears("endsOn", endsOn);
        CalendarEntryRecord record = calendars.add(jurisdiction, new CalendarService.NewEntry(body.kind(), body.startsOn(),
                endsOn, body.instrument(), blankToNull(body.description())), caller.actor());
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(record.id)).build())
                .entity(EntryView.of(record))
                .build();
    }

    @DELETE
    @Path("/entries/{id}")
    @RolesAllowed({"auditor", "admin"})
    public Response delete(@PathParam("jurisdiction") String jurisdiction, @PathParam("id") String id) {
        policy(jurisdiction);
        long entryId;
        try {
            entryId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("No entry " + id + " in the calendar " + jurisdiction);
        }
        calendars.delete(jurisdiction, entryId, caller.actor())
                .orElseThrow(() -> ProblemException.notFound("No entry " + id + " in the calendar " + jurisdiction));
        return Response.noContent().build();
    }

    @GET
    @Path("/changes")
    @RolesAllowed({"auditor", "admin"})
    public List<ChangeView> changes(@PathParam("jurisdiction") String jurisdiction) {
        policy(jurisdiction);
        return calendars.changes(jurisdiction).stream().map(ChangeView::of).toList();
    }

    @GET
    @Path("/days")
    @Authenticated
    public List<DayView> days(@PathParam("jurisdiction") String jurisdiction, @QueryParam("from") String from,
                              @QueryParam("to") String to) {
        DeadlinePolicy policy = policy(jurisdiction);
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (last.isBefore(first)) {
            throw ProblemException.badRequest("to " + last + " is before from " + first);
        }
        if (ChronoUnit.DAYS.between(first, last) >= config.calendar().maxDays()) {
            throw ProblemException.badRequest("Ask for at most " + config.calendar().maxDays() + " days at a time");
        }
        JurisdictionCalendar calendar = calendars.calendar(policy);
        return first.datesUntil(last.plusDays(1)).map(day -> view(calendar, day, false)).toList();
    }

    @GET
    @Path("/due-date")
    @Authenticated
    public DueDateView dueDate(@PathParam("jurisdiction") String jurisdiction, @QueryParam("filedAt") String filedAt) {
        DeadlinePolicy policy = policy(jurisdiction);
        Instant at = instant(filedAt);
        JurisdictionCalendar calendar = calendars.calendar(policy);
        Deadline deadline = DeadlineCalculator.schedule(calendar, policy, at);
        LocalDateTime local = LocalDateTime.ofInstant(at, policy.zone());
        boolean afterCutoff = policy.cutoff() != null && local.toLocalTime().isAfter(policy.cutoff());
        List<DayView> skipped = new ArrayList<>();
        for (LocalDate day = local.toLocalDate(); !day.isAfter(deadline.dueOn()); day = day.plusDays(1)) {
            boolean beforeReceipt = day.isBefore(deadline.receivedOn());
            DayView view = view(calendar, day, beforeReceipt && day.equals(local.toLocalDate()) && afterCutoff);
            boolean counted = !beforeReceipt && (day.equals(deadline.receivedOn()) || countsIn(policy, view));
            if (!counted) {
                skipped.add(view);
            }
        }
        return new DueDateView(jurisdiction, policy.profile(), at, deadline.receivedOn(), deadline.dueOn(), deadline.dueAt(),
                policy.responseDays(), policy.dayUnit().name(), policy.zone().getId(), skipped);
    }

    private static boolean countsIn(DeadlinePolicy policy, DayView day) {
        return switch (policy.dayUnit()) {
            case BUSINESS -> day.counts();
            case CALENDAR, MONTH -> !day.suspended();
        };
    }

    private static DayView view(JurisdictionCalendar calendar, LocalDate day, boolean afterCutoff) {
        JurisdictionCalendar.DayExplanation explained = calendar.explain(day);
        List<Reason> reasons = new ArrayList<>();
        if (explained.weekend()) {
            reasons.add(new Reason("WEEKEND", day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH), null, "RULE"));
        }
        if (afterCutoff) {
            reasons.add(new Reason("AFTER_CUTOFF", "Filed after the cut-off hour: received on the next business day", null, "POLICY"));
        }
        for (CalendarEntry entry : explained.reasons()) {
            reasons.add(new Reason(entry.kind().name(), entry.description(), entry.instrument(),
                    calendar.entries().contains(entry) ? "ENTRY" : "RULE"));
        }
        return new DayView(day, day.getDayOfWeek().name(), explained.counts(), explained.businessDay(), explained.suspended(),
                reasons);
    }

    private DeadlinePolicy policy(String jurisdiction) {
        return policies.forJurisdiction(jurisdiction)
                .orElseThrow(() -> ProblemException.notFound("No calendar " + jurisdiction));
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(name + " is required (a date, e.g. 2026-12-01)");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value.strip());
        } catch (DateTimeException e) {
            throw ProblemException.badRequest(name + " must be a date such as 2026-12-01");
        }
        return inCalendarYears(name, date);
    }

    /** Calendars are built per year and kept: a date far outside any filing's lifetime is a mistake, not a question. */
    private static LocalDate inCalendarYears(String name, LocalDate date) {
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            throw ProblemException.badRequest(name + " must fall between the years " + FIRST_YEAR + " and " + LAST_YEAR);
        }
        return date;
    }

    private static Instant instant(String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest("filedAt is required (an instant, e.g. 2026-11-26T17:20:00Z)");
        }
        OffsetDateTime at;
        try {
            at = OffsetDateTime.parse(value.strip());
        } catch (DateTimeException e) {
            throw ProblemException.badRequest("filedAt must be an instant with its offset, e.g. 2026-11-26T17:20:00Z");
        }
        inCalendarYears("filedAt", at.toLocalDate());
        return at.toInstant();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
