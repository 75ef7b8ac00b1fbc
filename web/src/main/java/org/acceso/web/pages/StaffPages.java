package org.acceso.web.pages;

import io.quarkus.qute.TemplateData;

import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.acceso.web.api.AccesoApi;
import org.acceso.web.api.Api;
import org.acceso.web.api.ApiProblem;
import org.acceso.web.api.Policies;
import org.acceso.web.view.Form;
import org.acceso.web.view.Formats;
import org.acceso.web.view.Pages;
import org.acceso.web.view.Texts;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;

/**
 * The clerk's inbox (the agency's requests by due date), the coordinator's desk (unrouted requests first), and the
 * form both use to register a request received in person, by post, e-mail or phone ("Registrar solicitud recibida").
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class StaffPages {

    static final int PAGE_SIZE = 20;
    static final List<String> STATUSES = List.of("RECEIVED", "ASSIGNED", "AWAITING_CLARIFICATION", "REFERRED", "EXTENDED",
            "ANSWERED", "DEEMED_DENIED", "APPEALED", "APPEAL_RESOLVED", "WITHDRAWN", "REFERRED_EXTERNALLY");
    /** The orders a list offers: the API's {@code sort} value and the key of its words. */
    public record Sort(String value, String key) {
    }

    static final List<Sort> SORTS = List.of(new Sort("dueAt", "sort_dueAt"), new Sort("-dueAt", "sort_desc_dueAt"),
            new Sort("filedAt", "sort_filedAt"), new Sort("-filedAt", "sort_desc_filedAt"));

    @Inject
    Pages pages;

    @Inject
    @RestClient
    AccesoApi api;

    @Inject
    Texts texts;

    /** Filters of a list, as given in the query. */
    @TemplateData
    public record Filters(String status, String q, boolean mine, String sort, int page) {

        public String query(int page) {
            StringBuilder query = new StringBuilder("?page=").append(page);
            if (!status.isEmpty()) {
                query.append("&status=").append(status);
            }
            if (!q.isEmpty()) {
                query.append("&q=").append(java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
            }
            if (mine) {
                query.append("&mine=true");
            }
            return query.append("&sort=").append(sort).toString();
        }
    }

    private static Filters filters(String status, String q, String mine, String sort, String page) {
        int number = 0;
        try {
            number = page == null ? 0 : Math.max(0, Math.min(10_000, Integer.parseInt(page)));
        } catch (NumberFormatException ignored) {
            // the first page
        }
        return new Filters(status != null && STATUSES.contains(status) ? status : "", q == null ? "" : q.strip().substring(0, Math.min(q.strip().length(), 200)),
                "true".equals(mine), SORTS.stream().anyMatch(s -> s.value().equals(sort)) ? sort : "dueAt", number);
    }

    @GET
    @Path("inbox")
    @RolesAllowed("clerk")
    public TemplateInstance inbox(@QueryParam("status") String status, @QueryParam("q") String q,
                                  @QueryParam("mine") String mine, @QueryParam("sort") String sort,
                                  @QueryParam("page") String page) {
        Filters filters = filters(status, q, mine, sort, page);
        Api.Page result = api.search(pages.agency(), blank(filters.status()), filters.mine() ? "me" : null, blank(filters.q()),
                filters.page(), PAGE_SIZE, filters.sort());
        return pages.page("inbox", "inbox").data("result", result).data("filters", filters).data("statuses", STATUSES).data("sorts", SORTS)
                .data("pages", (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    @GET
    @Path("desk")
    @RolesAllowed("coordinator")
    public TemplateInstance desk(@QueryParam("status") String status, @QueryParam("q") String q,
                                 @QueryParam("sort") String sort, @QueryParam("page") String page) {
        Filters filters = filters(status, q, null, sort, page);
        Api.Page unrouted = api.search(null, "RECEIVED", null, null, 0, 100, "dueAt");
        List<Api.Request> waiting = unrouted.items().stream()
                .sorted(Comparator.comparing((Api.Request r) -> r.agencyCode() != null)).toList();
        Api.Page all = api.search(null, blank(filters.status()), null, blank(filters.q()), filters.page(), PAGE_SIZE,
                filters.sort());
        return pages.page("desk", "desk").data("unrouted", waiting).data("unroutedTotal", unrouted.total())
                .data("result", all).data("filters", filters).data("statuses", STATUSES).data("sorts", SORTS)
                .data("pages", (all.total() + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    // ---- a request received in person, by post, e-mail or phone

    /** How a request the office registers arrived (the API's {@code channel}). */
    static final List<String> CHANNELS = List.of("IN_PERSON", "POST", "EMAIL", "PHONE");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @GET
    @Path("register")
    @RolesAllowed({"clerk", "coordinator"})
    public TemplateInstance registration() {
        return registrationForm(new Form("register").value("channel", "IN_PERSON").value("language", pages.lang())
                .value("receivedAt", now()).value(ResidentPages.IDEMPOTENCY_KEY, ResidentPages.newKey()));
    }

    private static String now() {
        return MINUTES.format(LocalDateTime.now(Policies.zone()));
    }

    private TemplateInstance registrationForm(Form form) {
        boolean coordinator = pages.has("coordinator");
        List<Api.Agency> agencies = api.agencies().stream().filter(Api.Agency::active)
                .sorted(Comparator.comparing(Api.Agency::name)).toList();
        String own = pages.agency();
        Api.Agency ownAgency = agencies.stream().filter(a -> a.code().equals(own)).findFirst().orElse(null);
        return pages.page("register", "register").data("form", form).data("channels", CHANNELS)
                .data("coordinator", coordinator).data("agencies", coordinator ? agencies : List.of())
                .data("ownAgency", ownAgency == null ? own : ownAgency.name()).data("latest", now());
    }

    /**
     * Registers a request received another way than the web: checked here first (required fields, a way to reach the
     * requester, a received instant that is a real one and not in the future), then by the API (its limits: how far
     * back, the clerk's own agency). A clerk's request goes into their agency; a coordinator chooses one or none.
     */
    @POST
    @Path("register")
    @RolesAllowed({"clerk", "coordinator"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(@RestForm String channel, @RestForm("requester.name") String name,
                             @RestForm("requester.email") String email,
                             @RestForm("requester.postalAddress") String postalAddress,
                             @RestForm("requester.phone") String phone,
                             @RestForm("requester.documentNumber") String documentNumber,
                             @RestForm String receivedAt, @RestForm String subject, @RestForm String description,
                             @RestForm String agencyCode, @RestForm String language, @RestForm String idempotencyKey) {
        Form form = new Form("register");
        ResidentPages.keyOnto(form, idempotencyKey);
        form.value("channel", CHANNELS.contains(channel) ? channel : "");
        if (form.get("channel").isEmpty()) {
            form.error("channel", texts.get("error_channel_required"));
        }
        form.required("requester.name", name, texts.get("error_requester_name_required"));
        form.maxLength("requester.name", 200, texts.get("error_requester_name_long"));
        String contactEmail = optional(form, "requester.email", email);
        String address = optional(form, "requester.postalAddress", postalAddress);
        String telephone = optional(form, "requester.phone", phone);
        String document = optional(form, "requester.documentNumber", documentNumber);
        if (contactEmail == null && address == null && telephone == null) {
            form.error("requester.email", texts.get("error_requester_contact"));
        }
        OffsetDateTime received = received(form, receivedAt);
        ResidentPages.requestOnto(form, texts, subject, description, agencyCode, language);
        if (form.isHasErrors()) {
            return Response.status(400).entity(registrationForm(form)).build();
        }
        try {
            Api.Request registered = api.register(form.get(ResidentPages.IDEMPOTENCY_KEY), new Api.Registration(
                    form.get("subject"), form.get("description"),
                    pages.has("coordinator") && !form.get("agencyCode").isEmpty() ? form.get("agencyCode") : null,
                    form.get("language"), form.get("channel"),
                    new Api.Requester(form.get("requester.name"), contactEmail, address, telephone, document),
                    received.toString()));
            return HomePage.seeOther("/requests/" + registered.id() + "/receipt");
        } catch (ApiProblem problem) {
            if (problem.status() == 422 && ResidentPages.IDEMPOTENCY_KEY_REUSED.equals(problem.type())) {
                form.value(ResidentPages.IDEMPOTENCY_KEY, ResidentPages.newKey()).error(null, texts.get("error_already_registered"));
            } else {
                Problems.onto(form, problem, texts);
            }
            return Response.status(Problems.formStatus(problem)).entity(registrationForm(form)).build();
        } catch (ProcessingException unanswered) {
            form.error(null, texts.get("error_unavailable"));
            return Response.status(503).entity(registrationForm(form)).build();
        }
    }

    /** An optional text field: kept on the form, null when blank. */
    private static String optional(Form form, String field, String value) {
        String stripped = value == null ? "" : value.strip();
        form.value(field, stripped);
        return stripped.isEmpty() ? null : stripped;
    }

    /** The instant the request was received, as typed (local time where the office is), or an error on the form. */
    private OffsetDateTime received(Form form, String value) {
        String typed = value == null ? "" : value.strip();
        form.value("receivedAt", typed);
        if (typed.isEmpty()) {
            form.error("receivedAt", texts.get("error_received_required"));
            return null;
        }
        try {
            ZonedDateTime at = LocalDateTime.parse(typed).atZone(Policies.zone());
            if (at.isAfter(ZonedDateTime.now(Policies.zone()).plusMinutes(1))) {
                form.error("receivedAt", texts.get("error_received_future"));
            }
            return at.toOffsetDateTime();
        } catch (DateTimeParseException e) {
            form.error("receivedAt", texts.get("error_received_invalid"));
            return null;
        }
    }

    static String blank(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
