package org.acceso.web.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

import java.util.List;

/**
 * The Acceso API through the gateway ({@code web.api-url}), called with the signed-in user's access token
 * ({@link UserToken}). Refusals come back as {@link ApiProblem}.
 */
@RegisterRestClient(configKey = "api")
@RegisterClientHeaders(UserToken.class)
@RegisterProvider(ApiProblem.Mapper.class)
@Produces(MediaType.APPLICATION_JSON)
public interface AccesoApi {

    // ---- requests (request-service)

    /**
     * Files a request. {@code idempotencyKey} comes with the form (one per rendering), so a double submit or a resubmit
     * after a timeout answers with the request filed the first time instead of filing another.
     */
    @POST
    @Path("/requests")
    @Consumes(MediaType.APPLICATION_JSON)
    Api.Request file(@HeaderParam("Idempotency-Key") String idempotencyKey, Api.Filing filing);

    /** Registers a request received in person, by post, e-mail or phone; the form's key makes a resubmit safe. */
    @POST
    @Path("/requests")
    @Consumes(MediaType.APPLICATION_JSON)
    Api.Request register(@HeaderParam("Idempotency-Key") String idempotencyKey, Api.Registration registration);

    /** The printable receipt (PDF); 409 with Retry-After while the legal clock has not told the due date. */
    @GET
    @Path("/requests/{id}/receipt.pdf")
    @Produces({"application/pdf", "application/problem+json"})
    Response receiptPdf(@PathParam("id") String id);

    @GET
    @Path("/requests/mine")
    List<Api.Request> mine();

    @GET
    @Path("/requests")
    Api.Page search(@QueryParam("agency") String agency, @QueryParam("status") String status,
                    @QueryParam("assignee") String assignee, @QueryParam("q") String q, @QueryParam("page") Integer page,
                    @QueryParam("size") Integer size, @QueryParam("sort") String sort);

    @GET
    @Path("/requests/{id}")
    Api.Request request(@PathParam("id") String id);

    @GET
    @Path("/requests/{id}/history")
    List<Api.HistoryLine> history(@PathParam("id") String id);

    @POST
    @Path("/requests/{id}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    Api.Request assign(@PathParam("id") String id, Api.Assignment body);

    @POST
    @Path("/requests/{id}/clarification")
    @Consumes(MediaType.APPLICATION_JSON)
    Api.Request clarify(@PathParam("id") String id, Api.Question body);

    @POST
    @Path("/requests/{id}/clarification/reply")
    @Consumes(MediaType.APPLICATION_JSON)
    Api.Request reply(@PathParam("id") String id, Api.Text body);

    @POST
    @Path("/requests/{id}/referral")
    @Consumes(MediaType.APPLICATION_JSON)
    Api.Request refer(@PathParam("id") String id, Api.Referral body);

    @POST
    @Path("/requests/{id}/extension")
    @Consumes(MediaType.APPLICATION_JSON)
    Api.Request extend(@PathParam("id") String id, Api.Reason body);

    @POST
    @Path("/requests/{id}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    Api.Request answer(@PathParam("id") String id, Api.AnswerBody body);

    @POST
    @Path("/requests/{id}/withdrawal")
    @Consumes(MediaType.APPLICATION_JSON)
    Api.Request withdraw(@PathParam("id") String id, Api.Reason body);

    @POST
    @Path("/requests/{id}/appeal")
    @Consumes(MediaType.APPLICATION_JSON)
    Api.Request appeal(@PathParam("id") String id, Api.Reason body);

    @POST
    @Path("/requests/{id}/appeal/resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    Api.Request resolveAppeal(@PathParam("id") String id, Api.Resolution body);

    @POST
    @Path("/requests/{id}/documents")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    Api.Document upload(@PathParam("id") String id, ClientMultipartForm form);

    @GET
    @Path("/requests/{id}/documents/{documentId}")
    @Produces(MediaType.WILDCARD)
    Response download(@PathParam("id") String id, @PathParam("documentId") String documentId);

    @GET
    @Path("/agencies")
    List<Api.Agency> agencies();

    @GET
    @Path("/agencies/{code}/clerks")
    List<Api.Clerk> clerks(@PathParam("code") String code);

    @GET
    @Path("/exemption-grounds")
    Api.Grounds grounds();

    // ---- publication of an answered request (request-service; clerks of its agency, coordinators)

    @GET
    @Path("/requests/{id}/publication/proposal")
    Api.Proposal publicationProposal(@PathParam("id") String id);

    @POST
    @Path("/requests/{id}/publication")
    @Consumes(MediaType.APPLICATION_JSON)
    Api.Published publish(@PathParam("id") String id, Api.PublicationBody body);

    @DELETE
    @Path("/requests/{id}/publication")
    @Consumes(MediaType.APPLICATION_JSON)
    Api.Published withdrawPublication(@PathParam("id") String id, Api.Reason body);

    // ---- the public register (register-service: no token needed; a signed-in reader's is sent all the same)

    @GET
    @Path("/public/requests")
    Api.PublicPage register(@QueryParam("q") String q, @QueryParam("agency") String agency,
                            @QueryParam("outcome") String outcome, @QueryParam("from") String from,
                            @QueryParam("to") String to, @QueryParam("page") Integer page, @QueryParam("size") Integer size);

    @GET
    @Path("/public/requests/{trackingNumber}")
    Api.PublicRequest published(@PathParam("trackingNumber") String trackingNumber);

    @GET
    @Path("/public/requests/{trackingNumber}/documents/{documentId}")
    @Produces(MediaType.WILDCARD)
    Response publicDocument(@PathParam("trackingNumber") String trackingNumber, @PathParam("documentId") String documentId);

    @GET
    @Path("/public/similar")
    Api.SimilarList similar(@QueryParam("text") String text);

    @GET
    @Path("/public/open-data/schema")
    Api.OpenDataSchema openDataSchema();

    @GET
    @Path("/public/open-data/statistics.json")
    List<Api.MonthFigures> publicStatistics();

    // ---- legal clock, calendars, compliance (deadline-service)

    @GET
    @Path("/deadlines/{id}")
    Api.Clock clock(@PathParam("id") String id);

    @GET
    @Path("/calendars/{jurisdiction}/entries")
    List<Api.CalendarEntry> entries(@PathParam("jurisdiction") String jurisdiction);

    @POST
    @Path("/calendars/{jurisdiction}/entries")
    @Consumes(MediaType.APPLICATION_JSON)
    Api.CalendarEntry addEntry(@PathParam("jurisdiction") String jurisdiction, Api.NewEntry entry);

    @GET
    @Path("/calendars/{jurisdiction}/changes")
    List<Api.CalendarChange> changes(@PathParam("jurisdiction") String jurisdiction);

    @GET
    @Path("/compliance/summary")
    Api.Figures summary(@QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("/compliance/agencies")
    List<Api.Figures> byAgency(@QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("/compliance/{which}")
    @Produces("text/csv")
    Response csv(@PathParam("which") String which, @QueryParam("from") String from, @QueryParam("to") String to,
                 @HeaderParam("Accept") String accept);

    // ---- notices (notification-service)

    @GET
    @Path("/notifications/mine")
    Api.Notices notices(@QueryParam("page") Integer page, @QueryParam("size") Integer size);

    @POST
    @Path("/notifications/{id}/read")
    Response markRead(@PathParam("id") long id);
}
