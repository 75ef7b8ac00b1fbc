package org.acceso.request.rest;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.acceso.problem.Problem;
import org.acceso.request.domain.IllegalMoveException;
import org.acceso.request.domain.InvalidInput;
import org.acceso.request.domain.RuleViolation;
import org.acceso.request.service.FilingKeys;
import org.acceso.request.service.PublicCopies;
import org.acceso.request.service.PublicationService;
import org.acceso.request.service.Receipts;
import org.acceso.request.service.LawInForce;
import org.acceso.request.service.StaffDirectory;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.Map;

/**
 * The lifecycle's refusals as problems: an illegal move or a broken rule is a 409, a broken input rule a 400, a filing's
 * Idempotency-Key reused for another body a 422, a receipt whose due date the legal clock has not told yet a 409 with
 * Retry-After, a rule of the law asked for before deadline-service announced the policy in force a 503 with Retry-After,
 * Keycloak's staff directory unreadable on demand a 503.
 */
public class DomainProblems {

    public static final String IDEMPOTENCY_KEY_REUSED = "/problems/idempotency-key-reused";
    public static final String PERSONAL_DATA = "/problems/personal-data";
    public static final String UNPUBLISHABLE_DOCUMENT = "/problems/unpublishable-document";
    public static final String NO_PUBLICATION_CONSENT = "/problems/no-publication-consent";
    public static final String DUE_DATE_PENDING = "/problems/due-date-pending";
    /** The legal clock schedules a new request within a second or two. */
    static final int RECEIPT_RETRY_AFTER_SECONDS = 2;
    public static final String POLICY_NOT_KNOWN = "/problems/policy-not-known";
    /** deadline-service announces its policy within seconds of starting. */
    static final int POLICY_RETRY_AFTER_SECONDS = 5;
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

    /** Approved texts that still hold personal data the clerk did not keep: each datum's field, kind and place. */
    @ServerExceptionMapper
    public Response personalDataLeft(PublicationService.PersonalDataLeft e, UriInfo uri) {
        return respond(new Problem(PERSONAL_DATA, "Personal data in the approved texts", 422, e.getMessage(),
                uri.getPath(), List.of(), Map.of("personalData", e.data())));
    }

    /** A document named PUBLIC whose content cannot be checked for personal data (an image, a scan, a spreadsheet). */
    @ServerExceptionMapper
    public Response unpublishable(PublicCopies.Unpublishable e, UriInfo uri) {
        return respond(new Problem(UNPUBLISHABLE_DOCUMENT, "Document cannot be published", 422, e.getMessage(),
                uri.getPath(), List.of(), Map.of()));
    }

    /** The requester declined publication at filing and the city honours it. */
    @ServerExceptionMapper
    public Response noConsent(PublicationService.NoConsent e, UriInfo uri) {
        return respond(new Problem(NO_PUBLICATION_CONSENT, "The requester declined publication", 409, e.getMessage(),
                uri.getPath(), List.of(), Map.of()));
    }

    /**
     * A receipt asked for before the legal clock told the due date (it does within seconds): 409 with Retry-After, so a
     * client waits and asks again; never a receipt without its date, nor a date of our own.
     */
    @ServerExceptionMapper
    public Response dueDateNotKnownYet(Receipts.DueDateNotKnownYet e, UriInfo uri) {
        return Response.fromResponse(respond(new Problem(DUE_DATE_PENDING, "Due date not known yet", 409, e.getMessage(),
                uri.getPath(), List.of(), Map.of()))).header(HttpHeaders.RETRY_AFTER, RECEIPT_RETRY_AFTER_SECONDS).build();
    }

    /** An extension asked for before the policy in force (how many the law allows) is known: nothing is stored. */
    @ServerExceptionMapper
    public Response policyNotKnownYet(LawInForce.NotKnownYet e, UriInfo uri) {
        return Response.fromResponse(respond(new Problem(POLICY_NOT_KNOWN, "Policy not known yet", 503, e.getMessage(),
                uri.getPath(), List.of(), Map.of()))).header(HttpHeaders.RETRY_AFTER, POLICY_RETRY_AFTER_SECONDS).build();
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
