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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.acceso.web.api.AccesoApi;
import org.acceso.web.api.Api;
import org.acceso.web.api.Policies;
import org.acceso.web.api.ApiProblem;
import org.acceso.web.view.Form;
import org.acceso.web.view.Pages;
import org.acceso.web.view.Texts;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The "Publicar" step of an answered request (clerks of its agency, coordinators): the proposal with every personal
 * datum request-service found marked, the texts to publish (each datum already replaced by {@code [dato personal]},
 * editable), each released document's visibility and an optional embargo; then the published copy's public address,
 * and withdrawing it with a reason.
 */
@Path("/requests/{id: [0-9a-fA-F-]{36}}/publication")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"clerk", "coordinator"})
public class PublicationPage {

    static final String PERSONAL_DATA = "/problems/personal-data";
    static final String UNPUBLISHABLE_DOCUMENT = "/problems/unpublishable-document";

    @Inject
    Pages pages;

    @Inject
    Texts texts;

    @Inject
    @RestClient
    AccesoApi api;

    /** A piece of a text: plain, or a personal datum of the kind given. */
    public record Segment(String text, String kind, boolean requester) {
    }

    /** A released document on the form, and whether it is ticked to be published. */
    public record DocumentRow(Api.DocumentProposal document, boolean published) {
    }

    /** The text cut at each datum found (overlapping finds: the first one wins), for the page to mark them. */
    static List<Segment> segments(Api.TextProposal proposal) {
        List<Segment> segments = new ArrayList<>();
        if (proposal == null || proposal.text() == null) {
            return segments;
        }
        String text = proposal.text();
        int at = 0;
        for (Api.Mark mark : proposal.marks().stream().sorted(Comparator.comparingInt(Api.Mark::start)).toList()) {
            if (mark.start() < at || mark.end() > text.length() || mark.end() <= mark.start()) {
                continue;
            }
            if (mark.start() > at) {
                segments.add(new Segment(text.substring(at, mark.start()), null, false));
            }
            segments.add(new Segment(text.substring(mark.start(), mark.end()), mark.kind(), mark.requester()));
            at = mark.end();
        }
        if (at < text.length()) {
            segments.add(new Segment(text.substring(at), null, false));
        }
        return segments;
    }

    @GET
    public TemplateInstance show(@PathParam("id") String id, @QueryParam("done") String done) {
        Api.Proposal proposal = api.publicationProposal(id);
        return render(proposal, initial(proposal), new Form("withdraw"), done);
    }

    /** What the form starts with: the texts as published, or the proposal's suggestion; documents stay private. */
    private static Form initial(Api.Proposal proposal) {
        Form form = new Form("publish");
        Api.Published current = proposal.current() != null && proposal.current().isLive() ? proposal.current() : null;
        form.value("subject", current != null ? current.subject() : suggestion(proposal.subject()));
        form.value("question", current != null ? current.question() : suggestion(proposal.question()));
        form.value("answer", current != null ? nullToEmpty(current.answer()) : suggestion(proposal.answer()));
        form.value("embargoUntil", current != null && current.embargoUntil() != null ? current.embargoUntil().toString() : "");
        for (Api.DocumentProposal document : proposal.documentsOrEmpty()) {
            boolean published = current != null && current.documents() != null
                    && current.documents().stream().anyMatch(d -> document.id().equals(d.sourceId()));
            form.value("doc-" + document.id(), published ? "PUBLIC" : "REQUESTER_ONLY");
        }
        return form;
    }

