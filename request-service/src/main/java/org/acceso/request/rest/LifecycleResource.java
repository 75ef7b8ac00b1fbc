package org.acceso.request.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.acceso.problem.ProblemException;
import org.acceso.request.domain.Role;
import org.acceso.request.service.CurrentActor;
import org.acceso.request.service.LifecycleService;
import org.acceso.request.service.StaffDirectory;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The legal moves on a request. Each answers the request as it is after the move; an illegal move is a 409 problem
 * naming the current status and the moves allowed from it; a request the caller may not see is a 404.
 */
@Path("/requests/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Lifecycle", description = "Routing, clarification, referral, extension, answer, withdrawal and appeal")
@APIResponse(responseCode = "200", description = "The request after the move")
@APIResponse(responseCode = "400", ref = "invalid")
@APIResponse(responseCode = "401", ref = "unauthorized")
@APIResponse(responseCode = "403", ref = "forbidden")
@APIResponse(responseCode = "404", ref = "notFound")
@APIResponse(responseCode = "409", ref = "illegalMove")
public class LifecycleResource {

    private static final String BODY_REQUIRED = "a JSON body is required";

    private final LifecycleService lifecycle;
    private final Views views;
    private final CurrentActor caller;
    private final StaffDirectory staff;

    public LifecycleResource(LifecycleService lifecycle, Views views, CurrentActor caller, StaffDirectory staff) {
        this.lifecycle = lifecycle;
        this.views = views;
        this.caller = caller;
        this.staff = staff;
    }

    @POST
    @Path("/assignment")
    @RolesAllowed({"coordinator", "clerk"})
    @Operation(summary = "Route or reassign (coordinator); take an unassigned request of one's own agency (clerk)")
    public RequestView assign(@PathParam("id") String id,
                              @Valid @NotNull(message = BODY_REQUIRED) Bodies.Assignment body) {
        if (caller.get().has(Role.COORDINATOR)) {
            staff.refreshUnlessKnown(body.agencyCode(), body.clerk()); // someone added in Keycloak since the last read
        }
        return views.full(lifecycle.assign(id, caller.get(), body.agencyCode(), body.clerk()), caller.get());
    }

    @POST
    @Path("/clarification")
    @RolesAllowed("clerk")
    @Operation(summary = "Ask the requester to clarify; the clock pauses or will restart, per the jurisdiction's policy")
    public RequestView requestClarification(@PathParam("id") String id,
                                            @Valid @NotNull(message = BODY_REQUIRED) Bodies.ClarificationQuestion body) {
        return views.full(lifecycle.requestClarification(id, caller.get(), body.question()), caller.get());
    }

    @POST
    @Path("/clarification/reply")
    @RolesAllowed("resident")
    @Operation(summary = "The requester answers the clarification question")
    public RequestView provideClarification(@PathParam("id") String id,
                                            @Valid @NotNull(message = BODY_REQUIRED) Bodies.ClarificationReply body) {
        return views.full(lifecycle.provideClarification(id, caller.get(), body.text()), caller.get());
    }

    @POST
    @Path("/referral")
    @RolesAllowed("clerk")
    @Operation(summary = "Refer to another agency (same tracking number) or to a competent body outside (closes it)",
            description = "Send exactly one of `agencyCode` and `external`.")
    public RequestView refer(@PathParam("id") String id, @Valid @NotNull(message = BODY_REQUIRED) Bodies.Referral body) {
        if ((body.agencyCode() == null) == (body.external() == null || body.external().isBlank())) {
            throw ProblemException.invalid("agencyCode", "send exactly one of agencyCode (another agency) and external "
                    + "(a competent body outside)");
        }
        return views.full(body.agencyCode() != null
                ? lifecycle.refer(id, caller.get(), body.agencyCode(), body.reason())
                : lifecycle.referOut(id, caller.get(), body.external().strip(), body.reason()), caller.get());
    }

    @POST
    @Path("/extension")
    @RolesAllowed("clerk")
    @Operation(summary = "Extend the deadline once, with written reasons, before it expires")
    public RequestView extend(@PathParam("id") String id, @Valid @NotNull(message = BODY_REQUIRED) Bodies.Extension body) {
        return views.full(lifecycle.extend(id, caller.get(), body.reason()), caller.get());
    }

    @POST
    @Path("/answer")
    @RolesAllowed("clerk")
    @Operation(summary = "Answer: GRANTED, PARTIALLY_GRANTED, DENIED or NOT_HELD",
            description = "DENIED and PARTIALLY_GRANTED cite at least one ground of GET /exemption-grounds; "
                    + "documentIds name documents uploaded to this request, released with the answer.")
    public RequestView answer(@PathParam("id") String id, @Valid @NotNull(message = BODY_REQUIRED) Bodies.Answer body) {
        return views.full(lifecycle.answer(id, caller.get(), body.outcome(), body.text(), body.groundsOrEmpty(),
                body.documentIdsOrEmpty()), caller.get());
    }

    @POST
    @Path("/withdrawal")
    @RolesAllowed("resident")
    @Operation(summary = "The requester withdraws the request while it is open (the body is optional)")
    public RequestView withdraw(@PathParam("id") String id, @Valid Bodies.Withdrawal body) {
        return views.full(lifecycle.withdraw(id, caller.get(), body == null ? null : body.reason()), caller.get());
    }

    @POST
    @Path("/appeal")
    @RolesAllowed("resident")
    @Operation(summary = "Appeal a denial, a partial grant or a silence, within the appeal window")
    public RequestView appeal(@PathParam("id") String id, @Valid @NotNull(message = BODY_REQUIRED) Bodies.Appeal body) {
        return views.full(lifecycle.appeal(id, caller.get(), body.reason()), caller.get());
    }

    @POST
    @Path("/appeal/resolution")
    @RolesAllowed("coordinator")
    @Operation(summary = "Resolve the appeal: UPHELD, PARTIALLY_UPHELD or DISMISSED")
    public RequestView resolveAppeal(@PathParam("id") String id,
                                     @Valid @NotNull(message = BODY_REQUIRED) Bodies.AppealResolution body) {
        return views.full(lifecycle.resolveAppeal(id, caller.get(), body.decision(), body.text()), caller.get());
    }
}
