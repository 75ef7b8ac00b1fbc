package org.acceso.request.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.acceso.problem.ProblemException;
import org.acceso.request.service.CurrentActor;
import org.acceso.request.service.ImportLine;
import org.acceso.request.service.ImportService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/** Imports requests of an earlier register (admin), as JSON lines or CSV. */
@Path("/requests/import")
@Tag(name = "Import", description = "Moving in: requests filed before Acceso existed")
public class ImportResource {

    public static final String NDJSON = "application/x-ndjson";

    private final ImportService imports;
    private final CurrentActor caller;

    public ImportResource(ImportService imports, CurrentActor caller) {
        this.imports = imports;
        this.caller = caller;
    }

    public record ImportReport(int imported, List<ImportService.Imported> requests) {
    }

    @POST
    @Consumes({NDJSON, "text/csv"})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Import requests with their original filing instant, status and agency (all or nothing)",
            description = "One request per JSON line (application/x-ndjson) or CSV row (text/csv, header row of field "
                    + "names). Fields: trackingNumber?, subject, description, agencyCode?, filedAt, status "
                    + "(RECEIVED|ASSIGNED|ANSWERED|WITHDRAWN), requesterName, requesterEmail, requesterUserId?, language?, "
                    + "outcome?, grounds?, answeredAt?, answerText?, withdrawnAt?. At most 10,000 per file.")
    @APIResponse(responseCode = "201", description = "Every line imported")
    @APIResponse(responseCode = "400", ref = "invalid")
    @APIResponse(responseCode = "413", ref = "tooLarge")
    @APIResponse(responseCode = "415", ref = "unsupported")
    public Response importAll(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("The file holds no request");
        }
        List<ImportLine> lines = contentType.toLowerCase().startsWith("text/csv")
                ? imports.readCsv(body) : imports.readJsonLines(body);
        List<ImportService.Imported> imported = imports.importAll(caller.get(), lines);
        return Response.status(Response.Status.CREATED).entity(new ImportReport(imported.size(), imported)).build();
    }
}
