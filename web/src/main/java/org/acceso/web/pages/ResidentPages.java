package org.acceso.web.pages;

import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.acceso.web.api.AccesoApi;
import org.acceso.web.api.Api;
import org.acceso.web.api.ApiProblem;
import org.acceso.web.view.Form;
import org.acceso.web.view.Pages;
import org.acceso.web.view.Texts;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestForm;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/** The resident's pages: file a request, the receipt, and "my requests". */
@Path("/requests")
@Produces(MediaType.TEXT_HTML)
public class ResidentPages {

    private static final Logger LOG = Logger.getLogger(ResidentPages.class);

    static final String IDEMPOTENCY_KEY_REUSED = "/problems/idempotency-key-reused";

    @Inject
    Pages pages;

    @Inject
    Texts texts;

    @Inject
    @RestClient
    AccesoApi api;

    /** The form field that carries the filing's Idempotency-Key: one per form rendered, sent with every submit of it. */
    static final String IDEMPOTENCY_KEY = "idempotencyKey";

    /** What request-service takes as a key: 1 to 255 visible ASCII characters. */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    @GET
    @Path("new")
    @RolesAllowed("resident")
    public TemplateInstance newRequest() {
        return form(new Form("file").value("language", pages.lang()).value(IDEMPOTENCY_KEY, newKey()));
    }

    static String newKey() {
        return UUID.randomUUID().toString();
    }

    /** The form's key as sent; a form rendered before keys existed (or tampered with) gets one of its own from now on. */
    static void keyOnto(Form form, String idempotencyKey) {
        form.value(IDEMPOTENCY_KEY, idempotencyKey != null && KEY.matcher(idempotencyKey).matches() ? idempotencyKey : newKey());
    }

    /** What any request form asks (subject, description, agency, language), checked as request-service will. */
    static void requestOnto(Form form, Texts texts, String subject, String description, String agencyCode, String language) {
        form.required("subject", subject, texts.get("error_subject_required"));
        form.maxLength("subject", 200, texts.get("error_subject_long"));
        form.required("description", description, texts.get("error_description_required"));
        form.maxLength("description", 20000, texts.get("error_description_long"));
        form.value("agencyCode", agencyCode == null ? "" : agencyCode.strip());
        form.value("language", "en".equals(language) ? "en" : "es");
    }

    private TemplateInstance form(Form form) {
        List<Api.Agency> agencies = api.agencies().stream().filter(Api.Agency::active)
                .sorted(Comparator.comparing(Api.Agency::name)).toList();
        return pages.page("file", "new").data("form", form).data("agencies", agencies);
    }

    @POST
    @Path("new")
    @RolesAllowed("resident")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response file(@RestForm String subject, @RestForm String description, @RestForm String agencyCode,
                         @RestForm String language, @RestForm String noPublication, @RestForm String idempotencyKey) {
        Form form = new Form("file");
        keyOnto(form, idempotencyKey);
        requestOnto(form, texts, subject, description, agencyCode, language);
        form.value("noPublication", "yes".equals(noPublication) ? "yes" : "");
        if (form.isHasErrors()) {
            return Response.status(400).entity(form(form)).build();
        }
        try {
            Api.Request filed = api.file(form.get(IDEMPOTENCY_KEY), new Api.Filing(form.get("subject"), form.get("description"),
                    form.get("agencyCode").isEmpty() ? null : form.get("agencyCode"), form.get("language"),
                    "yes".equals(form.get("noPublication")) ? Boolean.FALSE : null));
            return HomePage.seeOther("/requests/" + filed.id() + "/receipt");
        } catch (ApiProblem problem) {
            if (problem.status() == 422 && IDEMPOTENCY_KEY_REUSED.equals(problem.type())) {
                // this form was filed before (a submit whose answer was lost) with other words: say so, and let a
                // new submit file a new request
                form.value(IDEMPOTENCY_KEY, newKey()).error(null, texts.get("error_already_filed"));
                return Response.status(Problems.formStatus(problem)).entity(form(form)).build();
            }
            Problems.onto(form, problem, texts); // the same key again: nothing was filed, or the retry replays it
            return Response.status(Problems.formStatus(problem)).entity(form(form)).build();
        } catch (ProcessingException unanswered) {
            // no answer (the API did not answer in time or could not be reached): it may have been filed; the form
            // keeps its key, so sending it again files once
            LOG.warnf("Filing got no answer from the API: %s", unanswered.getMessage());
            form.error(null, texts.get("error_unavailable"));
            return Response.status(503).entity(form(form)).build();
        }
    }

    @GET
    @RolesAllowed("resident")
    public TemplateInstance mine() {
        return pages.page("mine", "mine").data("requests", api.mine());
    }
}
