package org.acceso.request.rest;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import org.acceso.problem.Problem;
import org.acceso.request.domain.Actor;
import org.acceso.request.domain.InformationRequest;
import org.acceso.request.service.CurrentActor;
import org.acceso.request.service.Receipts;
import org.acceso.request.service.RequestAccess;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The printable receipt of a request: tracking number and legal due date, for a requester without e-mail. */
@Path("/requests/{id}/receipt.pdf")
@Tag(name = "Requests")
public class ReceiptResource {

    static final String PDF = "application/pdf";

    private final Receipts receipts;
    private final RequestAccess access;
    private final CurrentActor caller;

    public ReceiptResource(Receipts receipts, RequestAccess access, CurrentActor caller) {
        this.receipts = receipts;
        this.access = access;
        this.caller = caller;
    }

    @GET
    @Authenticated
    @Produces({PDF, Problem.MEDIA_TYPE})
    @Operation(summary = "The request's printable receipt (PDF)",
            description = "Tracking number, subject, agency, when and how it was received and the legal due date, in the "
                    + "request's language and the jurisdiction's zone; the requester's name only for those who may see "
                    + "the requester. Anyone who may see the request may fetch it. Until the legal clock has computed the "
                    + "due date (seconds after filing) the answer is 409 `/problems/due-date-pending` with Retry-After.")
    @APIResponse(responseCode = "200", description = "The receipt", content = @Content(mediaType = PDF,
            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", ref = "notFound")
    @APIResponse(responseCode = "409", description = "The due date is not known yet: ask again after Retry-After seconds",
            headers = @Header(name = "Retry-After", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response pdf(@PathParam("id") String id) {
        Actor actor = caller.get();
        InformationRequest request = access.visible(id, actor);
        byte[] pdf = receipts.pdf(request, access.seesRequester(actor, request));
        return Response.ok(pdf, PDF)
                .header("Content-Disposition", "inline; filename=\"" + request.trackingNumber + ".pdf\"")
                .header("Cache-Control", "private, no-store")
                .build();
    }
}
