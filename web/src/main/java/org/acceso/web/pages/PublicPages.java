package org.acceso.web.pages;

import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.acceso.web.api.AccesoApi;
import org.acceso.web.api.Api;
import org.acceso.web.api.Policies;
import org.acceso.web.view.BarChart;
import org.acceso.web.view.Formats;
import org.acceso.web.view.Pages;
import org.acceso.web.view.Texts;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The public side, read without signing in: the register of answered requests (search and filters), one published
 * request and its public documents, the public statistics and the open data. Everything comes from register-service's
 * public API ({@code /api/public}), which never holds a requester: these pages have no requester to show.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PublicPages {

    static final int PAGE_SIZE = 20;
    /** The register's own limits: {@code q} up to 200 characters, at most 10,000 results deep. */
    static final int MAX_QUERY = 200;
    static final int MAX_PAGE = 10_000 / PAGE_SIZE - 1;
    static final List<String> OUTCOMES = List.of("GRANTED", "PARTIALLY_GRANTED", "DENIED", "NOT_HELD", "DEEMED_DENIED");
    /** A shorter text tells nothing yet: no suggestions. */
    static final int SIMILAR_MIN_TEXT = 12;
    static final int SIMILAR_MAX_TEXT = 2_000;

    @Inject
    Pages pages;

    @Inject
    Texts texts;

    @Inject
    Engine engine;

    @Inject
    PublicAgencies agencies;

    @Inject
    @RestClient
    AccesoApi api;

    /** The register's filters as given in the query (the invalid ones dropped, each with its message). */
    @TemplateData
    public record Search(String q, String agency, String outcome, String from, String to, int page, List<String> problems) {

        public String query(int page) {
            StringBuilder query = new StringBuilder("?page=").append(page);
            append(query, "q", q);
            append(query, "agency", agency);
            append(query, "outcome", outcome);
            append(query, "from", from);
            append(query, "to", to);
            return query.toString();
        }

        public boolean isFiltered() {
            return !q.isEmpty() || !agency.isEmpty() || !outcome.isEmpty() || !from.isEmpty() || !to.isEmpty();
        }

        private static void append(StringBuilder query, String name, String value) {
            if (!value.isEmpty()) {
                query.append('&').append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
    }

    Search search(String q, String agency, String outcome, String from, String to, String page) {
        List<String> problems = new ArrayList<>();
        String text = q == null ? "" : q.strip().replaceAll("\\p{Cc}", " ");
        if (text.length() > MAX_QUERY) {
            problems.add(texts.get("public_register_error_q_long"));
            text = text.substring(0, MAX_QUERY);
        }
        String code = agency == null || !agency.strip().matches("[A-Za-z0-9_-]{1,64}") ? "" : agency.strip();
        String result = outcome != null && OUTCOMES.contains(outcome) ? outcome : "";
        LocalDate first = date(from, problems);
        LocalDate last = date(to, problems);
        if (first != null && last != null && last.isBefore(first)) {
            problems.add(texts.get("public_register_error_dates"));
            last = null;
        }
        int number = 0;
        try {
            number = page == null || page.isBlank() ? 0 : Math.max(0, Math.min(MAX_PAGE, Integer.parseInt(page.strip())));
        } catch (NumberFormatException ignored) {
            // the first page
        }
        return new Search(text, code, result, first == null ? "" : first.toString(), last == null ? "" : last.toString(),
                number, List.copyOf(problems));
    }

    private LocalDate date(String value, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeException e) {
            problems.add(texts.get("error_date_format") + " (" + value.strip().substring(0, Math.min(20, value.strip().length())) + ")");
            return null;
        }
    }

    /** The register: published requests, newest first, or ranked by the words searched. */
    @GET
    @Path("registro")
    public TemplateInstance register(@QueryParam("q") String q, @QueryParam("agency") String agency,
                                     @QueryParam("outcome") String outcome, @QueryParam("from") String from,
                                     @QueryParam("to") String to, @QueryParam("page") String page) {
        Search search = search(q, agency, outcome, from, to, page);
        Api.PublicPage result = api.register(blank(search.q()), blank(search.agency()), blank(search.outcome()),
                blank(search.from()), blank(search.to()), search.page(), PAGE_SIZE);
        return pages.page("public-register", "public-register")
                .data("search", search)
                .data("result", result)
                .data("outcomes", OUTCOMES)
                .data("agencies", agencies.all())
                .data("pages", Math.min(MAX_PAGE + 1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE));
    }

    /** One published request: question, answer, outcome and grounds in plain words, dates, timeliness, documents. */
    @GET
    @Path("registro/{trackingNumber: [A-Za-z0-9]{1,16}-[0-9]{4}-[0-9]{1,12}}")
    public TemplateInstance published(@PathParam("trackingNumber") String trackingNumber) {
        Api.PublicRequest request = api.published(trackingNumber);
        return pages.page("public-request", "public-register").data("p", request);
    }

    /** A public document (the redacted copy the clerk released), passed through from the register. */
    @GET
    @Path("registro/{trackingNumber: [A-Za-z0-9]{1,16}-[0-9]{4}-[0-9]{1,12}}/documentos/{documentId: [0-9a-fA-F-]{36}}")
    @Produces(MediaType.WILDCARD)
    public Response document(@PathParam("trackingNumber") String trackingNumber, @PathParam("documentId") String documentId) {
        Response upstream = api.publicDocument(trackingNumber, documentId);
        Response.ResponseBuilder response = Response.ok(upstream.readEntity(InputStream.class), upstream.getMediaType())
                .header(HttpHeaders.CACHE_CONTROL, "no-cache");
        for (String header : List.of(HttpHeaders.CONTENT_DISPOSITION, HttpHeaders.CONTENT_LENGTH, "Repr-Digest", HttpHeaders.ETAG)) {
            String value = upstream.getHeaderString(header);
            if (value != null) {
                response.header(header, value);
            }
        }
        return response.build();
    }

    /**
     * "¿Ya se preguntó esto?": up to 5 answered requests like the text, as a piece of HTML the filing form's script
     * puts under the form while the resident types (without the script the form links to the register's search).
     */
    @GET
    @Path("registro/parecidas")
    public TemplateInstance similar(@QueryParam("texto") String text) {
        String words = text == null ? "" : text.strip().replaceAll("\\p{Cc}", " ");
        if (words.length() > SIMILAR_MAX_TEXT) {
            words = words.substring(0, SIMILAR_MAX_TEXT);
        }
        List<Api.Similar> similar = words.length() < SIMILAR_MIN_TEXT ? List.of() : api.similar(words).items();
        TemplateInstance fragment = engine.getTemplate("public-similar").instance();
        fragment.setLocale(pages.locale());
        return fragment.data("items", similar).data("lang", pages.lang()).data("asked", words.length() >= SIMILAR_MIN_TEXT);
    }

    /** The public statistics of a year: deadline-service's figures as the register publishes them. */
    @GET
    @Path("estadisticas")
    public TemplateInstance statistics(@QueryParam("year") String year) {
        List<Api.MonthFigures> rows = api.publicStatistics();
        TreeSet<Integer> years = new TreeSet<>();
        rows.forEach(row -> years.add(YearMonth.parse(row.month()).getYear()));
        int current = LocalDate.now(Policies.zone()).getYear();
        int chosen = years.isEmpty() ? current : years.contains(current) ? current : years.last();
        try {
            int asked = year == null || year.isBlank() ? chosen : Integer.parseInt(year.strip());
            chosen = years.contains(asked) ? asked : chosen;
        } catch (NumberFormatException ignored) {
            // the default year
        }
        PublicStatistics figures = PublicStatistics.of(rows, chosen);
        return pages.page("public-statistics", "public-statistics")
                .data("year", chosen)
                .data("years", years.descendingSet())
                .data("figures", figures)
                .data("onTime", figures.onTimeChart(texts))
                .data("monthly", figures.monthlyChart(texts, pages.lang()))
                .data("grounds", figures.groundsChart(texts));
    }

    /** The open data: the files, their licence and the data dictionary. */
    @GET
    @Path("datos-abiertos")
    public TemplateInstance openData() {
        return pages.page("public-open-data", "public-open-data").data("schema", api.openDataSchema());
    }

    private static String blank(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** The figures of one year: per agency and per month, summed from the published months. */
    public record PublicStatistics(Totals all, List<Totals> agencies, Map<YearMonth, Totals> months) {

        static PublicStatistics of(List<Api.MonthFigures> rows, int year) {
            Totals all = new Totals("", "");
            Map<String, Totals> byAgency = new TreeMap<>();
            Map<YearMonth, Totals> byMonth = new TreeMap<>();
            for (Api.MonthFigures row : rows) {
                YearMonth month = YearMonth.parse(row.month());
                if (month.getYear() != year) {
                    continue;
                }
                all.add(row);
                byAgency.computeIfAbsent(row.agencyCode(), code -> new Totals(code, "")).add(row);
                byMonth.computeIfAbsent(month, m -> new Totals(m.toString(), "")).add(row);
            }
            return new PublicStatistics(all, List.copyOf(byAgency.values()), byMonth);
        }

        BarChart onTimeChart(Texts texts) {
            return new BarChart("chart-public-on-time", texts.get("chart_on_time"), texts.get("chart_on_time_desc"), 100,
                    agencies.stream().map(t -> AuditorPages.onTimeRow(t.label(), t.onTime(), t.answered, texts)).toList());
        }

        BarChart monthlyChart(Texts texts, String lang) {
            double max = Math.max(1, months.values().stream().mapToLong(t -> t.received).max().orElse(0));
            return new BarChart("chart-public-months", texts.get("chart_months"), texts.get("chart_months_desc"), max,
                    months.entrySet().stream().map(e -> new BarChart.Row(Formats.monthName(e.getKey(), lang),
                            e.getValue().received, String.valueOf(e.getValue().received))).toList());
        }

        BarChart groundsChart(Texts texts) {
            double max = Math.max(1, all.denialsByGround.values().stream().mapToLong(Long::longValue).max().orElse(0));
            return new BarChart("chart-public-grounds", texts.get("chart_grounds"), texts.get("chart_grounds_desc"), max,
                    all.denialsByGround.entrySet().stream().map(e -> new BarChart.Row(e.getKey(), e.getValue(),
                            String.valueOf(e.getValue()))).toList());
        }
    }

    /** Figures summed over months (the median of days to answer cannot be summed: it stays per month). */
    @TemplateData
    public static final class Totals {
        private final String key;
        private String name;
        long received;
        long answered;
        long initial;
        long extended;
        long late;
        long deemed;
        final Map<String, Long> denialsByGround = new TreeMap<>();

        Totals(String key, String name) {
            this.key = key;
            this.name = name;
        }

        void add(Api.MonthFigures row) {
            if (row.agencyName() != null && !row.agencyName().isBlank()) {
                name = row.agencyName();
            }
            received += row.received();
            answered += row.answered();
            initial += row.answeredWithinInitialDeadline();
            extended += row.answeredWithinExtendedDeadline();
            late += row.answeredLate();
            deemed += row.deemedDenials();
            if (row.denialsByGround() != null) {
                row.denialsByGround().forEach((ground, count) -> denialsByGround.merge(ground, count, Long::sum));
            }
        }

        public String getKey() {
            return key;
        }

        /** The agency's name when the register knows it, with its code. */
        public String label() {
            return name.isEmpty() ? key : name + " (" + key + ")";
        }

        public long getReceived() {
            return received;
        }

        public long getAnswered() {
            return answered;
        }

        public long getInitial() {
            return initial;
        }

        public long getExtended() {
            return extended;
        }

        public long getLate() {
            return late;
        }

        public long getDeemed() {
            return deemed;
        }

        public long onTime() {
            return initial + extended;
        }

        public Map<String, Long> getDenialsByGround() {
            return denialsByGround;
        }
    }
}
