package org.acceso.web.pages;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.acceso.web.api.AccesoApi;
import org.acceso.web.api.Api;
import org.acceso.web.api.ApiProblem;
import org.acceso.web.api.Office;
import org.acceso.web.api.OfficeApi;
import org.acceso.web.config.WebConfig;
import org.acceso.web.view.Form;
import org.acceso.web.view.Pages;
import org.acceso.web.view.Texts;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The office from the web: the agency catalogue (admins add agencies, change their contact and backup, deactivate
 * them), importing past requests from a file, the delivery log of notices (admins send a failed e-mail again), and a
 * link to Keycloak's console for users and roles. Every action goes through the API, which decides who may: the pages
 * only hide what the reader's role cannot do, and a refusal comes back on the form with the API's reason.
 */
@Path("/office")
@Produces(MediaType.TEXT_HTML)
public class OfficePages {

    static final Pattern AGENCY_CODE = Pattern.compile("[A-Z0-9_-]{2,32}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    static final List<String> DELIVERY_STATUSES = List.of("FAILED", "PENDING", "SENT");
    static final Set<String> CHARSETS = Set.of("UTF-8", "windows-1252");
    static final int LOG_SIZE = 50;

    @Inject
    Pages pages;

    @Inject
    Texts texts;

    @Inject
    WebConfig config;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    @Inject
    @RestClient
    AccesoApi api;

    @Inject
    @RestClient
    OfficeApi office;

    // ---- the office's start page

    @GET
    @RolesAllowed({"admin", "coordinator", "auditor"})
    public TemplateInstance start() {
        return pages.page("office", "office").data("console", usersConsole());
    }

    /** Keycloak's console of the realm's users ({@code web.users-console}, or derived from the realm's URL). */
    String usersConsole() {
        return config.usersConsole().map(Object::toString).orElseGet(() -> {
            String realm = realmUrl.replaceAll("/+$", "");
            int at = realm.lastIndexOf("/realms/");
            if (at < 0) {
                return realm;
            }
            String name = realm.substring(at + "/realms/".length());
            return realm.substring(0, at) + "/admin/" + name + "/console/#/" + name + "/users";
        });
    }

    // ---- agencies

    @GET
    @Path("agencies")
    @RolesAllowed({"admin", "coordinator", "auditor"})
    public TemplateInstance agencies(@QueryParam("saved") String saved) {
        return agenciesPage(new Form("agency"), saved);
    }

    private TemplateInstance agenciesPage(Form form, String saved) {
        List<Api.Agency> all = api.agencies().stream()
                .sorted(Comparator.comparing(Api.Agency::active).reversed().thenComparing(Api.Agency::code)).toList();
        return pages.page("office-agencies", "office").data("agencies", all).data("form", form).data("saved", saved);
    }

    @POST
    @Path("agencies")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Authenticated
    public Response create(@RestForm String code, @RestForm String name, @RestForm String contactEmail,
                           @RestForm String backupEmail) {
        Form form = new Form("agency");
        String upper = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
        form.required("code", upper, texts.get("error_agency_code"));
        if (!upper.isEmpty() && !AGENCY_CODE.matcher(upper).matches()) {
            form.error("code", texts.get("error_agency_code"));
        }
        details(form, name, contactEmail, backupEmail);
        if (form.isHasErrors()) {
            return Response.status(400).entity(agenciesPage(form, null)).build();
        }
        try {
            Api.Agency agency = office.createAgency(new Office.AgencyBody(upper, form.get("name"), form.get("contactEmail"),
                    blankToNull(form.get("backupEmail")), null));
            return HomePage.seeOther("/office/agencies?saved=" + encode(agency.code()) + "#saved");
        } catch (ApiProblem problem) {
            refused(form, problem);
            return Response.status(Problems.formStatus(problem)).entity(agenciesPage(form, null)).build();
        }
    }

    /** The agency's name, contact and backup, checked as the API will check them. */
    private void details(Form form, String name, String contactEmail, String backupEmail) {
        form.required("name", name, texts.get("error_agency_name"));
        form.maxLength("name", 200, texts.get("error_too_long"));
        String contact = form.required("contactEmail", contactEmail, texts.get("error_email_required"));
        if (!contact.isEmpty() && !EMAIL.matcher(contact).matches()) {
            form.error("contactEmail", texts.get("error_email_invalid"));
        }
        form.maxLength("contactEmail", 254, texts.get("error_too_long"));
        String backup = backupEmail == null ? "" : backupEmail.strip();
        form.value("backupEmail", backup);
        if (!backup.isEmpty() && !EMAIL.matcher(backup).matches()) {
            form.error("backupEmail", texts.get("error_email_invalid"));
        }
        form.maxLength("backupEmail", 254, texts.get("error_too_long"));
    }

    @GET
    @Path("agencies/{code}")
    @RolesAllowed({"admin", "coordinator", "auditor"})
    public TemplateInstance agency(@PathParam("code") String code) {
        Api.Agency agency = office.agency(code);
        Form form = new Form("edit").value("name", agency.name()).value("contactEmail", agency.contactEmail())
                .value("backupEmail", agency.backupEmail() == null ? "" : agency.backupEmail());
        return agencyPage(agency, form);
    }

    private TemplateInstance agencyPage(Api.Agency agency, Form form) {
        return pages.page("office-agency", "office").data("agency", agency).data("form", form).data("activeForm", null);
    }

    @POST
    @Path("agencies/{code}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Authenticated
    public Response update(@PathParam("code") String code, @RestForm String name, @RestForm String contactEmail,
                           @RestForm String backupEmail) {
        Api.Agency agency = office.agency(code);
        Form form = new Form("edit");
        details(form, name, contactEmail, backupEmail);
        if (form.isHasErrors()) {
            return Response.status(400).entity(agencyPage(agency, form)).build();
        }
        try {
            // an empty backup clears it: the API keeps what it is sent, and null is "no backup"
            office.updateAgency(code, new Office.AgencyBody(null, form.get("name"), form.get("contactEmail"),
                    blankToNull(form.get("backupEmail")), null));
            return HomePage.seeOther("/office/agencies?saved=" + encode(code) + "#saved");
        } catch (ApiProblem problem) {
            refused(form, problem);
            return Response.status(Problems.formStatus(problem)).entity(agencyPage(agency, form)).build();
        }
    }

    /** Deactivates an agency (it keeps its requests and history; nothing new can be sent to it) or activates it again. */
    @POST
    @Path("agencies/{code}/active")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Authenticated
    public Response activate(@PathParam("code") String code, @RestForm String active) {
        Api.Agency agency = office.agency(code);
        Form form = new Form("active");
        try {
            office.updateAgency(code, new Office.AgencyBody(null, agency.name(), agency.contactEmail(),
                    agency.backupEmail(), "true".equals(active)));
            return HomePage.seeOther("/office/agencies?saved=" + encode(code) + "#saved");
        } catch (ApiProblem problem) {
            refused(form, problem);
            Form edit = new Form("edit").value("name", agency.name()).value("contactEmail", agency.contactEmail())
                    .value("backupEmail", agency.backupEmail() == null ? "" : agency.backupEmail());
            return Response.status(Problems.formStatus(problem)).entity(agencyPage(agency, edit).data("activeForm", form))
                    .build();
        }
    }

    // ---- import of past requests

    @GET
    @Path("import")
    @RolesAllowed("admin")
    public TemplateInstance importForm() {
        return importPage(new Form("import").value("charset", "UTF-8"), null);
    }

    private TemplateInstance importPage(Form form, Office.ImportReport report) {
        return pages.page("office-import", "office").data("form", form).data("report", report)
                .data("violations", List.<ApiProblem.Violation>of());
    }

    @POST
    @Path("import")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Authenticated
    public Response importFile(@RestForm("file") FileUpload file, @RestForm String charset) {
        Form form = new Form("import");
        form.value("charset", charset != null && CHARSETS.contains(charset) ? charset : "UTF-8");
        String type = file == null || file.fileName() == null ? null : typeOf(file.fileName());
        if (file == null || file.fileName() == null || file.fileName().isBlank() || file.size() == 0) {
            form.error("file", texts.get("error_import_file"));
        } else if (type == null) {
            form.error("file", texts.get("error_import_type"));
        }
        if (form.isHasErrors()) {
            return Response.status(400).entity(importPage(form, null)).build();
        }
        form.value("fileName", file.fileName());
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new IllegalStateException("The uploaded file could not be read back", e);
        }
        try {
            Office.ImportReport report = office.importRequests(type + "; charset=" + form.get("charset"), bytes);
            return Response.status(201).entity(importPage(form, report)).build();
        } catch (ApiProblem problem) {
            // all or nothing: every line's problem is listed, nothing was imported
            List<ApiProblem.Violation> lines = problem.violations();
            if (lines.isEmpty()) {
                refused(form, problem);
            } else {
                form.error(null, texts.get("import_refused"));
            }
            return Response.status(Problems.formStatus(problem)).entity(importPage(form, null).data("violations", lines))
                    .build();
        }
    }

    /** The API's media type for a file by its extension: CSV, or JSON lines. */
    static String typeOf(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return "text/csv";
        }
        if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
            return "application/x-ndjson";
        }
        return null;
    }

    // ---- delivery log

    @GET
    @Path("deliveries")
    @RolesAllowed({"admin", "coordinator", "auditor"})
    public TemplateInstance deliveries(@QueryParam("status") String status, @QueryParam("from") String from,
                                       @QueryParam("to") String to, @QueryParam("page") Integer page,
                                       @QueryParam("retried") Long retried) {
        Form filters = new Form("filters");
        filters.value("status", status != null && DELIVERY_STATUSES.contains(status) ? status : "");
        filters.value("from", date(from));
        filters.value("to", date(to));
        return deliveriesPage(filters, page == null || page < 0 ? 0 : page, new Form("retry"), retried);
    }

    private TemplateInstance deliveriesPage(Form filters, int page, Form retry, Long retried) {
        Office.LogPage log = office.deliveries(blankToNull(filters.get("status")), blankToNull(filters.get("from")),
                blankToNull(filters.get("to")), page, LOG_SIZE);
        return pages.page("office-deliveries", "office").data("log", log).data("filters", filters)
                .data("statuses", DELIVERY_STATUSES).data("form", retry).data("retried", retried)
                .data("query", query(filters));
    }

    @POST
    @Path("deliveries/{id}/retry")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Authenticated
    public Response retry(@PathParam("id") long id, @RestForm String status, @RestForm String from, @RestForm String to) {
        Form filters = new Form("filters").value("status", status != null && DELIVERY_STATUSES.contains(status) ? status : "")
                .value("from", date(from)).value("to", date(to));
        try {
            office.retry(id);
            return HomePage.seeOther("/office/deliveries?" + query(filters) + "retried=" + id + "#retried");
        } catch (ApiProblem problem) {
            Form form = new Form("retry");
            refused(form, problem);
            return Response.status(Problems.formStatus(problem)).entity(deliveriesPage(filters, 0, form, null)).build();
        }
    }

    /** The filters as a query string prefix ({@code status=FAILED&}), to keep them across a retry or a page. */
    private static String query(Form filters) {
        StringBuilder query = new StringBuilder();
        for (String field : List.of("status", "from", "to")) {
            if (!filters.get(field).isEmpty()) {
                query.append(field).append('=').append(encode(filters.get(field))).append('&');
            }
        }
        return query.toString();
    }

    private static String date(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        try {
            return LocalDate.parse(value.strip()).toString();
        } catch (DateTimeParseException e) {
            return "";
        }
    }

    // ---- shared

    /** The API's refusal on the form: a 403 says plainly that the reader's role may not, with the API's reason. */
    private void refused(Form form, ApiProblem problem) {
        if (problem.status() == 403) {
            form.error(null, texts.get("office_forbidden") + (problem.detail() == null ? "" : " (" + problem.detail() + ")"));
        } else {
            Problems.onto(form, problem, texts);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
