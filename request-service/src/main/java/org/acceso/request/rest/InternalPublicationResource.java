package org.acceso.request.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.acceso.request.service.PublicationService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Service to service, never routed by the gateway: register-service fetches the public (redacted) copies named in
 * {@code RequestPublished}, with a client-credentials token of the realm client {@code acceso-register} (role
 * {@code register}). Only the copies of a request published now are served: never an original, never a copy of a
 * withdrawn or republished publication.
 */
@Path("/internal/publications")
@Tag(name = "Internal", description = "For register-service only (role register); not routed by the gateway")
public class InternalPublicationResource {

    private final PublicationService publications;

    public InternalPublicationResource(PublicationService publications) {
        this.publications = publications;
    }

    @GET
    @Path("/{requestId}/documents/{documentId}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed("register")
    @Operation(summary = "A public (redacted) copy of a published request's document, for register-service")
    @APIResponse(responseCode = "200", description = "The bytes; Repr-Digest and ETag carry the SHA-256 of RequestPublished")
    @APIResponse(responseCode = "401", ref = "unauthorized")
    @APIResponse(responseCode = "403", ref = "forbidden")
    @APIResponse(responseCode = "404", ref = "notFound")
    public Response publicDocumentForRegister(@PathParam("requestId") String requestId,
                                              @PathParam("documentId") String documentId) {
        PublicationService.Served document = publications.served(requestId, documentId);
        return DocumentResource.bytes(document.content(), document.mediaType(), document.sha256()).build();
    }
}
