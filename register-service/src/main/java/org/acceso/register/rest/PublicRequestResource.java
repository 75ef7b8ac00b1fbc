package org.acceso.register.rest;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.acceso.problem.ProblemException;
import org.acceso.register.config.RegisterConfig;
import org.acceso.register.domain.Outcome;
import org.acceso.register.service.RegisterQueries;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The public register (through the gateway at {@code /api/public/requests}, no sign-in): the list with full-text
 * search and filters, one request, and its public documents.
 */
@Path("/public/requests")
public class PublicRequestResource {

    /** A tracking number's shape ({@code AIP-2026-000123}); anything else cannot be one: 404. */
    private static final Pattern TRACKING_NUMBER = Pattern.compile("[A-Za-z0-9]{1,16}-\\d{4}-\\d{1,12}");

    private final RegisterQueries queries;
    private final RegisterConfig config;

    public PublicRequestResource(RegisterQueries queries, RegisterConfig config) {
        this.queries = queries;
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Published requests, newest first, or ranked by a full-text search",
            description = "`q`: PostgreSQL full text in Spanish over subject, question and answer (accents ignored; "
                    + "\"quoted phrases\", `or`, `-word` as in a web search), ranked. `from`/`to`: the day of filing. "
                    + "`page` from 0, `size` 1 to 100; deeper than 10,000 results, use the open-data export. `total` "
                    + "is exact up to 10,000 (`totalExact`); past that it reads 10,000 and the matches come newest first.")
    public Views.RequestPage list(@QueryParam("q") String q,
                                  @Parameter(description = "an agency code") @QueryParam("agency") String agency,
                                  @Parameter(description = "GRANTED, PARTIALLY_GRANTED, DENIED, NOT_HELD or DEEMED_DENIED")
                                  @QueryParam("outcome") String outcome,
                                  @Parameter(description = "a date, e.g. 2026-01-01") @QueryParam("from") String from,
                                  @QueryParam("to") String to,
                                  @QueryParam("page") @DefaultValue("0") String page,
                                  @QueryParam("size") @DefaultValue("20") String size) {
        RegisterConfig.Search limits = config.search();
        int pageNumber = Params.whole("page", page, 0, Integer.MAX_VALUE);
        int pageSize = Params.whole("size", size, 1, limits.maxPageSize());
        if (((long) pageNumber + 1) * pageSize > limits.maxWindow()) {
            throw ProblemException.invalid("page", "goes deeper than the first " + limits.maxWindow()
                    + " results: narrow the search, or download every request from /api/public/open-data/requests.csv");
        }
        RegisterQueries.Filter filter = new RegisterQueries.Filter(Params.text("q", q, limits.maxQueryLength()),
                Params.code("agency", agency), outcome(outcome), Params.date("from", from), Params.date("to", to));
        if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
            throw ProblemException.invalid("to", "must not be before from");
        }
        RegisterQueries.Page result = queries.search(filter, pageNumber, pageSize, limits.maxWindow());
        return new Views.RequestPage(result.items().stream().map(item -> Views.item(item, config.zone())).toList(),
                result.total(), result.exact(), pageNumber, pageSize);
    }

    @GET
    @Path("/{trackingNumber}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One published request: question, answer, outcome and grounds in plain words, dates, "
            + "whether it was answered on time, and its public documents")
    public Views.RequestDetail get(@PathParam("trackingNumber") String trackingNumber) {
        return Views.detail(published(trackingNumber), config.zone());
    }

    @GET
    @Path("/{trackingNumber}/documents/{documentId}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "One public document (the redacted copy the clerk released), as a download")
    public Response document(@PathParam("trackingNumber") String trackingNumber,
                             @PathParam("documentId") String documentId, @Context Request request) {
        UUID id = uuid(documentId);
        RegisterQueries.Document document = published(trackingNumber).documents().stream()
                .filter(d -> d.id().equals(id)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Request " + trackingNumber + " has no public document "
                        + documentId));
        EntityTag tag = new EntityTag(document.sha256());
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
        if (unchanged != null) {
            return unchanged.build();
        }
        StreamingOutput bytes = out -> {
            for (int part = 0; part < document.parts(); part++) {
                out.write(queries.part(document.id(), part)
                        .orElseThrow(() -> new IOException("document " + document.id() + " withdrawn while sent")));
            }
        };
        return Response.ok(bytes, mediaType(document.mediaType()))
                .tag(tag)
                .header(HttpHeaders.CONTENT_LENGTH, document.size())
                .header("Content-Disposition", "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(document.fileName(), StandardCharsets.UTF_8).replace("+", "%20"))
                .header("Repr-Digest", "sha-256=:" + java.util.Base64.getEncoder()
                        .encodeToString(java.util.HexFormat.of().parseHex(document.sha256())) + ":")
                .build();
    }

    private RegisterQueries.Detail published(String trackingNumber) {
        if (trackingNumber == null || !TRACKING_NUMBER.matcher(trackingNumber).matches()) {
            throw ProblemException.notFound("There is no published request " + printable(trackingNumber));
        }
        return queries.find(trackingNumber)
                .orElseThrow(() -> ProblemException.notFound("There is no published request " + trackingNumber));
    }

    private static String outcome(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Outcome.of(value.strip()).map(Outcome::name).orElseThrow(() -> ProblemException.invalid("outcome",
                "must be one of " + Arrays.toString(Outcome.values())));
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("There is no public document " + printable(value));
        }
    }

    /** Media types as the event gave them; anything unreadable is served as bytes. */
    private static MediaType mediaType(String value) {
        try {
            return MediaType.valueOf(value);
        } catch (IllegalArgumentException e) {
            return MediaType.APPLICATION_OCTET_STREAM_TYPE;
        }
    }

    /** A short, harmless echo of what was asked for, in an error's detail. */
    private static String printable(String value) {
        if (value == null) {
            return "";
        }
        String cut = value.length() > 40 ? value.substring(0, 40) + "…" : value;
        return cut.replaceAll("[^\\p{L}\\p{N} ._-]", "?");
    }
}
