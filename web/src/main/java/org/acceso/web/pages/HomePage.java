package org.acceso.web.pages;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.acceso.web.view.Pages;
import org.jboss.resteasy.reactive.RestForm;

import java.net.URI;

/** The home page (the right to information in plain words), signing up, in and out, and the language switch. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePage {

    @Inject
    Pages pages;

    @GET
    public TemplateInstance home() {
        return pages.page("home", "home");
    }

    /** Signs in (the realm's login page) and lands on the person's own start page. */
    @GET
    @Path("sign-in")
    @Authenticated
    public Response signIn() {
        return seeOther(start());
    }

    /**
     * Creates an account: the realm's registration page ({@code prompt=create}, added by {@link RealmSignIn}) asks for
     * name and e-mail and sends a link to confirm the address, which leads to choosing a password; the new resident
     * then comes back signed in, to their start page. Someone already signed in just goes there.
     */
    @GET
    @Path("sign-up")
    @Authenticated
    public Response signUp() {
        return seeOther(start());
    }

    /** Where the realm sends people back after signing in, when no other page was asked for. */
    @GET
    @Path("signed-in")
    @Authenticated
    public Response signedIn() {
        return seeOther(start());
    }

    private String start() {
        if (pages.has("clerk")) {
            return "/inbox";
        }
        if (pages.has("coordinator")) {
            return "/desk";
        }
        if (pages.has("auditor") || pages.has("admin")) {
            return "/dashboard";
        }
        return pages.has("resident") ? "/requests" : "/";
    }

    /** A form post (CSRF-checked) that ends the session here and at the realm. */
    @POST
    @Path("sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut() {
        return seeOther(pages.signedIn() ? "/logout" : "/");
    }

    @POST
    @Path("language")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response language(@RestForm String lang, @RestForm String back) {
        String chosen = "en".equals(lang) ? "en" : Pages.DEFAULT_LANG;
        NewCookie cookie = new NewCookie.Builder(Pages.LANG_COOKIE).value(chosen).path("/").maxAge(365 * 24 * 3600)
                .sameSite(NewCookie.SameSite.LAX).httpOnly(true).build();
        return Response.seeOther(URI.create(localPath(back))).cookie(cookie).build();
    }

    /** Only a path of this site: never an open redirect. */
    static String localPath(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")
                || back.chars().anyMatch(c -> c < 0x20)) {
            return "/";
        }
        return back;
    }

    static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
