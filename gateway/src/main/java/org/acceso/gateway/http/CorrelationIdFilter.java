package org.acceso.gateway.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.acceso.observability.Correlation;
import org.acceso.observability.HttpCorrelationFilter;
import org.jboss.logging.Logger;

/**
 * The gateway's side of the correlation id. {@link HttpCorrelationFilter} (shared with the services) has
 * already kept the caller's sane {@code X-Request-Id} or made a new one, put it in the MDC and on the
 * response; this filter writes the access log line of each {@code /api} call with it:
 * {@code <id> GET /api/requests/abc -> 200 request-service 12 ms}.
 */
@ApplicationScoped
public class CorrelationIdFilter {

    public static final String HEADER = Correlation.HEADER;

    /** Right after the shared filter. */
    static final int PRIORITY = HttpCorrelationFilter.PRIORITY - 1;

    private static final Logger LOG = Logger.getLogger("org.acceso.gateway.access");

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext rc) {
        if (rc.normalizedPath().startsWith("/api/")) {
            String id = of(rc);
            long start = System.nanoTime();
            rc.addEndHandler(ended -> LOG.infof("%s %s %s -> %d %s %d ms", id, rc.request().method(),
                    rc.normalizedPath(), rc.response().getStatusCode(), ServiceName.of(rc),
                    (System.nanoTime() - start) / 1_000_000));
        }
        rc.next();
    }

    /** The correlation id of this exchange. */
    public static String of(RoutingContext rc) {
        return HttpCorrelationFilter.of(rc);
    }
}
