package org.acceso.deadline.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.acceso.deadline.domain.DueDateChange;
import org.acceso.deadline.domain.LegalClock;
import org.acceso.deadline.service.ClockService;
import org.acceso.problem.ProblemException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** Staff read a request's legal clock and how its due date came about. */
@Path("/deadlines")
@Produces(MediaType.APPLICATION_JSON)
public class DeadlineResource {

    private final ClockService clocks;

    public DeadlineResource(ClockService clocks) {
        this.clocks = clocks;
    }

    /** A clock as staff see it. */
    public record ClockView(UUID requestId, String trackingNumber, String jurisdiction, String status, Instant filedAt,
                            LocalDate receivedOn, LocalDate dueOn, OffsetDateTime dueAt, List<Change> history) {
    }

    /** One line of the due date's history. */
    public record Change(LocalDate oldDueOn, LocalDate newDueOn, String cause, Instant changedAt) {
    }

    @GET
    @Path("/{requestId}")
    @RolesAllowed({"clerk", "coordinator", "auditor", "admin"})
    public ClockView get(@PathParam("requestId") String requestId) {
        UUID id = parse(requestId);
        LegalClock clock = LegalClock.<LegalClock>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("No legal clock for request " + requestId));
        ZoneId zone = clocks.policy().zone();
        List<Change> history = DueDateChange.of(id).stream()
                .map(c -> new Change(c.oldDueOn, c.newDueOn, c.cause, c.changedAt)).toList();
        return new ClockView(clock.requestId, clock.trackingNumber, clock.jurisdiction, clock.status.name(), clock.filedAt,
                clock.receivedOn, clock.dueOn, clock.dueAt.atZone(zone).toOffsetDateTime(), history);
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No legal clock for request " + id);
        }
    }
}
