package org.acceso.gateway.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a declared body over {@code quarkus.http.limits.max-body-size} with a 413 problem, before
 * Quarkus' own check (which answers the same status with an empty body) and without reading it.
 * Bodies of unknown length are capped while they stream to the service (see the proxy).
 */
@ApplicationScoped
public class BodySizeFilter {

    /** Below authorization (100), above Quarkus' upload limit route (order -2). */
    static final int PRIORITY = 50;

    private final long limit;

    public BodySizeFilter(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
                          MemorySize limit) {
        this.limit = limit.asLongValue();
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext rc) {
        String declared = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && tooLarge(declared)) {
            refuse(rc, limit);
            return;
        }
        rc.next();
    }

    /** Answers 413 and closes the connection afterwards, as the rest of the body is not wanted. */
    public static void refuse(RoutingContext rc, long limit) {
        if (rc.request().version() != HttpVersion.HTTP_2) {
            rc.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
            rc.addEndHandler(ended -> rc.request().connection().close());
        }
        Problems.send(rc, 413, "The request body is larger than the limit of " + limit + " bytes");
    }

    public long limit() {
        return limit;
    }

    private boolean tooLarge(String declared) {
        try {
            return Long.parseLong(declared.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // the HTTP codec has already refused a malformed Content-Length
        }
    }
}
