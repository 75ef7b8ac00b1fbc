package org.acceso.web.pages;

import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.acceso.web.api.AccesoApi;
import org.acceso.web.api.Api;
import org.acceso.web.api.ApiProblem;
import org.acceso.web.api.Policies;
import org.acceso.web.config.WebConfig;
import org.acceso.web.view.BarChart;
import org.acceso.web.view.Form;
import org.acceso.web.view.Formats;
import org.acceso.web.view.Pages;
import org.acceso.web.view.Texts;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The directorate's compliance dashboard (charts from the compliance API, CSV downloads) and the calendar. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AuditorPages {

    static final List<String> ENTRY_KINDS = List.of("HOLIDAY", "NON_WORKING_DAY", "ADMINISTRATIVE_CLOSURE",
            "DEADLINE_SUSPENSION", "WORKING_DAY");
    static final Set<String> CSV = Set.of("summary", "agencies");

    @Inject
    Pages pages;

    @Inject
    Texts texts;

    @Inject
    WebConfig config;

    @Inject
    @RestClient
    AccesoApi api;

    /** The period of the figures: requests received from {@code from} to {@code to}, both included. */
    public record Period(LocalDate from, LocalDate to) {

        public String query() {
            return "from=" + from + "&to=" + to;
        }
    }

    /** By default this calendar year (a request filed on a non-business day counts from the next business day). */
    static Period period(String from, String to) {
        LocalDate today = LocalDate.now(Policies.zone());
        LocalDate last = date(to, today.withDayOfYear(today.lengthOfYear()));
        LocalDate first = date(from, last.withDayOfYear(1));
        if (first.isAfter(last)) {
            first = last.withDayOfYear(1);
        }
        return new Period(first, last);
    }

    private static LocalDate date(String value, LocalDate fallback) {
        try {
            return value == null || value.isBlank() ? fallback : LocalDate.parse(value.strip());
        } catch (DateTimeException e) {
            return fallback;
        }
    }

    @GET
    @Path("dashboard")
    @RolesAllowed({"auditor", "admin", "coordinator"})
    public TemplateInstance dashboard(@QueryParam("from") String from, @QueryParam("to") String to) {
        Period period = period(from, to);
        List<Api.Figures> agencies = api.byAgency(period.from().toString(), period.to().toString()).stream()
                .sorted(Comparator.comparing(Api.Figures::agency)).toList();
        Api.Figures all = api.summary(period.from().toString(), period.to().toString());
        List<Api.Ground> catalogue = api.grounds().grounds();
        Map<String, String> groundNames = catalogue.stream().collect(Collectors.toMap(Api.Ground::code,
                g -> ("en".equals(pages.lang()) ? g.nameEn() : g.name()) + " (" + g.reference() + ")", (a, b) -> a));
        // in the chart: the article first, so that a shortened label still says which ground it is
        Map<String, String> groundLabels = catalogue.stream().collect(Collectors.toMap(Api.Ground::code,
                g -> g.reference() + ": " + ("en".equals(pages.lang()) ? g.nameEn() : g.name()), (a, b) -> a));
        return pages.page("dashboard", "dashboard")
                .data("period", period)
                .data("agencies", agencies)
                .data("all", all)
                .data("onTimeTotal", all.answeredWithinInitialDeadline() + all.answeredWithinExtendedDeadline())
                .data("onTime", onTime(agencies))
                .data("days", days(agencies))
                .data("ages", ages(all))
                .data("grounds", grounds(all, groundLabels))
                .data("groundNames", groundNames);
    }

    /** Answered within the deadline (initial or extended) as a share of the answered, per agency. */
    BarChart onTime(List<Api.Figures> agencies) {
        List<BarChart.Row> rows = new ArrayList<>();
        for (Api.Figures f : agencies) {
            long onTime = f.answeredWithinInitialDeadline() + f.answeredWithinExtendedDeadline();
            double rate = f.answered() == 0 ? 0 : 100.0 * onTime / f.answered();
            rows.add(new BarChart.Row(f.agency(), rate, f.answered() == 0 ? texts.get("chart_no_answers")
                    : String.format(Locale.ROOT, "%.0f %% (%d/%d)", rate, onTime, f.answered())));
        }
        return new BarChart("chart-on-time", texts.get("chart_on_time"), texts.get("chart_on_time_desc"), 100, rows);
    }

    /** Business days to answer per agency: median (bar) and 90th percentile (lighter bar behind). */
    BarChart days(List<Api.Figures> agencies) {
        List<BarChart.Row> rows = new ArrayList<>();
        double max = 1;
        for (Api.Figures f : agencies) {
            Api.DaysToAnswer d = f.businessDaysToAnswer();
            if (d == null || d.median() == null) {
                continue;
            }
            double p90 = d.p90() == null ? d.median() : d.p90();
            max = Math.max(max, p90);
            rows.add(new BarChart.Row(f.agency(), d.median(), texts.get("chart_median") + " " + d.median() + " · p90 "
                    + (d.p90() == null ? "–" : d.p90()), p90));
        }
        return new BarChart("chart-days", texts.get("chart_days"), texts.get("chart_days_desc"), max, rows);
    }

    /** Open requests past their due date, by business days past due. */
    BarChart ages(Api.Figures all) {
        return counts("chart-ages", texts.get("chart_ages"), texts.get("chart_ages_desc"), all.openPastDue(),
                bucket -> bucket + " " + texts.get("business_days"));
    }

    /** Denials and partial grants citing each ground. */
    BarChart grounds(Api.Figures all, Map<String, String> shortNames) {
        return counts("chart-grounds", texts.get("chart_grounds"), texts.get("chart_grounds_desc"), all.denialsByGround(),
                code -> shortNames.getOrDefault(code, code));
    }

    private static BarChart counts(String id, String title, String desc, Map<String, Long> counts,
                                   Function<String, String> label) {
        Map<String, Long> figures = counts == null ? Map.of() : counts;
        double max = Math.max(1, figures.values().stream().mapToLong(Long::longValue).max().orElse(0));
        List<BarChart.Row> rows = figures.entrySet().stream()
                .map(e -> new BarChart.Row(label.apply(e.getKey()), e.getValue(), String.valueOf(e.getValue()))).toList();
        return new BarChart(id, title, desc, max, rows);
    }

    /** The compliance figures as CSV, from the API (one figure per line). */
    @GET
    @Path("dashboard/{which}.csv")
    @Produces("text/csv")
    @RolesAllowed({"auditor", "admin", "coordinator"})
    public Response csv(@PathParam("which") String which, @QueryParam("from") String from, @QueryParam("to") String to) {
        if (!CSV.contains(which)) {
            throw new ApiProblem(404, null, List.of());
        }
        Period period = period(from, to);
        Response upstream = api.csv(which, period.from().toString(), period.to().toString(), "text/csv");
        return Response.ok(upstream.readEntity(String.class), "text/csv; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"acceso-compliance-" + which + "-"
                        + period.from() + "-" + period.to() + ".csv\"")
                .build();
    }

    @GET
    @Path("calendar")
    @RolesAllowed({"auditor", "admin"})
    public TemplateInstance calendar(@QueryParam("added") String added) {
        return calendarPage(new Form("entry").value("kind", "ADMINISTRATIVE_CLOSURE"), added);
    }

    private TemplateInstance calendarPage(Form form, String added) {
        String jurisdiction = config.jurisdiction();
        List<Api.CalendarEntry> entries = api.entries(jurisdiction).stream()
                .sorted(Comparator.comparing(Api.CalendarEntry::startsOn).reversed()).toList();
        List<Api.CalendarChange> changes = api.changes(jurisdiction).stream()
                .sorted(Comparator.comparing(Api.CalendarChange::id).reversed()).limit(30).toList();
        long addedId = -1;
        try {
            addedId = added == null ? -1 : Long.parseLong(added);
        } catch (NumberFormatException ignored) {
            // nothing was just added
        }
        final long entryId = addedId;
        Api.CalendarChange change = changes.stream().filter(c -> c.entryId() == entryId).findFirst().orElse(null);
        return pages.page("calendar", "calendar").data("form", form).data("entries", entries).data("changes", changes)
                .data("kinds", ENTRY_KINDS).data("jurisdiction", jurisdiction).data("added", change);
    }

    @POST
    @Path("calendar/entries")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"auditor", "admin"})
    public Response addEntry(@RestForm String kind, @RestForm String startsOn, @RestForm String endsOn,
                             @RestForm String instrument, @RestForm String description) {
        Form form = new Form("entry");
        form.value("kind", kind == null ? "" : kind);
        if (!ENTRY_KINDS.contains(form.get("kind"))) {
            form.error("kind", texts.get("error_kind_required"));
        }
        LocalDate first = parse(form, "startsOn", startsOn, true);
        LocalDate last = parse(form, "endsOn", endsOn, false);
        if (first != null && last != null && last.isBefore(first)) {
            form.error("endsOn", texts.get("error_ends_before"));
        }
        form.required("instrument", instrument, texts.get("error_instrument_required"));
        form.maxLength("instrument", 200, texts.get("error_too_long"));
        form.value("description", description == null ? "" : description.strip());
        form.maxLength("description", 500, texts.get("error_too_long"));
        if (form.isHasErrors()) {
            return Response.status(400).entity(calendarPage(form, null)).build();
        }
        try {
            Api.CalendarEntry entry = api.addEntry(config.jurisdiction(), new Api.NewEntry(form.get("kind"), first, last,
                    form.get("instrument"), form.get("description").isEmpty() ? null : form.get("description")));
            return HomePage.seeOther("/calendar?added=" + entry.id() + "#added");
        } catch (ApiProblem problem) {
            Problems.onto(form, problem, texts);
            return Response.status(Problems.formStatus(problem)).entity(calendarPage(form, null)).build();
        }
    }

    private LocalDate parse(Form form, String field, String value, boolean required) {
        String text = value == null ? "" : value.strip();
        form.value(field, text);
        if (text.isEmpty()) {
            if (required) {
                form.error(field, texts.get("error_date_required"));
            }
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeException e) {
            form.error(field, texts.get("error_date_format"));
            return null;
        }
    }
}
