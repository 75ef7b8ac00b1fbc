package org.acceso.request.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.acceso.request.service.CurrentActor;
import org.acceso.request.service.PublicationService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The publication workflow of a request (clerks of its agency and coordinators): the proposal with every personal
 * datum found, publishing what the clerk approved, reading it, withdrawing it.
 */
@Path("/requests/{id}/publication")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"clerk", "coordinator"})
@Tag(name = "Publication", description = "The public register: what is published of an answered request, without its requester")
@APIResponse(responseCode = "401", ref = "unauthorized")
@APIResponse(responseCode = "403", ref = "forbidden")
@APIResponse(responseCode = "404", ref = "notFound")
public class PublicationResource {

    private final PublicationService publications;
    private final CurrentActor caller;

    public PublicationResource(PublicationService publications, CurrentActor caller) {
        this.publications = publications;
        this.caller = caller;
    }

    @GET
    @Path("/proposal")
    @Operation(summary = "What could be published, with every personal datum found marked",
            description = "The subject, question (the request's description) and answer, each with its personal data "
                    + "(kind, start, end, text; `requester` for the requester's own) and a suggestion with each replaced by "
                    + "[dato personal]; each document released with the answer with the data its public copy would remove "
                    + "(page of a PDF, row and column of a CSV), or why it cannot be published. `publishable` is false, "
                    + "with the reason in `refusal`, before an answer or a denial by silence, or when the requester "
                    + "declined publication and the city honours it.")
    @APIResponse(responseCode = "200", description = "The proposal")
    public PublicationService.Proposal publicationProposal(@PathParam("id") String id) {
        return publications.proposal(id, caller.get());
    }

    @GET
    @Operation(summary = "The request's publication as it stands (published or withdrawn) and its public documents")
    @APIResponse(responseCode = "200", description = "The publication")
    public PublicationService.Published publication(@PathParam("id") String id) {
        return publications.publication(id, caller.get());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish what the clerk approved (again: replaces it)",
            description = "`question`, `answer` (and `subject`, by default the request's) are published exactly as sent; "
                    + "personal data are detected in them again, and any not replaced by [dato personal] nor listed in "
                    + "`keep` refuses the publication (422 `/problems/personal-data`, each datum's field, kind and place). "
                    + "The requester's own name and e-mail can never be kept. Each document released with the answer is "
                    + "`PUBLIC` (its redacted copy is published: a PDF's redacted pages rasterised with their text removed, "
                    + "DOCX and ODT as a PDF of their redacted text, CSV cell by cell) or `REQUESTER_ONLY` (the default). "
                    + "`embargoUntil`: the register shows it from that day. Emits RequestPublished on publication-events.")
    @APIResponse(responseCode = "200", description = "Published")
    @APIResponse(responseCode = "400", ref = "invalid")
    @APIResponse(responseCode = "409", ref = "illegalMove")
    @APIResponse(responseCode = "422", description = "Personal data left in the approved texts, or a document that cannot be "
            + "checked for personal data (`/problems/unpublishable-document`)")
    public PublicationService.Published publish(@PathParam("id") String id,
                                                @Valid @NotNull(message = "a JSON body is required") Bodies.Publication body) {
        return publications.publish(id, caller.get(), body.approval());
    }

    @DELETE
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Withdraw the publication (a court order, a mistake), with its reason in the history",
            description = "The register forgets the request and its documents (PublicationWithdrawn); the internal route "
                    + "stops serving its public copies at once.")
    @APIResponse(responseCode = "200", description = "Withdrawn")
    @APIResponse(responseCode = "400", ref = "invalid")
    @APIResponse(responseCode = "409", ref = "illegalMove")
    public PublicationService.Published withdrawPublication(@PathParam("id") String id,
                                                            @Valid @NotNull(message = "a JSON body is required: {\"reason\": \"...\"}")
                                                            Bodies.PublicationWithdrawal body) {
        return publications.withdraw(id, caller.get(), body.reason());
    }
}
