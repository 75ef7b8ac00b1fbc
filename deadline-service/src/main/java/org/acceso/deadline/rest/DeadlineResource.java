package org.acceso.deadline.rest;

import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.acceso.deadline.domain.AppealStatus;
import org.acceso.deadline.domain.DueDateChange;
import org.acceso.deadline.domain.LegalClock;
import org.acceso.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A request's legal clock and how its dates came about. Readable by the requester, clerks of the agency that holds
 * the request, coordinators, auditors and admins; for anyone else it does not exist (404, so ids cannot be probed).
 */
@Path("/deadlines")
@Produces(MediaType.APPLICATION_JSON)
public class DeadlineResource {

    private final Caller caller;

    public DeadlineResource(Caller caller) {
        this.caller = caller;
    }

    /** A clock as its readers see it. */
    public record ClockView(UUID requestId, String trackingNumber, String jurisdiction, String profile, String zone,
                            String agencyCode, boolean imported, String status, Instant filedAt, LocalDate receivedOn,
                            LocalDate dueOn, OffsetDateTime dueAt, Integer remainingDays, int extensions,
                            Instant missedAt, Instant answeredAt, String outcome, AppealView appeal,
                            List<Change> history) {
    }

    /** The appeal window, once open. */
    public record AppealView(String status, String cause, LocalDate opensOn, LocalDate dueOn, OffsetDateTime dueAt,
                             Instant appealedAt) {
    }

    /** One line of the history: which clock, old and new date, status after, cause, instrument, detail, when. */
    public record Change(String clock, String status, LocalDate oldDueOn, LocalDate newDueOn, String cause,
                         String instrument, String detail, Instant changedAt) {
    }

    @GET
    @Path("/{requestId}")
    @Authenticated
    @Transactional
    public ClockView get(@PathParam("requestId") String requestId) {
        LegalClock clock = parse(requestId).flatMap(id -> LegalClock.<LegalClock>findByIdOptional(id))
                .filter(this::mayRead)
                .orElseThrow(() -> ProblemException.notFound("No legal clock for request " + requestId));
        ZoneId zone = clock.zoneId();
        List<Change> history = DueDateChange.of(clock.requestId).stream()
                .map(c -> new Change(c.clock, c.status, c.oldDueOn, c.newDueOn, c.cause, c.instrument, c.detail, c.changedAt))
                .toList();
        AppealView appeal = clock.appealStatus == null ? null : new AppealView(clock.appealStatus.name(), clock.appealCause,
                clock.appealOpensOn, clock.appealDueOn, clock.appealDueAt.atZone(zone).toOffsetDateTime(),
                clock.appealStatus == AppealStatus.STOPPED ? clock.appealFiledAt : null);
        return new ClockView(clock.requestId, clock.trackingNumber, clock.jurisdiction, clock.profile, clock.zone,
                clock.agencyCode, clock.imported, clock.status.name(), clock.filedAt, clock.receivedOn, clock.dueOn,
                clock.dueAt.atZone(zone).toOffsetDateTime(), clock.remainingDays, clock.extensions, clock.missedAt,
                clock.answeredAt, clock.outcome, appeal, history);
    }

    private boolean mayRead(LegalClock clock) {
        if (caller.seesAllAgencies()) {
            return true;
        }
        if (caller.agency().filter(agency -> agency.equals(clock.agencyCode)).isPresent()) {
            return true;
        }
        return Objects.equals(clock.requesterUserId, caller.subject());
    }

    private static java.util.Optional<UUID> parse(String id) {
        try {
            return java.util.Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return java.util.Optional.empty();
        }
    }
}
