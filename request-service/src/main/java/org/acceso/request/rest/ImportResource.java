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

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
    public Response importAll(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] file) {
        String body = text(file, contentType);
        if (body.isBlank()) {
            throw ProblemException.badRequest("The file holds no request");
        }
        List<ImportLine> lines = contentType.toLowerCase().startsWith("text/csv")
                ? imports.readCsv(body) : imports.readJsonLines(body);
        List<ImportService.Imported> imported = imports.importAll(caller.get(), lines);
        return Response.status(Response.Status.CREATED).entity(new ImportReport(imported.size(), imported)).build();
    }

    /**
     * The file as text, in the charset its content type names (UTF-8 if none: registers exported from spreadsheets
     * often come in ISO-8859-1 or windows-1252). Bytes that are not text in that charset are refused, never replaced.
     */
    static String text(byte[] file, String contentType) {
        if (file == null) {
            return "";
        }
        String name = MediaType.valueOf(contentType).getParameters().get(MediaType.CHARSET_PARAMETER);
        Charset charset;
        try {
            charset = name == null ? StandardCharsets.UTF_8 : Charset.forName(name.strip());
        } catch (IllegalArgumentException unknown) {
            throw new ProblemException(Response.Status.UNSUPPORTED_MEDIA_TYPE, "The charset " + name + " is not known");
        }
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.badRequest("The file is not " + charset.name() + " text: say its charset in the "
                    + "content type (e.g. text/csv; charset=windows-1252)");
        }
    }
}
