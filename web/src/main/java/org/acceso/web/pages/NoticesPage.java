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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.acceso.web.api.AccesoApi;
import org.acceso.web.view.Pages;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** The signed-in person's in-app notices, newest first, with the unread ones marked. */
@Path("/notices")
@Produces(MediaType.TEXT_HTML)
@Authenticated
public class NoticesPage {

    @Inject
    Pages pages;

    @Inject
    @RestClient
    AccesoApi api;

    @GET
    public TemplateInstance list() {
        return pages.page("notices", "notices").data("notices", api.notices(0, 50));
    }

    @POST
    @Path("{id}/read")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response read(@PathParam("id") long id) {
        api.markRead(id).close();
        return HomePage.seeOther("/notices#notice-" + id);
    }
}
