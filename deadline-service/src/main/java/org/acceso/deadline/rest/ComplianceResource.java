package org.acceso.deadline.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.acceso.deadline.service.ComplianceService;
import org.acceso.deadline.service.ComplianceService.Figures;
import org.acceso.problem.ProblemException;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The directorate's compliance figures (definitions: docs/compliance.md), as JSON or, with {@code Accept: text/csv},
 * as CSV in long form ({@code agency,from,to,figure,key,value}: one figure per line). Auditors, coordinators and
 * admins see every agency; a clerk sees their own agency only: asking the summary of another is 403, and the
 * per-agency list is filtered to theirs. The public register (role {@code register}, a client-credentials token of the
 * realm client {@code acceso-register}) reads every agency's figures per month to publish them.
 */
@Path("/compliance")
@RolesAllowed({"auditor", "coordinator", "admin", "clerk", "register"})
public class ComplianceResource {

    public static final String TEXT_CSV = "text/csv";
    private static final CsvMapper CSV = new CsvMapper();
    private static final CsvSchema SCHEMA = CSV.schemaFor(CsvRow.class).withHeader();

    private final ComplianceService compliance;
    private final Caller caller;

    public ComplianceResource(ComplianceService compliance, Caller caller) {
        this.compliance = compliance;
        this.caller = caller;
    }

    /** One figure of one agency and period. */
    @com.fasterxml.jackson.annotation.JsonPropertyOrder({"agency", "from", "to", "figure", "key", "value"})
    public record CsvRow(String agency, String from, String to, String figure, String key, String value) {
    }

    @GET
    @Path("/summary")
    @Produces(MediaType.APPLICATION_JSON)
    public Figures summary(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("agency") String agency) {
        Period period = period(from, to);
        return compliance.summary(period.from(), period.to(), agencyFor(agency));
    }

    @GET
    @Path("/summary")
    @Produces(TEXT_CSV)
    public Response summaryCsv(@QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("agency") String agency) {
        return csv(List.of(summary(from, to, agency)), "compliance-summary");
    }

    @GET
    @Path("/agencies")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Figures> agencies(@QueryParam("from") String from, @QueryParam("to") String to,
                                  @QueryParam("per") String per) {
        Period period = period(from, to);
        List<Figures> all = perMonth(per) ? compliance.byAgencyAndMonth(period.from(), period.to())
                : compliance.byAgency(period.from(), period.to());
        if (seesEveryAgency()) {
            return all;
        }
        String own = caller.agency().orElse(null);
        return all.stream().filter(figures -> figures.agency().equals(own)).toList();
    }

    @GET
    @Path("/agencies")
    @Produces(TEXT_CSV)
    public Response agenciesCsv(@QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("per") String per) {
        return csv(agencies(from, to, per), "compliance-agencies");
    }

    /** Staff who see every agency, and the public register (its figures only: it reads no clock). */
    private boolean seesEveryAgency() {
        return caller.seesAllAgencies() || caller.is("register");
    }

    /** {@code per=period} (the default): one entry per agency for the whole period; {@code per=month}: per month too. */
    private static boolean perMonth(String per) {
        if (per == null || per.isBlank() || per.strip().equals("period")) {
            return false;
        }
        if (per.strip().equals("month")) {
            return true;
        }
        throw ProblemException.invalid("per", "must be period or month");
    }

    /** The agency a caller may ask about: any (or all) for staff who see every agency, only their own for a clerk. */
    private String agencyFor(String asked) {
        String agency = asked == null || asked.isBlank() ? null : asked.strip();
        if (seesEveryAgency()) {
            return agency;
        }
        String own = caller.agency().orElseThrow(() -> new ProblemException(Response.Status.FORBIDDEN,
                "Your token names no agency"));
        if (agency != null && !agency.equals(own)) {
            throw new ProblemException(Response.Status.FORBIDDEN, "A clerk sees the figures of their own agency only");
        }
        return own;
    }

    private static Response csv(List<Figures> figures, String name) {
        List<CsvRow> rows = new ArrayList<>();
        for (Figures f : figures) {
            String agency = f.agency() == null ? "ALL" : f.agency();
            Row row = (figure, key, value) -> rows.add(new CsvRow(agency, f.from().toString(), f.to().toString(), figure,
                    key, value == null ? "" : value.toString()));
            row.add("received", "", f.received());
            row.add("answered", "", f.answered());
            row.add("answered_within_initial_deadline", "", f.answeredWithinInitialDeadline());
            row.add("answered_within_extended_deadline", "", f.answeredWithinExtendedDeadline());
            row.add("answered_late", "", f.answeredLate());
            row.add("extended", "", f.extended());
            row.add("extension_rate", "", f.extensionRate());
            row.add("extensions_granted", "", f.extensionsGranted());
            row.add("extensions_granted_before_expiry", "", f.extensionsGrantedBeforeExpiry());
            row.add("business_days_to_answer", "mean", f.businessDaysToAnswer().mean());
            row.add("business_days_to_answer", "median", f.businessDaysToAnswer().median());
            row.add("business_days_to_answer", "p90", f.businessDaysToAnswer().p90());
            f.outcomes().forEach((outcome, count) -> row.add("outcome", outcome, count));
            f.denialsByGround().forEach((ground, count) -> row.add("denials_by_ground", ground, count));
            row.add("referred_requests", "", f.referredRequests());
            row.add("referrals", "", f.referrals());
            row.add("deemed_denials", "", f.deemedDenials());
            row.add("withdrawn", "", f.withdrawn());
            row.add("appeals_filed", "", f.appealsFiled());
            row.add("appeals_resolved", "", f.appealsResolved());
            f.appealDecisions().forEach((decision, count) -> row.add("appeal_decision", decision, count));
            f.openPastDue().forEach((bucket, count) -> row.add("open_past_due", bucket, count));
        }
        try {
            return Response.ok(CSV.writer(SCHEMA).with(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).writeValueAsString(rows), TEXT_CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"")
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the compliance CSV", e);
        }
    }

    @FunctionalInterface
    private interface Row {
        void add(String figure, String key, Object value);
    }

    private record Period(LocalDate from, LocalDate to) {
    }

    private static Period period(String from, String to) {
        LocalDate first = date("from", from);
        LocalDate last = date("to", to);
        if (last.isBefore(first)) {
            throw ProblemException.badRequest("to " + last + " is before from " + first);
        }
        if (ChronoUnit.YEARS.between(first, last) >= 10) {
            throw ProblemException.badRequest("A period covers at most ten years");
        }
        return new Period(first, last);
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(name + " is required (a date, e.g. 2026-01-01)");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeException e) {
            throw ProblemException.badRequest(name + " must be a date such as 2026-01-01");
        }
    }
}
