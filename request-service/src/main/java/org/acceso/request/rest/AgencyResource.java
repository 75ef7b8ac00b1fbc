package org.acceso.request.rest;

import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.acceso.problem.ProblemException;
import org.acceso.request.domain.Agency;
import org.acceso.request.domain.StaffMember;
import org.acceso.request.service.AgencyService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

/** The agency catalogue: read by everyone signed in, kept by admins. Changes are published on agency-events. */
@Path("/agencies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Agencies", description = "The agencies that hold information and answer requests")
public class AgencyResource {

    private final AgencyService agencies;

    public AgencyResource(AgencyService agencies) {
        this.agencies = agencies;
    }

    public record AgencyView(String code, String name, String contactEmail, String backupEmail, boolean active,
                             Instant updatedAt) {
        static AgencyView of(Agency a) {
            return new AgencyView(a.code, a.name, a.contactEmail, a.backupEmail, a.active, a.updatedAt);
        }
    }

    public record ClerkView(String userId, String username, String name) {
    }

    @GET
    @Authenticated
    @Operation(operationId = "listAgencies", summary = "Every agency, active or not, by code")
    public List<AgencyView> list() {
        return Agency.all().stream().map(AgencyView::of).toList();
    }

    @GET
    @Path("/{code}")
    @Authenticated
    @Operation(operationId = "getAgency", summary = "One agency by its code")
    @APIResponse(responseCode = "404", ref = "notFound")
    public AgencyView get(@PathParam("code") String code) {
        return Agency.<Agency>findByIdOptional(code).map(AgencyView::of)
                .orElseThrow(() -> ProblemException.notFound("No agency " + code));
    }

    @GET
    @Path("/{code}/clerks")
    @RolesAllowed({"coordinator", "admin"})
    @Operation(summary = "The agency's clerks as Keycloak lists them (the staff directory), to assign requests to")
    @APIResponse(responseCode = "404", ref = "notFound")
    public List<ClerkView> clerks(@PathParam("code") String code) {
        get(code);
        return StaffMember.clerksOf(code).stream().map(s -> new ClerkView(s.userId(), s.username(), s.name())).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Add an agency")
    @APIResponse(responseCode = "201", description = "Added")
    @APIResponse(responseCode = "400", ref = "invalid")
    @APIResponse(responseCode = "409", description = "An agency with that code exists")
    public Response create(@Valid @NotNull(message = "a JSON body is required") Bodies.AgencyBody body, UriInfo uri) {
        if (body.code() == null) {
            throw ProblemException.invalid("code", "is required");
        }
        Agency agency = agencies.create(body.code(), details(body));
        return Response.created(uri.getAbsolutePathBuilder().path(agency.code).build()).entity(AgencyView.of(agency)).build();
    }

    private static AgencyService.Details details(Bodies.AgencyBody body) {
        return new AgencyService.Details(body.name(), body.contactEmail(), body.backupEmail(), body.active());
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Change an agency (name, contacts, active); its code never changes")
    @APIResponse(responseCode = "400", ref = "invalid")
    @APIResponse(responseCode = "404", ref = "notFound")
    public AgencyView update(@PathParam("code") String code,
                             @Valid @NotNull(message = "a JSON body is required") Bodies.AgencyBody body) {
        if (body.code() != null && !body.code().equals(code)) {
            throw ProblemException.invalid("code", "cannot change: it is the agency's identity (create a new agency instead)");
        }
        return AgencyView.of(agencies.update(code, details(body)));
    }
}