    private static String suggestion(Api.TextProposal text) {
        return text == null ? "" : nullToEmpty(text.suggestion());
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private TemplateInstance render(Api.Proposal proposal, Form form, Form withdraw, String done) {
        return pages.page("publication", pages.has("clerk") ? "inbox" : "desk")
                .data("p", proposal)
                .data("subjectMarks", segments(proposal.subject()))
                .data("questionMarks", segments(proposal.question()))
                .data("answerMarks", segments(proposal.answer()))
                .data("form", form)
                .data("documents", proposal.documentsOrEmpty().stream()
                        .map(d -> new DocumentRow(d, form.is("doc-" + d.id(), "PUBLIC"))).toList())
                .data("withdraw", withdraw)
                .data("today", LocalDate.now(Policies.zone()).toString())
                .data("done", done == null ? "" : done.replaceAll("[^a-zA-Z]", ""));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response publish(@PathParam("id") String id, @RestForm String subject, @RestForm String question,
                            @RestForm String answer, @RestForm String embargoUntil,
                            @RestForm("public") List<String> publicDocuments) {
        Api.Proposal proposal = api.publicationProposal(id);
        Form form = new Form("publish");
        form.required("subject", subject, texts.get("error_subject_required"));
        form.maxLength("subject", 400, texts.get("error_too_long"));
        form.required("question", question, texts.get("error_description_required"));
        form.maxLength("question", 40000, texts.get("error_too_long"));
        form.value("answer", nullToEmpty(answer).strip());
        form.maxLength("answer", 100000, texts.get("error_too_long"));
        LocalDate embargo = null;
        String embargoText = nullToEmpty(embargoUntil).strip();
        form.value("embargoUntil", embargoText);
        if (!embargoText.isEmpty()) {
            try {
                embargo = LocalDate.parse(embargoText);
            } catch (DateTimeException e) {
                form.error("embargoUntil", texts.get("error_date_format"));
            }
        }
        List<Api.DocumentChoice> documents = new ArrayList<>();
        for (Api.DocumentProposal document : proposal.documentsOrEmpty()) {
            String visibility = publicDocuments != null && publicDocuments.contains(document.id().toString())
                    ? "PUBLIC" : "REQUESTER_ONLY";
            form.value("doc-" + document.id(), visibility);
            documents.add(new Api.DocumentChoice(document.id(), visibility));
        }
        if (!form.isHasErrors()) {
            try {
                api.publish(id, new Api.PublicationBody(form.get("subject"), form.get("question"),
                        form.get("answer").isEmpty() ? null : form.get("answer"), documents, embargo));
                return HomePage.seeOther("/requests/" + id + "/publication?done=published#done");
            } catch (ApiProblem problem) {
                if (problem.status() == 404) {
                    throw problem;
                }
                refused(form, problem);
                return Response.status(Problems.formStatus(problem))
                        .entity(render(proposal, form, new Form("withdraw"), null)).build();
            }
        }
        return Response.status(400).entity(render(proposal, form, new Form("withdraw"), null)).build();
    }

    /** Personal data left in the texts, a document that cannot be checked: said in the page's words, with the API's. */
    private void refused(Form form, ApiProblem problem) {
        if (PERSONAL_DATA.equals(problem.type())) {
            form.error("question", texts.get("publication_error_personal_data") + " (" + problem.detail() + ")");
        } else if (UNPUBLISHABLE_DOCUMENT.equals(problem.type())) {
            form.error(null, texts.get("publication_error_document") + " (" + problem.detail() + ")");
        } else {
            Problems.onto(form, problem, texts);
        }
    }

    @POST
    @Path("withdrawal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@PathParam("id") String id, @RestForm String reason) {
        Form withdraw = new Form("withdraw");
        withdraw.required("withdrawal-reason", reason, texts.get("error_reason_required"));
        withdraw.maxLength("withdrawal-reason", 2000, texts.get("error_too_long"));
        if (!withdraw.isHasErrors()) {
            try {
                api.withdrawPublication(id, new Api.Reason(withdraw.get("withdrawal-reason")));
                return HomePage.seeOther("/requests/" + id + "/publication?done=withdrawn#done");
            } catch (ApiProblem problem) {
                if (problem.status() == 404) {
                    throw problem;
                }
                Problems.onto(withdraw, problem, texts);
                Api.Proposal proposal = api.publicationProposal(id);
                return Response.status(Problems.formStatus(problem)).entity(render(proposal, initial(proposal), withdraw, null)).build();
            }
        }
        Api.Proposal proposal = api.publicationProposal(id);
        return Response.status(400).entity(render(proposal, initial(proposal), withdraw, null)).build();
    }
}
