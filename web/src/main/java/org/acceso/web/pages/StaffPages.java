package org.acceso.web.pages;

import io.quarkus.qute.TemplateData;

import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.acceso.web.api.AccesoApi;
import org.acceso.web.api.Api;
import org.acceso.web.view.Pages;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.Comparator;
import java.util.List;

/** The clerk's inbox (the agency's requests by due date) and the coordinator's desk (unrouted requests first). */
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

    static String blank(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
