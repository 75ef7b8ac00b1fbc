package org.acceso.gateway.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.acceso.gateway.config.GatewayConfig;

/**
 * Security headers on every response, errors and health checks included, with the gateway's value
 * winning over a service's: {@code Content-Security-Policy} (frame-ancestors 'none'; the API documentation
 * pages get their own policy, as Swagger UI runs scripts), {@code X-Content-Type-Options},
 * {@code Referrer-Policy}, {@code X-Frame-Options}, and {@code Strict-Transport-Security} only on requests
 * that came over HTTPS (directly, or with {@code X-Forwarded-Proto: https} from a TLS-terminating proxy).
 */
@ApplicationScoped
public class SecurityHeadersFilter {

    /** Before everything else, so that every answer carries them. */
    static final int PRIORITY = 410;

    static final String DOCS_PATH = "/q/swagger-ui";

    private final GatewayConfig.Headers config;
    private final String hsts;

    public SecurityHeadersFilter(GatewayConfig config) {
        this.config = config.headers();
        this.hsts = "max-age=" + this.config.hstsMaxAge().toSeconds() + "; includeSubDomains";
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext rc) {
        boolean docs = rc.normalizedPath().equals(DOCS_PATH) || rc.normalizedPath().startsWith(DOCS_PATH + "/");
        rc.response().headers()
                .set("Content-Security-Policy", docs ? config.docsContentSecurityPolicy() : config.contentSecurityPolicy())
                .set("X-Content-Type-Options", "nosniff")
                .set("Referrer-Policy", "no-referrer")
                .set("X-Frame-Options", "DENY");
        if (overTls(rc)) {
            rc.response().putHeader("Strict-Transport-Security", hsts);
        }
        rc.next();
    }

    private static boolean overTls(RoutingContext rc) {
        return rc.request().isSSL() || "https".equalsIgnoreCase(rc.request().scheme())
                || "https".equalsIgnoreCase(rc.request().getHeader("X-Forwarded-Proto"));
    }
}
