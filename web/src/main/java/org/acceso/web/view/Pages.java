package org.acceso.web.view;

import io.quarkus.oidc.IdToken;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.acceso.web.api.AccesoApi;
import org.acceso.web.api.Api;
import org.acceso.web.api.ApiProblem;
import org.acceso.web.api.Policies;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Renders a page in the reader's language, framed with the navigation of the signed-in person. */
@RequestScoped
public class Pages {

    private static final Logger LOG = Logger.getLogger(Pages.class);

    public static final String LANG_COOKIE = "lang";
    public static final String DEFAULT_LANG = "es";
    private static final Set<String> SPOKEN = Set.of(DEFAULT_LANG, "en");

    @Inject
    Engine engine;

    @Inject
    SecurityIdentity identity;

    @Inject
    @IdToken
    Instance<JsonWebToken> idToken;

    @Inject
    RoutingContext routing;

    @Inject
    @RestClient
    AccesoApi api;

    @Inject
    Policies policies;

    /**
     * The page's language: the one chosen in this browser (the {@code lang} cookie), else the signed-in person's own
     * (their account's {@code locale}, which the realm puts in the ID token), else Spanish.
     */
    public String lang() {
        Cookie cookie = routing.request().getCookie(LANG_COOKIE);
        return language(cookie == null ? null : cookie.getValue(), accountLocale());
    }

    /** The language of a page: {@code chosen} if the front speaks it, else {@code account}'s, else Spanish. */
    public static String language(String chosen, Object account) {
        if (chosen != null && SPOKEN.contains(chosen)) {
            return chosen;
        }
        return account != null && SPOKEN.contains(account.toString()) ? account.toString() : DEFAULT_LANG;
    }

    /** The language the signed-in person keeps in their account (claim {@code locale}), or null. */
    private Object accountLocale() {
        return signedIn() && idToken.isResolvable() ? claim("locale") : null;
    }

    public Locale locale() {
        return Locale.forLanguageTag(lang());
    }

    /**
     * Whether someone is signed in. A page drawn on an I/O thread (the "not found" page of a path no page serves) is
     * drawn as for a visitor: resolving the session there could block.
     */
    public boolean signedIn() {
        return !io.vertx.core.Context.isOnEventLoopThread() && !identity.isAnonymous();
    }

    public boolean has(String role) {
        return signedIn() && identity.hasRole(role);
    }

    /** The signed-in clerk's agency (token claim {@code agency}), or null. */
    public String agency() {
        if (!signedIn() || !idToken.isResolvable()) {
            return null;
        }
        Object agency = claim("agency");
        return agency == null ? null : agency.toString();
    }

    public String userName() {
        if (!signedIn() || !idToken.isResolvable()) {
            return null;
        }
        Object name = claim("name");
        return name != null ? name.toString() : identity.getPrincipal().getName();
    }

    private Object claim(String name) {
        try {
            return idToken.get().getClaim(name);
        } catch (RuntimeException noIdToken) {
            return null; // an identity that did not come from the code flow
        }
    }

    /** The template {@code name} with the frame's data; {@code section} marks the navigation entry. */
    public TemplateInstance page(String name, String section) {
        return page(name, section, true);
    }

    /** A page drawn outside a page's filters (a path nothing serves, a role refused): no forms in its frame. */
    public TemplateInstance bare(String name) {
        return page(name, "", false);
    }

    private TemplateInstance page(String name, String section, boolean forms) {
        Ui ui = new Ui(lang(), routing.request().path(), section, signedIn(), has("resident"), has("clerk"),
                has("coordinator"), has("auditor") || has("admin"), userName(), agency(), unread(), forms);
        TemplateInstance instance = engine.getTemplate(name).instance();
        instance.setLocale(locale());
        return instance.data("ui", ui).data("law", law());
    }

    /**
     * The law in force in this page's words (every page: its footer names the law). A page drawn on an I/O thread uses
     * the policy only if it was read before: fetching it there could block.
     */
    private LawWords law() {
        Optional<Api.Policy> policy = io.vertx.core.Context.isOnEventLoopThread() ? policies.inForceIfRead() : policies.inForce();
        return LawWords.of(policy, lang());
    }

    /** The law of a request's legal clock (the profile it started under), or the law in force before it started. */
    public LawWords lawOf(Api.Clock clock) {
        return clock == null || clock.profile() == null ? law() : LawWords.of(policies.profile(clock.profile()), lang());
    }

    private long unread() {
        if (!signedIn()) {
            return 0;
        }
        try {
            return api.notices(0, 1).unread();
        } catch (ApiProblem | jakarta.ws.rs.ProcessingException e) {
            LOG.debugf("Unread notices not known: %s", e.getMessage());
            return 0;
        }
    }
}
