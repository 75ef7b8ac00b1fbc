package org.acceso.request.rest;

import jakarta.annotation.security.RolesAllowed;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.acceso.problem.ProblemException;
import org.acceso.request.service.CurrentActor;
import org.acceso.request.service.DocumentService;
import org.acceso.request.service.RequestAccess;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** Documents of a request: uploaded by a clerk of its agency (released with the answer) or by the requester. */
@Path("/requests/{id}/documents")
@Tag(name = "Documents", description = "Upload and download the documents of a request")
public class DocumentResource {

    private final DocumentService documents;
    private final RequestAccess access;
    private final CurrentActor caller;

    public DocumentResource(DocumentService documents, RequestAccess access, CurrentActor caller) {
        this.documents = documents;
        this.access = access;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"clerk", "resident"})
    @Operation(summary = "Attach a document (multipart field `file`)",
            description = "PDF, PNG, JPEG, CSV, XLSX, ODS, DOCX, ODT or plain text, decided from the bytes; up to "
                    + "request.documents.max-size (20 MB by default).")
    @APIResponse(responseCode = "201", description = "Stored: id, name, mediaType, size, sha256")
    @APIResponse(responseCode = "400", ref = "invalid")
    @APIResponse(responseCode = "404", ref = "notFound")
    @APIResponse(responseCode = "413", ref = "tooLarge")
    @APIResponse(responseCode = "415", ref = "unsupported")
    public Response upload(@PathParam("id") String id, @RestForm("file") FileUpload file, UriInfo uri) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.invalid("file", "is required: send the document as the multipart field \"file\"");
        }
        DocumentService.Info stored = documents.upload(id, caller.get(), file.fileName(), file.uploadedFile());
        return Response.created(uri.getAbsolutePathBuilder().path(stored.id().toString()).build()).entity(stored).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Authenticated
    @Operation(operationId = "listDocuments", summary = "The documents of the request the caller may read")
    @APIResponse(responseCode = "404", ref = "notFound")
    public List<DocumentService.Info> list(@PathParam("id") String id) {
        return documents.list(access.visible(id, caller.get()), caller.get());
    }

    @GET
    @Path("/{documentId}")
    @Produces(MediaType.WILDCARD)
    @Authenticated
    @Operation(summary = "Download a document, byte for byte, after checking its SHA-256")
    @APIResponse(responseCode = "200", description = "The bytes; Repr-Digest carries the SHA-256")
    @APIResponse(responseCode = "404", ref = "notFound")
    public Response download(@PathParam("id") String id, @PathParam("documentId") String documentId) {
        DocumentService.Download download = documents.download(id, documentId, caller.get());
        String ascii = download.name().replaceAll("[^A-Za-z0-9._ -]", "_");
        return bytes(download.content(), download.mediaType(), download.sha256())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(download.name(), StandardCharsets.UTF_8).replace("+", "%20"))
                .build();
    }

    /** A stored file's bytes, with its SHA-256 as {@code Repr-Digest} and {@code ETag}, never sniffed nor cached. */
    static Response.ResponseBuilder bytes(byte[] content, String mediaType, String sha256) {
        return Response.ok(content, mediaType)
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)) + ":")
                .header(HttpHeaders.ETAG, "\"" + sha256 + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }
}
