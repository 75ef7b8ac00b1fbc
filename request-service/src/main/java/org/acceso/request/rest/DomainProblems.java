package org.acceso.request.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.acceso.problem.Problem;
import org.acceso.request.domain.IllegalMoveException;
import org.acceso.request.domain.InvalidInput;
import org.acceso.request.domain.RuleViolation;
import org.acceso.request.service.FilingKeys;
import org.acceso.request.service.StaffDirectory;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.Map;

/**
 * The lifecycle's refusals as problems: an illegal move or a broken rule is a 409, a broken input rule a 400, a filing's
 * Idempotency-Key reused for another body a 422, Keycloak's staff directory unreadable on demand a 503.
 */
public class DomainProblems {

    public static final String IDEMPOTENCY_KEY_REUSED = "/problems/idempotency-key-reused";
    public static final String STAFF_DIRECTORY_UNAVAILABLE = "/problems/staff-directory-unavailable";

    @ServerExceptionMapper
    public Response illegalMove(IllegalMoveException e, UriInfo uri) {
        return respond(new Problem("/problems/illegal-move", "Move not allowed", 409, e.getMessage(), uri.getPath(),
                List.of(), Map.of("currentStatus", e.status().name(), "move", e.move().apiName(),
                "allowedMoves", e.allowedMoves())));
    }

    @ServerExceptionMapper
    public Response ruleViolation(RuleViolation e, UriInfo uri) {
        return respond(new Problem("/problems/rule-violation", "Not allowed by the rules", 409, e.getMessage(),
                uri.getPath(), List.of(), Map.of()));
    }

    @ServerExceptionMapper
    public Response invalidInput(InvalidInput e, UriInfo uri) {
        return respond(Problem.invalid("1 field is invalid", uri.getPath(),
                List.of(new Problem.Violation(e.field(), e.getMessage()))));
    }

    /** An Idempotency-Key sent again with another body: neither a retry (nothing to replay) nor a new filing. */
    @ServerExceptionMapper
    public Response idempotencyKeyReused(FilingKeys.Reused e, UriInfo uri) {
        return respond(new Problem(IDEMPOTENCY_KEY_REUSED, "Idempotency key reused", 422, e.getMessage(), uri.getPath(),
                List.of(), Map.of()));
    }

    /** A refresh asked for now could not read Keycloak: try later; the directory as last read stays in force. */
    @ServerExceptionMapper
    public Response staffDirectoryUnavailable(StaffDirectory.Unavailable e, UriInfo uri) {
        return Response.fromResponse(respond(new Problem(STAFF_DIRECTORY_UNAVAILABLE, "Staff directory unavailable", 503,
                e.getMessage(), uri.getPath(), List.of(), Map.of()))).header("Retry-After", "30").build();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
