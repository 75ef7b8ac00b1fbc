package org.acceso.web.pages;

import io.quarkus.arc.Unremovable;
import io.quarkus.oidc.OidcRedirectFilter;
import io.quarkus.oidc.Redirect;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.acceso.web.view.Pages;

/**
 * The way to the realm's sign-in page: in the language the person reads the front in ({@code ui_locales}), and, from
 * {@code /sign-up}, to its registration page instead ({@code prompt=create}, OpenID Connect's "initiating user
 * registration"), so that a new account comes back to the front signed in, like any sign-in (state and PKCE are
 * quarkus-oidc's own).
 */
@ApplicationScoped
@Unremovable
@Redirect(Redirect.Location.OIDC_AUTHORIZATION)
public class RealmSignIn implements OidcRedirectFilter {

    static final String SIGN_UP_PATH = "/sign-up";

    @Override
    public void filter(OidcRedirectContext context) {
        RoutingContext routing = context.routingContext();
        Cookie chosen = routing.request().getCookie(Pages.LANG_COOKIE);
        context.additionalQueryParams().add("ui_locales", Pages.language(chosen == null ? null : chosen.getValue(), null));
        if (SIGN_UP_PATH.equals(routing.normalizedPath())) {
            context.additionalQueryParams().add("prompt", "create");
        }
    }
}
