package org.acceso.web.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The API calls of the office's pages (same gateway, token and problem reading as {@link AccesoApi}): agencies,
 * import of past requests, the delivery log and its retry, deleting a calendar entry, notice preferences. Who may
 * do each is the API's decision; a refusal comes back as an {@link ApiProblem}.
 */
@RegisterRestClient(configKey = "api")
@RegisterClientHeaders(UserToken.class)
@RegisterProvider(ApiProblem.Mapper.class)
@Produces(MediaType.APPLICATION_JSON)
public interface OfficeApi {

    // ---- agencies (request-service)

    @GET
    @Path("/agencies/{code}")
    Api.Agency agency(@PathParam("code") String code);

    @POST
    @Path("/agencies")
    @Consumes(MediaType.APPLICATION_JSON)
    Api.Agency createAgency(Office.AgencyBody body);

    @PUT
    @Path("/agencies/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    Api.Agency updateAgency(@PathParam("code") String code, Office.AgencyBody body);

    // ---- import of past requests (request-service): CSV or JSON lines, all or nothing

    @POST
    @Path("/requests/import")
    @Consumes(MediaType.WILDCARD)
    Office.ImportReport importRequests(@HeaderParam("Content-Type") String contentType, byte[] file);

    // ---- delivery log, retry, preferences (notification-service)

    @GET
    @Path("/notifications")
    Office.LogPage deliveries(@QueryParam("status") String status, @QueryParam("from") String from,
                              @QueryParam("to") String to, @QueryParam("page") Integer page, @QueryParam("size") Integer size);

    @POST
    @Path("/notifications/{id}/retry")
    Office.LogEntry retry(@PathParam("id") long id);

    @GET
    @Path("/notifications/preferences")
    Office.Preferences preferences();

    @PUT
    @Path("/notifications/preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    Office.Preferences choose(Office.Preferences preferences);

    // ---- calendar (deadline-service)

    @DELETE
    @Path("/calendars/{jurisdiction}/entries/{id}")
    Response deleteEntry(@PathParam("jurisdiction") String jurisdiction, @PathParam("id") long id);
}
