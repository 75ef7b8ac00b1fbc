package org.acceso.web.pages;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.acceso.web.api.ApiProblem;
import org.acceso.web.api.Office;
import org.acceso.web.api.OfficeApi;
import org.acceso.web.view.Form;
import org.acceso.web.view.Pages;
import org.acceso.web.view.Texts;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

import java.util.ArrayList;
import java.util.List;

/**
 * Each signed-in person's notice preferences (notification-service): per category, by e-mail and in the app. Notices
 * the law requires (the API's {@code alwaysSent}) arrive whatever is chosen, and the page says so.
 */
@Path("/preferences")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class PreferencesPage {

    /** The categories, in the order the page shows them. */
    static final List<String> CATEGORIES = List.of("REQUEST_UPDATES", "ASSIGNMENTS", "DEADLINE_ALERTS", "DIGESTS");
    /** New requests no agency holds and appeals filed: the coordinators'; its e-mails may come in one daily digest. */
    static final String COORDINATION = "COORDINATION";
    /** What a resident hears of: their own requests (staff categories would only confuse; the API keeps them as they are). */
    static final List<String> RESIDENT = List.of("REQUEST_UPDATES");

    @Inject
    Pages pages;

    @Inject
    Texts texts;

    @Inject
    @RestClient
    OfficeApi office;

    @GET
    public TemplateInstance show(@QueryParam("saved") String saved) {
        Office.Preferences current = office.preferences();
        Form form = new Form("preferences");
        for (Office.Choice choice : current.categories()) {
            form.value(choice.category(), channels(choice.email(), choice.inApp(), Boolean.TRUE.equals(choice.dailyDigest())));
        }
        return page(form, current.alwaysSent()).data("saved", saved != null);
    }

    /** A category's boxes that are ticked, as the form keeps a choice ({@code email,inApp,dailyDigest}). */
    private static String channels(boolean email, boolean inApp, boolean digest) {
        return (email ? "email," : "") + (inApp ? "inApp," : "") + (digest ? "dailyDigest" : "");
    }

    /** The categories the reader hears of: staff all of them (coordination for coordinators), a resident their requests'. */
    private List<String> categories() {
        if (pages.has("coordinator")) {
            List<String> all = new ArrayList<>(CATEGORIES);
            all.add(COORDINATION);
            return all;
        }
        boolean staff = pages.has("clerk") || pages.has("auditor") || pages.has("admin");
        return staff ? CATEGORIES : RESIDENT;
    }

    private TemplateInstance page(Form form, List<String> alwaysSent) {
        return pages.page("preferences", "notices").data("form", form).data("categories", categories())
                .data("alwaysSent", alwaysSent == null ? List.of() : alwaysSent).data("saved", false);
    }

    /**
     * The boxes ticked ({@code REQUEST_UPDATES.email}...); a box not ticked is not sent by the browser: off. Only the
     * categories the page shows are sent; the API keeps the others as they are.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response choose(@RestForm("choice") List<String> ticked) {
        List<String> on = ticked == null ? List.of() : ticked;
        Form form = new Form("preferences");
        List<Office.Choice> choices = new ArrayList<>();
        for (String category : categories()) {
            boolean email = on.contains(category + ".email");
            boolean inApp = on.contains(category + ".inApp");
            boolean digest = on.contains(category + ".dailyDigest");
            form.value(category, channels(email, inApp, digest));
            choices.add(new Office.Choice(category, email, inApp, COORDINATION.equals(category) ? digest : null));
        }
        try {
            office.choose(new Office.Preferences(choices, null));
            return HomePage.seeOther("/preferences?saved#saved");
        } catch (ApiProblem problem) {
            Problems.onto(form, problem, texts);
            List<String> alwaysSent;
            try {
                alwaysSent = office.preferences().alwaysSent();
            } catch (ApiProblem | jakarta.ws.rs.ProcessingException unknown) {
                alwaysSent = List.of();
            }
            return Response.status(Problems.formStatus(problem)).entity(page(form, alwaysSent)).build();
        }
    }
}
