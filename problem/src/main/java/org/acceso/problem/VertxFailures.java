package org.acceso.problem;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.acceso.observability.Correlation;
import org.acceso.observability.HttpCorrelationFilter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * The same last resort as {@link ProblemMappers#unexpected} for what fails outside the REST endpoints (an HTTP filter,
 * a management route): a problem document instead of the framework's default error page, with the request id.
 */
@ApplicationScoped
public class VertxFailures {

    private static final Logger LOG = Logger.getLogger(VertxFailures.class);

    @ConfigProperty(name = "acceso.problem.retry-after", defaultValue = "5s")
    Duration retryAfter;

    void register(@Observes Router router) {
        router.route().failureHandler(this::handle);
    }

    void handle(RoutingContext rc) {
        if (rc.response().ended()) {
            return;
        }
        if (rc.response().headWritten()) {
            rc.response().reset(); // half an answer is gone already
            return;
        }
        String requestId = HttpCorrelationFilter.of(rc);
        if (requestId == null) {
            requestId = Correlation.current().orElse(null);
        }
        Throwable failure = rc.failure();
        Problem problem;
        if (failure == null && rc.statusCode() >= 400 && rc.statusCode() < 500) {
            problem = Problem.of(rc.statusCode(), HttpResponseStatus.valueOf(rc.statusCode()).reasonPhrase(), null,
                    rc.normalizedPath());
        } else if (failure != null && Unavailable.databaseUnreachable(failure)) {
            LOG.warnf("%s %s: the database cannot be reached (%s)", requestId, rc.normalizedPath(), failure.toString());
            problem = ProblemMappers.unavailable(rc.normalizedPath(), requestId);
            rc.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
        } else {
            LOG.errorf(failure, "%s %s %s failed", requestId, rc.request().method(), rc.normalizedPath());
            problem = ProblemMappers.internal(rc.normalizedPath(), requestId);
        }
        rc.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(Json.encodeToBuffer(problem));
    }
}
