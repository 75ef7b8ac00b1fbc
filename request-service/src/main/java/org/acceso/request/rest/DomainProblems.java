package org.acceso.request.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.acceso.problem.Problem;
import org.acceso.request.domain.IllegalMoveException;
import org.acceso.request.domain.InvalidInput;
import org.acceso.request.domain.RuleViolation;
import org.acceso.request.service.FilingKeys;
import org.acceso.request.service.LawInForce;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.Map;

/**
 * The lifecycle's refusals as problems: an illegal move or a broken rule is a 409, a broken input rule a 400, a filing's
 * Idempotency-Key reused for another body a 422, a rule of the law asked for before deadline-service announced the
 * policy in force a 503 with Retry-After.
 */
public class DomainProblems {

    public static final String IDEMPOTENCY_KEY_REUSED = "/problems/idempotency-key-reused";
    public static final String POLICY_NOT_KNOWN = "/problems/policy-not-known";
    /** deadline-service announces its policy within seconds of starting. */
    static final int POLICY_RETRY_AFTER_SECONDS = 5;

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

    /** An extension asked for before the policy in force (how many the law allows) is known: nothing is stored. */
    @ServerExceptionMapper
    public Response policyNotKnownYet(LawInForce.NotKnownYet e, UriInfo uri) {
        return Response.fromResponse(respond(new Problem(POLICY_NOT_KNOWN, "Policy not known yet", 503, e.getMessage(),
                uri.getPath(), List.of(), Map.of()))).header(HttpHeaders.RETRY_AFTER, POLICY_RETRY_AFTER_SECONDS).build();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
