package org.acceso.gateway.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request a correlation id before anything else runs: the caller's {@code X-Request-Id}
 * when it is sane (at most 128 of {@code [A-Za-z0-9._-]}), else a new UUID. The id goes back on the
 * response, on to the service, and into the access log line of each {@code /api} call.
 */
@ApplicationScoped
public class CorrelationIdFilter {

    public static final String HEADER = "X-Request-Id";

    /** Above authentication (200) and CORS (300), so that even a 401 carries the id. */
    static final int PRIORITY = 400;

    private static final String KEY = CorrelationIdFilter.class.getName();
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final Logger LOG = Logger.getLogger("org.acceso.gateway.access");

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext rc) {
        String id = accept(rc.request().getHeader(HEADER));
        rc.put(KEY, id);
        rc.response().putHeader(HEADER, id);
        if (rc.normalizedPath().startsWith("/api/")) {
            long start = System.nanoTime();
            rc.addEndHandler(ended -> LOG.infof("%s %s %s -> %d %s %d ms", id, rc.request().method(),
                    rc.normalizedPath(), rc.response().getStatusCode(), ServiceName.of(rc),
                    (System.nanoTime() - start) / 1_000_000));
        }
        rc.next();
    }

    /** The correlation id of this exchange. */
    public static String of(RoutingContext rc) {
        return rc.get(KEY);
    }

    static String accept(String offered) {
        return offered != null && SANE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }
}
