package org.acceso.register.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.acceso.register.config.RegisterConfig;
import org.acceso.register.service.OpenData;
import org.acceso.register.service.OpenData.Dataset;
import org.acceso.register.service.OpenData.Format;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Date;
import java.util.List;
import java.util.function.Supplier;

/**
 * Open data (through the gateway at {@code /api/public/open-data}, no sign-in): every published request, the public
 * statistics, their data dictionary and licence. Files stream row by row and carry an ETag and Last-Modified, so a
 * harvester that asks again with {@code If-None-Match} or {@code If-Modified-Since} gets a 304 until they change.
 */
@Path("/public/open-data")
public class OpenDataResource {

    static final String BASE = "/api/public/open-data/";
    static final String TEXT_CSV = "text/csv";

    private final OpenData openData;
    private final RegisterConfig config;

    public OpenDataResource(OpenData openData, RegisterConfig config) {
        this.openData = openData;
        this.config = config;
    }

    @GET
    @Path("/requests.csv")
    @Produces(TEXT_CSV)
    @Operation(summary = "Every published request, one row each (CSV, UTF-8, header row; columns: /schema)")
    public Response requestsCsv(@Context Request request) {
        return file(request, Dataset.REQUESTS, Format.CSV, openData::requestsFreshness);
    }

    @GET
    @Path("/requests.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every published request, one object each (a JSON array; the same names as the CSV columns)")
    public Response requestsJson(@Context Request request) {
        return file(request, Dataset.REQUESTS, Format.JSON, openData::requestsFreshness);
    }

    @GET
    @Path("/statistics.csv")
    @Produces(TEXT_CSV)
    @Operation(summary = "Compliance per agency and month of receipt (deadline-service's figures), one row each")
    public Response statisticsCsv(@Context Request request) {
        return file(request, Dataset.STATISTICS, Format.CSV, openData::statisticsFreshness);
    }

    @GET
    @Path("/statistics.json")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Compliance per agency and month of receipt, one object each (a JSON array)")
    public Response statisticsJson(@Context Request request) {
        return file(request, Dataset.STATISTICS, Format.JSON, openData::statisticsFreshness);
    }

    /** The data dictionary: every dataset, its files and every column's type and meaning, in Spanish and English. */
    public record Schema(String publisher, Licence licence, List<DatasetView> datasets) {
    }

    public record Licence(String name, String url, String attribution) {
    }

    public record DatasetView(String name, Views.Words description, Files files, List<OpenData.Column> columns) {
    }

    public record Files(String csv, String json) {
    }

    @GET
    @Path("/schema")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The data dictionary and the licence (CC BY 4.0)")
    public Schema schema() {
        return new Schema(config.publisher(), licence(), List.of(Dataset.values()).stream()
                .map(dataset -> new DatasetView(dataset.fileName(), new Views.Words(dataset.spanish(), dataset.english()),
                        new Files(BASE + dataset.fileName() + ".csv", BASE + dataset.fileName() + ".json"),
                        dataset.columns()))
                .toList());
    }

    private Licence licence() {
        return new Licence(OpenData.LICENCE_NAME, OpenData.LICENCE_URL, "Fuente: " + config.publisher()
                + ", registro público de solicitudes de acceso a la información (Acceso). Licencia CC BY 4.0.");
    }

    private Response file(Request request, Dataset dataset, Format format, Supplier<OpenData.Freshness> freshness) {
        OpenData.Freshness current = freshness.get();
        String extension = format == Format.CSV ? "csv" : "json";
        EntityTag tag = new EntityTag(current.etag() + "." + extension);
        Date lastModified = Date.from(current.lastModified());
        Response.ResponseBuilder unchanged = request.evaluatePreconditions(lastModified, tag);
        Response.ResponseBuilder response = unchanged != null ? unchanged
                : Response.ok((StreamingOutput) out -> {
                    if (dataset == Dataset.REQUESTS) {
                        openData.writeRequests(out, format);
                    } else {
                        openData.writeStatistics(out, format);
                    }
                }, format == Format.CSV ? TEXT_CSV + "; charset=UTF-8" : MediaType.APPLICATION_JSON + "; charset=UTF-8");
        response.tag(tag).lastModified(lastModified)
                .header("Link", "<" + OpenData.LICENCE_URL + ">; rel=\"license\", <" + BASE + "schema>; rel=\"describedby\"");
        if (format == Format.CSV && unchanged == null) {
            response.header("Content-Disposition", "attachment; filename=\"acceso-" + dataset.fileName() + ".csv\"");
        }
        return response.build();
    }
}
