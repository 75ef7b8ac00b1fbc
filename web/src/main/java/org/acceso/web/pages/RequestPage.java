package org.acceso.web.pages;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
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
import org.acceso.web.config.WebConfig;
import org.acceso.web.view.Form;
import org.acceso.web.view.Pages;
import org.acceso.web.view.Texts;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One request as the signed-in person may see it, with every move the API says they may make now
 * ({@code allowedMoves}: the state machine and their role decide, the page only offers), its legal clock and how the
 * due date came about, its documents and its history.
 */
@Path("/requests/{id: [0-9a-fA-F-]{36}}")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class RequestPage {

    static final List<String> OUTCOMES = List.of("GRANTED", "PARTIALLY_GRANTED", "DENIED", "NOT_HELD");
    static final List<String> DECISIONS = List.of("UPHELD", "PARTIALLY_UPHELD", "DISMISSED");

    @Inject
    Pages pages;

    @Inject
    Texts texts;

    @Inject
    @RestClient
    AccesoApi api;

    @Inject
    WebConfig config;

    @GET
    public TemplateInstance show(@PathParam("id") String id, @QueryParam("done") String done) {
        return render(id, null, done);
    }

    /**
     * The receipt: tracking number and the legal due date (which the legal clock sets within seconds), styled for
     * print, with the PDF. A resident sees their own; staff see the one of a request they registered (or may see), to
     * print for a requester without e-mail. While the date is not known yet the page says so and refreshes itself.
     */
    @GET
    @Path("receipt")
    public TemplateInstance receipt(@PathParam("id") String id) {
        Api.Request request = api.request(id);
        long deadline = System.nanoTime() + config.receiptWait().toNanos();
        while (request.dueOn() == null && System.nanoTime() < deadline) {
            pause();
            request = api.request(id);
        }
        boolean staff = !pages.has("resident");
        return pages.page("receipt", staff ? "register" : "mine").data("r", request).data("staff", staff);
    }

    /** The printable receipt as a PDF, from the API (the token stays here). */
    @GET
    @Path("receipt.pdf")
    @Produces("application/pdf")
    public Response receiptPdf(@PathParam("id") String id) {
        Response upstream = api.receiptPdf(id);
        Response.ResponseBuilder response = Response.ok(upstream.readEntity(InputStream.class), "application/pdf")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
        String disposition = upstream.getHeaderString(HttpHeaders.CONTENT_DISPOSITION);
        if (disposition != null) {
            response.header(HttpHeaders.CONTENT_DISPOSITION, disposition);
        }
        return response.build();
    }

    private static void pause() {
        try {
            Thread.sleep(400);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private TemplateInstance render(String id, Form failed, String done) {
        Api.Request request = api.request(id);
        List<Api.HistoryLine> history = api.history(id);
        Api.Clock clock = optional(() -> api.clock(id));
        boolean staff = !pages.has("resident");
        List<Api.Agency> agencies = staff ? api.agencies().stream().filter(Api.Agency::active)
                .sorted(Comparator.comparing(Api.Agency::code)).toList() : List.of();
        List<Api.Clerk> clerks = pages.has("coordinator") && request.agencyCode() != null && request.may("assign")
                ? optional(() -> api.clerks(request.agencyCode())) : null;
        Api.Grounds grounds = request.may("answer") || request.answer() != null ? api.grounds() : null;
        String section = pages.has("resident") ? "mine" : pages.has("clerk") ? "inbox" : pages.has("coordinator") ? "desk" : "";
        return pages.page("request", section)
                .data("r", request)
                .data("history", history)
                .data("clock", clock)
                .data("clockLaw", pages.lawOf(clock))
                .data("agencies", agencies)
                .data("clerks", clerks == null ? List.of() : clerks)
                .data("grounds", grounds == null ? List.of() : grounds.grounds())
                .data("outcomes", OUTCOMES)
                .data("decisions", DECISIONS)
                .data("failed", failed == null ? new Form("none") : failed)
                .data("done", done == null ? "" : done.replaceAll("[^a-zA-Z]", ""));
    }

    private static <T> T optional(Supplier<T> call) {
        try {
            return call.get();
        } catch (ApiProblem e) {
            if (e.status() == 404 || e.status() == 403) {
                return null;
            }
            throw e;
        }
    }

    /** Runs a move; on a refusal shows the page again with the form's errors at the top of that form. */
    private Response move(String id, Form form, Runnable call, String done) {
        if (!form.isHasErrors()) {
            try {
                call.run();
                return HomePage.seeOther("/requests/" + id + "?done=" + done + "#status");
            } catch (ApiProblem problem) {
                if (problem.status() == 404) {
                    throw problem;
                }
                Problems.onto(form, problem, texts);
                return Response.status(Problems.formStatus(problem)).entity(render(id, form, null)).build();
            }
        }
        return Response.status(400).entity(render(id, form, null)).build();
    }

    @POST
    @Path("assignment")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assign(@PathParam("id") String id, @RestForm String agencyCode, @RestForm String clerk) {
        Form form = new Form("assign");
        String agency = pages.has("clerk") ? pages.agency() : form.required("agencyCode", agencyCode, texts.get("error_agency_required"));
        form.value("clerk", clerk == null ? "" : clerk.strip());
        return move(id, form, () -> api.assign(id, new Api.Assignment(agency, form.get("clerk").isEmpty() ? null : form.get("clerk"))),
                "assign");
    }

    @POST
    @Path("clarification")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response clarify(@PathParam("id") String id, @RestForm String question) {
        Form form = new Form("clarify");
        form.required("question", question, texts.get("error_question_required"));
        form.maxLength("question", 5000, texts.get("error_too_long"));
        return move(id, form, () -> api.clarify(id, new Api.Question(form.get("question"))), "clarify");
    }

    @POST
    @Path("clarification/reply")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reply(@PathParam("id") String id, @RestForm String text) {
        Form form = new Form("reply");
        form.required("reply-text", text, texts.get("error_reply_required"));
        form.maxLength("reply-text", 20000, texts.get("error_too_long"));
        return move(id, form, () -> api.reply(id, new Api.Text(form.get("reply-text"))), "reply");
    }

    @POST
    @Path("referral")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response refer(@PathParam("id") String id, @RestForm String target, @RestForm String external,
                          @RestForm String reason) {
        Form form = new Form("refer");
        form.value("target", target == null ? "" : target.strip());
        form.value("external", external == null ? "" : external.strip());
        if (form.get("target").isEmpty()) {
            form.error("target", texts.get("error_target_required"));
        } else if (form.get("target").equals("EXTERNAL") && form.get("external").isEmpty()) {
            form.error("external", texts.get("error_external_required"));
        }
        form.required("refer-reason", reason, texts.get("error_reason_required"));
        boolean outside = form.get("target").equals("EXTERNAL");
        return move(id, form, () -> api.refer(id, new Api.Referral(outside ? null : form.get("target"),
                outside ? form.get("external") : null, form.get("refer-reason"))), "refer");
    }

    @POST
    @Path("extension")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response extend(@PathParam("id") String id, @RestForm String reason) {
        Form form = new Form("extend");
        form.required("extend-reason", reason, texts.get("error_extension_reason"));
        return move(id, form, () -> api.extend(id, new Api.Reason(form.get("extend-reason"))), "extend");
    }

    @POST
    @Path("answer")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response answer(@PathParam("id") String id, @RestForm String outcome, @RestForm String text,
                           @RestForm List<String> grounds, @RestForm("documents") List<FileUpload> documents) {
        Form form = new Form("answer");
        form.value("outcome", outcome == null ? "" : outcome);
        List<String> cited = grounds == null ? List.of() : grounds.stream().filter(g -> !g.isBlank()).toList();
        form.value("grounds", String.join(",", cited));
        if (!OUTCOMES.contains(form.get("outcome"))) {
            form.error("outcome-GRANTED", texts.get("error_outcome_required"));
        } else if ((form.get("outcome").equals("DENIED") || form.get("outcome").equals("PARTIALLY_GRANTED")) && cited.isEmpty()) {
            form.error("grounds", texts.get("error_grounds_required"));
        }
        form.required("answer-text", text, texts.get("error_answer_required"));
        List<FileUpload> files = documents == null ? List.of()
                : documents.stream().filter(f -> f.fileName() != null && !f.fileName().isBlank() && f.size() > 0).toList();
        return move(id, form, () -> {
            List<UUID> ids = new ArrayList<>();
            for (FileUpload file : files) {
                ClientMultipartForm multipart = ClientMultipartForm.create().binaryFileUpload("file", file.fileName(),
                        file.uploadedFile().toString(), file.contentType() == null ? MediaType.APPLICATION_OCTET_STREAM
                                : file.contentType());
                ids.add(api.upload(id, multipart).id());
            }
            api.answer(id, new Api.AnswerBody(form.get("outcome"), form.get("answer-text"), cited, ids));
        }, "answer");
    }

    @POST
    @Path("withdrawal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@PathParam("id") String id, @RestForm String reason) {
        Form form = new Form("withdraw");
        form.value("withdraw-reason", reason == null ? "" : reason.strip());
        return move(id, form, () -> api.withdraw(id, new Api.Reason(form.get("withdraw-reason").isEmpty() ? null
                : form.get("withdraw-reason"))), "withdraw");
    }

    @POST
    @Path("appeal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response appeal(@PathParam("id") String id, @RestForm String reason) {
        Form form = new Form("appeal");
        form.required("appeal-reason", reason, texts.get("error_appeal_reason"));
        return move(id, form, () -> api.appeal(id, new Api.Reason(form.get("appeal-reason"))), "appeal");
    }

    @POST
    @Path("appeal/resolution")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resolve(@PathParam("id") String id, @RestForm String decision, @RestForm String text) {
        Form form = new Form("resolve");
        form.value("decision", decision == null ? "" : decision);
        if (!DECISIONS.contains(form.get("decision"))) {
            form.error("decision-UPHELD", texts.get("error_decision_required"));
        }
        form.required("resolve-text", text, texts.get("error_answer_required"));
        return move(id, form, () -> api.resolveAppeal(id, new Api.Resolution(form.get("decision"), form.get("resolve-text"))),
                "resolve");
    }

    /** A document, passed through from the API (which checked who may read it and its digest). */
    @GET
    @Path("documents/{documentId}")
    @Produces(MediaType.WILDCARD)
    public Response download(@PathParam("id") String id, @PathParam("documentId") String documentId) {
        Response upstream = api.download(id, documentId);
        InputStream body = upstream.readEntity(InputStream.class);
        Response.ResponseBuilder response = Response.ok(body, upstream.getMediaType())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
        for (String header : List.of(HttpHeaders.CONTENT_DISPOSITION, HttpHeaders.CONTENT_LENGTH, "Repr-Digest", HttpHeaders.ETAG)) {
            String value = upstream.getHeaderString(header);
            if (value != null) {
                response.header(header, value);
            }
        }
        return response.build();
    }
}
