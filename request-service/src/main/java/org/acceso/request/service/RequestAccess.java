package org.acceso.request.service;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.acceso.problem.ProblemException;
import org.acceso.request.domain.Actor;
import org.acceso.request.domain.InformationRequest;
import org.acceso.request.domain.Move;
import org.acceso.request.domain.RequestDocument;
import org.acceso.request.domain.Role;

import java.util.Optional;
import java.util.UUID;

/**
 * Who may see and do what, in one place. A resident sees only their own requests; a clerk only their agency's (the
 * token's {@code agency} claim); coordinators, auditors and admins read all. A request someone may not see does not
 * exist for them (404, never 403), so ids cannot be probed. The requester's identity and contact are shown to the
 * requester, the clerks of the request's agency, coordinators and auditors only.
 */
@ApplicationScoped
public class RequestAccess {

    public boolean canSee(Actor actor, InformationRequest request) {
        return actor.has(Role.COORDINATOR) || actor.has(Role.AUDITOR) || actor.has(Role.ADMIN)
                || (actor.has(Role.RESIDENT) && request.isFiledBy(actor.userId()))
                || actor.isClerkOf(request.agencyCode)
                || actor.has(Role.SYSTEM);
    }

    /** Whether {@code actor} reads every request (no filter on owner or agency). */
    public boolean readsAll(Actor actor) {
        return actor.has(Role.COORDINATOR) || actor.has(Role.AUDITOR) || actor.has(Role.ADMIN);
    }

    public boolean seesRequester(Actor actor, InformationRequest request) {
        return actor.has(Role.COORDINATOR) || actor.has(Role.AUDITOR)
                || request.isFiledBy(actor.userId()) || actor.isClerkOf(request.agencyCode);
    }

    /**
     * Whether {@code actor} may make {@code move} on a request they can see (the status is checked by the request). A
     * clerk's assignment is taking an unassigned request of their agency; coordinators route and reassign.
     */
    public boolean mayMake(Actor actor, Move move, InformationRequest request) {
        return move.roles().stream().filter(actor::has).anyMatch(role -> switch (role) {
            case RESIDENT -> request.isFiledBy(actor.userId());
            case CLERK -> actor.isClerkOf(request.agencyCode) && (move != Move.ASSIGN || request.assigneeUserId == null);
            case COORDINATOR, SYSTEM -> true;
            case AUDITOR, ADMIN -> false;
        });
    }

    /**
     * The agency a request registered by {@code actor} is filed into, when they may register it: a coordinator
     * registers for any agency or none ({@code requested} as given); a clerk only for their own agency (the request is
     * filed into it). Anyone else may not register requests (403), nor may a clerk for another agency.
     */
    public String registrationAgency(Actor actor, String requested) {
        if (actor.has(Role.COORDINATOR)) {
            return requested;
        }
        if (!actor.has(Role.CLERK)) {
            throw forbidden("Only clerks and coordinators register requests received in person, by post, e-mail or "
                    + "phone; to file your own request, send it without channel, requester and receivedAt");
        }
        if (actor.agency() == null) {
            throw forbidden("Your account names no agency: a clerk registers requests for their own agency");
        }
        if (requested != null && !requested.equals(actor.agency())) {
            throw forbidden("A clerk registers requests for their own agency only (" + actor.agency()
                    + "); a coordinator registers for any agency");
        }
        return actor.agency();
    }

    /** A 403 problem saying why. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(Response.Status.FORBIDDEN, detail);
    }

    /** Whether {@code actor} may read a document of a request they can see: the requester sees only released ones and their own. */
    public boolean canRead(Actor actor, InformationRequest request, RequestDocument document) {
        if (seesAllDocuments(actor, request)) {
            return true;
        }
        return request.isFiledBy(actor.userId())
                && (document.releasedAt != null || actor.userId().equals(document.uploadedBy));
    }

    public boolean seesAllDocuments(Actor actor, InformationRequest request) {
        return readsAll(actor) || actor.isClerkOf(request.agencyCode);
    }

    /** The request, if {@code actor} may see it; otherwise the same 404 as for an id that does not exist. */
    public InformationRequest visible(String id, Actor actor) {
        return parse(id).flatMap(uuid -> InformationRequest.<InformationRequest>findByIdOptional(uuid))
                .filter(request -> canSee(actor, request))
                .orElseThrow(() -> notFound(id));
    }

    /** Like {@link #visible}, and {@code actor} may make {@code move} on it (403 otherwise). */
    public InformationRequest forMove(String id, Actor actor, Move move) {
        InformationRequest request = visible(id, actor);
        if (!mayMake(actor, move, request)) {
            throw new ForbiddenException();
        }
        return request;
    }

    public static ProblemException notFound(String id) {
        return ProblemException.notFound("No request " + id + " that you may see");
    }

    public static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }
}
