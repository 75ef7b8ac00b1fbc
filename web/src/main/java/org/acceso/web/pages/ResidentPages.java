package org.acceso.web.pages;

import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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
import org.jboss.resteasy.reactive.RestForm;

import java.util.Comparator;
import java.util.List;

/** The resident's pages: file a request, the receipt, and "my requests". */
@Path("/requests")
@Produces(MediaType.TEXT_HTML)
public class ResidentPages {

    @Inject
    Pages pages;

    @Inject
    Texts texts;

    @Inject
    @RestClient
    AccesoApi api;

    @GET
    @Path("new")
    @RolesAllowed("resident")
    public TemplateInstance newRequest() {
        return form(new Form("file").value("language", pages.lang()));
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
                         @RestForm String language) {
        Form form = new Form("file");
        form.required("subject", subject, texts.get("error_subject_required"));
        form.maxLength("subject", 200, texts.get("error_subject_long"));
        form.required("description", description, texts.get("error_description_required"));
        form.maxLength("description", 20000, texts.get("error_description_long"));
        form.value("agencyCode", agencyCode == null ? "" : agencyCode.strip());
        form.value("language", "en".equals(language) ? "en" : "es");
        if (form.isHasErrors()) {
            return Response.status(400).entity(form(form)).build();
        }
        try {
            Api.Request filed = api.file(new Api.Filing(form.get("subject"), form.get("description"),
                    form.get("agencyCode").isEmpty() ? null : form.get("agencyCode"), form.get("language")));
            return HomePage.seeOther("/requests/" + filed.id() + "/receipt");
        } catch (ApiProblem problem) {
            Problems.onto(form, problem, texts);
            return Response.status(Problems.formStatus(problem)).entity(form(form)).build();
        }
    }

    @GET
    @RolesAllowed("resident")
    public TemplateInstance mine() {
        return pages.page("mine", "mine").data("requests", api.mine());
    }
}
