package org.acceso.observability;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Gives every HTTP exchange its correlation id before anything else runs: the caller's
 * {@code X-Request-Id} when it is sane (the gateway always sends one), else a new UUID. The id goes into
 * the MDC of the exchange (Quarkus keeps the MDC per Vert.x context, so the REST method, the outbox and
 * every log line of the request see it) and back on the response.
 */
@ApplicationScoped
public class HttpCorrelationFilter {

    /** Above authentication (200) and CORS (300), so that even a 401 carries the id. */
    public static final int PRIORITY = 400;

    private static final String KEY = HttpCorrelationFilter.class.getName();

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext rc) {
        String id = Correlation.acceptOrCreate(rc.request().getHeader(Correlation.HEADER));
        rc.put(KEY, id);
        Correlation.enter(id);
        rc.response().putHeader(Correlation.HEADER, id);
        rc.next();
    }

    /** The correlation id of an exchange. */
    public static String of(RoutingContext rc) {
        return rc.get(KEY);
    }
}
