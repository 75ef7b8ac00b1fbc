package org.acceso.request.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.ForbiddenException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.acceso.problem.ProblemException;
import org.acceso.request.service.CurrentActor;
import org.acceso.request.service.FilingKeys;
import org.acceso.request.service.LawInForce;
import org.acceso.request.domain.Actor;
import org.acceso.request.domain.Channel;
import org.acceso.request.domain.InformationRequest;
import org.acceso.request.domain.Language;
import org.acceso.request.domain.RegisteredRequester;
import org.acceso.request.domain.RequestStatus;
import org.acceso.request.domain.Role;
import org.acceso.request.service.RequestAccess;
import org.acceso.request.service.RequestService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Filing requests, following them, and the staff's list with filters and full-text search. */
@Path("/requests")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Requests", description = "Filing and reading requests for public information")
public class RequestResource {

    private final RequestService requests;
    private final RequestAccess access;
    private final LawInForce law;
    private final Views views;
    private final CurrentActor caller;

    public RequestResource(RequestService requests, RequestAccess access, LawInForce law, Views views, CurrentActor caller) {
        this.requests = requests;
        this.access = access;
        this.law = law;
        this.views = views;
        this.caller = caller;
    }

    /** The request header that makes a filing safe to repeat, and the response header that marks a repeat. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

    /** 1 to 255 visible ASCII characters (a UUID is the usual choice). */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"resident", "clerk", "coordinator"})
    @Operation(summary = "File a request, or register one received in person, by post, e-mail or phone",
            description = "A resident files their own request: only a description of the information is required: no "
            + "reason, no lawyer. A clerk (for their own agency: the request is filed into it) or a coordinator (any "
            + "agency or none) registers a request that arrived another way: `channel` (IN_PERSON, POST, EMAIL, PHONE), "
            + "`requester` {name, email?, postalAddress?, phone?, documentNumber?} (at least one way to reach them) and "
            + "`receivedAt` (when it arrived: the legal clock starts then; not in the future, at most "
            + "`request.intake.max-backdate` ago; default now). A resident who sends a channel other than WEB, a "
            + "requester or receivedAt gets 403 and nothing is filed. "
            + "The answer carries the tracking number; the due date follows within seconds (and the printable receipt, "
            + "`GET /requests/{id}/receipt.pdf`). "
            + "With an `Idempotency-Key`, a repeat of the same filing by the same person (a retry after a timeout, "
            + "a double submit) files nothing new: it answers 201 with the request filed the first time (as it is now), "
            + "the same `Location` and `Idempotent-Replayed: true`. Keys are remembered for 24 hours.")
    @Parameter(name = IDEMPOTENCY_KEY, in = ParameterIn.HEADER, required = false,
            description = "Optional: 1 to 255 visible ASCII characters, unique per filing (a UUID). Scoped to the caller. "
                    + "The same key with a different body is refused (422).",
            schema = @Schema(type = SchemaType.STRING, minLength = 1, maxLength = 255, pattern = "^[\\x21-\\x7E]+$"))
    @APIResponse(responseCode = "201", description = "Filed (or, with `Idempotent-Replayed: true`, filed before under "
            + "this key); Location names the request",
            headers = @Header(name = IDEMPOTENT_REPLAYED, description = "`true` when this answer repeats an earlier filing",
                    schema = @Schema(type = SchemaType.STRING, enumeration = "true")))
    @APIResponse(responseCode = "400", ref = "invalid")
    @APIResponse(responseCode = "401", ref = "unauthorized")
    @APIResponse(responseCode = "403", ref = "forbidden")
    @APIResponse(responseCode = "422", ref = "idempotencyKeyReused")
    public Response file(@Valid @NotNull(message = "a JSON body is required") FileRequest body, UriInfo uri,
                         HttpHeaders headers) {
        Actor actor = caller.get();
        FilingKeys.Key key = idempotencyKey(headers.getRequestHeader(IDEMPOTENCY_KEY), body);
        // a filing without language is in the resident's account language; a registration's is the requester's, not the
        // registering clerk's: the form asks, and the default is the jurisdiction's
        Language language = body.language() != null ? Language.fromCode(body.language()).orElseThrow()
                : body.isRegistration() ? Language.DEFAULT : caller.preferredLanguage();
        boolean consent = !Boolean.FALSE.equals(body.publicationConsent());
        RequestService.Filed filed;
        if (body.isRegistration()) {
            String agency = access.registrationAgency(actor, blankToNull(body.agencyCode()));
            RequestService.Registration registration = registration(actor, body);
            filed = requests.register(actor, new RequestService.Filing(body.subject().strip(), body.description(), agency,
                    language, registration.requester().email(), consent), registration, key);
        } else if (actor.has(Role.RESIDENT)) {
            String contactEmail = body.contactEmail() != null ? body.contactEmail() : actor.email();
            if (contactEmail == null || contactEmail.isBlank()) {
                throw ProblemException.badRequest("contactEmail is required: your account has no e-mail address");
            }
            filed = requests.file(actor, new RequestService.Filing(body.subject().strip(), body.description(),
                    blankToNull(body.agencyCode()), language, contactEmail, consent), key);
        } else {
            throw RequestAccess.forbidden("Staff do not file requests of their own: to register a request received in "
                    + "person, by post, e-mail or phone, send channel and requester");
        }
        Response.ResponseBuilder created = Response.created(uri.getAbsolutePathBuilder().path(filed.request().id.toString()).build())
                .entity(views.full(filed.request(), actor));
        if (filed.replayed()) {
            created.header(IDEMPOTENT_REPLAYED, "true");
        }
        return created.build();
    }

    /** What a clerk or coordinator wrote down about a request received another way; 400 naming what is missing. */
    private static RequestService.Registration registration(Actor registrar, FileRequest body) {
        if (body.channel() == null) {
            throw ProblemException.invalid("channel", "is required to register a request: IN_PERSON, POST, EMAIL or PHONE");
        }
        Channel channel = Channel.fromName(body.channel()).orElseThrow();
        if (!channel.registeredByStaff()) {
            throw ProblemException.invalid("channel", "WEB is a request its requester files online; a registered "
                    + "request arrived IN_PERSON, by POST, EMAIL or PHONE");
        }
        if (body.requester() == null) {
            throw ProblemException.invalid("requester", "is required to register a request: who asked, and how to reach them");
        }
        if (body.contactEmail() != null) {
            throw ProblemException.invalid("contactEmail", "belongs to a filing online; a registered requester's "
                    + "address goes in requester.email");
        }
        FileRequest.RequesterDetails who = body.requester();
        RegisteredRequester requester = new RegisteredRequester(who.name().strip(), blankToNull(who.email()),
                blankToNull(who.postalAddress()), blankToNull(who.phone()), blankToNull(who.documentNumber()));
        return new RequestService.Registration(channel, requester,
                body.receivedAt() == null ? null : body.receivedAt().toInstant(),
                registrar.has(Role.COORDINATOR) ? Role.COORDINATOR : Role.CLERK);
    }

    /** The caller's Idempotency-Key, if they sent one; 400 when it is not one valid key. */
    private static FilingKeys.Key idempotencyKey(List<String> values, FileRequest body) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw ProblemException.invalid(IDEMPOTENCY_KEY, "must be sent once");
        }
        if (!KEY.matcher(values.get(0)).matches()) {
            throw ProblemException.invalid(IDEMPOTENCY_KEY, "must be 1 to 255 visible ASCII characters (a UUID, say)");
        }
        return new FilingKeys.Key(values.get(0), body.sha256());
    }

    @GET
    @Path("/mine")
    @RolesAllowed("resident")
    @Operation(summary = "The caller's own requests, newest first")
    public List<RequestView> mine() {
        return requests.listOwn(caller.get().userId()).stream().map(r -> views.item(r, caller.get())).toList();
    }

    /** One page of a list, and how many items match in all. */
    public record PageView(List<RequestView> items, long total, int page, int size) {
    }

    @GET
    @Authenticated
    @Operation(operationId = "listRequests", summary = "Requests with filters, full-text search and paging",
            description = "A resident gets their own requests; a clerk their agency's; coordinators, auditors and admins all. "
                    + "`q` searches subject and description (PostgreSQL full text, Spanish). `sort`: dueAt, -dueAt, filedAt, "
                    + "-filedAt, trackingNumber, -trackingNumber.")
    @APIResponse(responseCode = "200", description = "One page and the total count")
    @APIResponse(responseCode = "400", ref = "invalid")
    @APIResponse(responseCode = "403", ref = "forbidden")
    public PageView list(@QueryParam("agency") String agency,
                         @QueryParam("status") String status,
                         @Parameter(description = "`me` or a user id") @QueryParam("assignee") String assignee,
                         @Parameter(description = "an instant or a date") @QueryParam("dueBefore") String dueBefore,
                         @QueryParam("dueAfter") String dueAfter,
                         @QueryParam("q") String q,
                         @QueryParam("page") @DefaultValue("0") String page,
                         @Parameter(description = "1 to 100") @QueryParam("size") @DefaultValue("20") String size,
                         @QueryParam("sort") @DefaultValue("dueAt") String sort) {
        Actor actor = caller.get();
        int pageNumber = whole("page", page, 0, Integer.MAX_VALUE);
        int pageSize = whole("size", size, 1, 100);
        String requester = null;
        if (!access.readsAll(actor)) {
            if (actor.has(Role.CLERK) && actor.agency() != null) {
                if (agency != null && !agency.equals(actor.agency())) {
                    throw new ForbiddenException("A clerk sees only the requests of their own agency");
                }
                agency = actor.agency();
            } else if (actor.has(Role.RESIDENT)) {
                requester = actor.userId();
            } else {
                throw new ForbiddenException();
            }
        }
        if (q != null && q.length() > 200) {
            throw ProblemException.invalid("q", "must be at most 200 characters");
        }
        RequestService.Search search = new RequestService.Search(blankToNull(agency), status(status),
                "me".equals(assignee) ? actor.userId() : blankToNull(assignee), requester,
                instant("dueBefore", dueBefore), instant("dueAfter", dueAfter), blankToNull(q), sort(sort), pageNumber, pageSize);
        RequestService.Page result = requests.search(search);
        return new PageView(result.items().stream().map(r -> views.item(r, actor)).toList(), result.total(), pageNumber, pageSize);
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(operationId = "getRequest", summary = "One request, as the caller may see it",
            description = "A request the caller may not see is answered 404, exactly like one that does not exist.")
    @APIResponse(responseCode = "200", description = "The request, its documents and the moves the caller may make")
    @APIResponse(responseCode = "404", ref = "notFound")
    public RequestView get(@PathParam("id") String id) {
        return views.full(access.visible(id, caller.get()), caller.get());
    }

    @GET
    @Path("/{id}/history")
    @Authenticated
    @Operation(summary = "The request's official record: every move, who made it, when and why")
    @APIResponse(responseCode = "404", ref = "notFound")
    public List<HistoryLine> history(@PathParam("id") String id) {
        Actor actor = caller.get();
        InformationRequest request = access.visible(id, actor);
        boolean staff = access.readsAll(actor) || actor.isClerkOf(request.agencyCode);
        String hiddenActor = access.seesRequester(actor, request) ? null : request.requesterSubject;
        return requests.history(request).stream()
                .map(line -> HistoryLine.of(line, staff, actor.userId(), hiddenActor)).toList();
    }

    private static RequestStatus status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(RequestStatus.values()).filter(s -> s.name().equals(value)).findFirst()
                .orElseThrow(() -> ProblemException.invalid("status", "must be one of " + Arrays.toString(RequestStatus.values())));
    }

    /** A whole-number query parameter: 400 naming it when it is not one or lies outside [min, max]. */
    private static int whole(String field, String value, int min, int max) {
        int number;
        try {
            number = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, "must be a whole number");
        }
        if (number < min) {
            throw ProblemException.invalid(field, min == 0 ? "must not be negative" : "must be at least " + min);
        }
        if (number > max) {
            throw ProblemException.invalid(field, "must be at most " + max);
        }
        return number;
    }

    private static RequestService.Sort sort(String value) {
        boolean descending = value.startsWith("-");
        String field = descending ? value.substring(1) : value;
        String name = switch (field) {
            case "dueAt" -> "DUE_AT";
            case "filedAt" -> "FILED_AT";
            case "trackingNumber" -> "TRACKING_NUMBER";
            default -> throw ProblemException.invalid("sort",
                    "must be dueAt, filedAt or trackingNumber, with - in front for descending order");
        };
        return RequestService.Sort.valueOf(descending ? name + "_DESC" : name);
    }

    private Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDate.parse(value).atStartOfDay(law.zone()).toInstant();
            } catch (DateTimeParseException notADate) {
                throw ProblemException.invalid(field, "must be an instant (2026-12-21T23:59:59-03:00) or a date (2026-12-21)");
            }
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
