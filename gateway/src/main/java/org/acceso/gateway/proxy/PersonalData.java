package org.acceso.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.acceso.gateway.config.GatewayConfig;
import org.acceso.gateway.http.Callers;
import org.acceso.gateway.http.CorrelationIdFilter;
import org.acceso.gateway.http.Problems;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/me/personal-data} (Law 25.326, right of access): everything Acceso holds about the caller, as one
 * document. Composed here because the gateway already checks the token, knows every service and forwards the caller's
 * token: each service answers for its own database at its {@code /me/personal-data} (request-service: the requests
 * with their texts, contact data, documents and history; notification-service: the contact it writes to, every notice
 * with its text, the preferences), and the account's fields come from the token, which Keycloak issued from the
 * account. No service calls another, and a service added later is one more line in {@link #SOURCES}. All or nothing:
 * when a service cannot answer, the caller gets a 503 with {@code Retry-After}, never a document that silently lacks a
 * part. The route itself ({@code gateway.routes.personal-data}) decides who may call it, as for every route.
 */
@ApplicationScoped
public class PersonalData {

    static final String ROUTE = "personal-data";
    static final String SERVICE_PATH = "/me/personal-data";
    /** Which service answers for which part of the document. */
    static final List<String> SOURCES = List.of("request", "notification");

    private static final Logger LOG = Logger.getLogger(PersonalData.class);
    private static final List<String> ACCOUNT_CLAIMS = List.of("preferred_username", "name", "given_name",
            "family_name", "email", "email_verified", "locale", "language", "agency");

    private final Backends backends;
    private final GatewayConfig config;

    public PersonalData(Backends backends, GatewayConfig config) {
        this.backends = backends;
        this.config = config;
    }

    void compose(RoutingContext rc) {
        if (!HttpMethod.GET.equals(rc.request().method())) {
            rc.response().putHeader(HttpHeaders.ALLOW, "GET");
            Problems.send(rc, 405, "Only GET reads your personal data");
            return;
        }
        Map<String, Future<JsonObject>> parts = new LinkedHashMap<>();
        SOURCES.forEach(service -> parts.put(service, fetch(rc, service)));
        Future.join(List.copyOf(parts.values())).onComplete(done -> {
            if (rc.response().ended()) {
                return;
            }
            for (Map.Entry<String, Future<JsonObject>> part : parts.entrySet()) {
                if (part.getValue().failed()) {
                    Throwable cause = part.getValue().cause();
                    if (cause instanceof Refused refused) {
                        Problems.send(rc, refused.status, "The " + part.getKey() + "-service refused: " + refused.status);
                        return;
                    }
                    LOG.warnf("%s: personal data from %s-service unavailable: %s", CorrelationIdFilter.of(rc),
                            part.getKey(), cause.getMessage());
                    rc.response().putHeader("Retry-After", Long.toString(backends.openSeconds()));
                    Problems.send(rc, 503, "Your personal data cannot be gathered right now: the " + part.getKey()
                            + "-service does not answer. Try again later.");
                    return;
                }
            }
            JsonObject fromRequests = parts.get("request").result();
            JsonObject fromNotifications = parts.get("notification").result();
            JsonObject document = new JsonObject()
                    .put("generatedAt", Instant.now().toString())
                    .put("law", "Ley 25.326, art. 14 (derecho de acceso)")
                    .put("account", account(rc))
                    .put("requests", fromRequests.getJsonArray("requests", new JsonArray()))
                    .put("notificationContacts", fromNotifications.getJsonArray("requests", new JsonArray()))
                    .put("notices", fromNotifications.getJsonArray("notices", new JsonArray()))
                    .put("preferences", fromNotifications.getJsonObject("preferences", new JsonObject()))
                    .put("sources", new JsonArray().add("token").add("request-service").add("notification-service"));
            rc.response()
                    .setStatusCode(200)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .end(document.toBuffer());
        });
    }

    /** The account as Keycloak issued the token: its subject, names, e-mail, language and roles. */
    private static JsonObject account(RoutingContext rc) {
        JsonObject account = new JsonObject();
        Callers.identity(rc).ifPresent(identity -> {
            account.put("subject", Callers.subject(rc).orElse(null));
            if (identity.getPrincipal() instanceof JsonWebToken token) {
                for (String claim : ACCOUNT_CLAIMS) {
                    Object value = token.getClaim(claim);
                    if (value != null) {
                        account.put(claim, value.toString());
                    }
                }
            }
            account.put("roles", new JsonArray(identity.getRoles().stream().sorted().toList()));
        });
        return account;
    }

    /** The service's part, asked with the caller's own token; a non-200 answer fails it. */
    private Future<JsonObject> fetch(RoutingContext rc, String service) {
        URI origin = config.services().get(service);
        String base = origin.getRawPath() == null ? "" : origin.getRawPath().replaceAll("/$", "");
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setHost(origin.getHost())
                .setPort(origin.getPort() != -1 ? origin.getPort() : "https".equalsIgnoreCase(origin.getScheme()) ? 443 : 80)
                .setSsl("https".equalsIgnoreCase(origin.getScheme()))
                .setURI(base + SERVICE_PATH)
                .setConnectTimeout(config.backend().connectTimeout().toMillis())
                .setIdleTimeout(config.backend().readTimeout().toMillis())
                .putHeader(HttpHeaders.AUTHORIZATION, rc.request().getHeader(HttpHeaders.AUTHORIZATION))
                .putHeader(HttpHeaders.ACCEPT, "application/json")
                .putHeader(CorrelationIdFilter.HEADER, CorrelationIdFilter.of(rc));
        return backends.client().request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().compose(body -> response.statusCode() == 200
                        ? Future.succeededFuture(body.toJsonObject())
                        : Future.failedFuture(response.statusCode() == 401 || response.statusCode() == 403
                                ? new Refused(response.statusCode())
                                : new IllegalStateException("answered " + response.statusCode()))));
    }

    /** The service refused the caller (their token): the caller hears the same. */
    static final class Refused extends RuntimeException {
        final int status;

        Refused(int status) {
            super("refused with " + status, null, false, false);
            this.status = status;
        }
    }
}
