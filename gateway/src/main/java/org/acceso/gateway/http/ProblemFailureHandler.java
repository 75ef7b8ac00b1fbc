package org.acceso.gateway.http;

import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletionException;

/**
 * Turns every failed exchange into a problem: an invalid or expired token is a 401, an identity
 * provider that cannot be reached a 503, a refused caller a 403, a client error keeps its status,
 * a path nothing serves is a 404, and anything else is a 500 whose cause only the log sees.
 */
@ApplicationScoped
public class ProblemFailureHandler {

    private static final Logger LOG = Logger.getLogger(ProblemFailureHandler.class);

    void register(@Observes Router router) {
        router.route().failureHandler(this::handle);
        router.errorHandler(404, rc -> Problems.send(rc, 404, null));
    }

    void handle(RoutingContext rc) {
        if (rc.response().ended()) {
            return;
        }
        if (rc.response().headWritten()) {
            rc.response().reset(); // half an answer is gone already; do not pretend otherwise
            return;
        }
        Throwable failure = rootCause(rc.failure());
        int status = rc.statusCode();
        if (failure instanceof AuthenticationFailedException || failure instanceof AuthenticationCompletionException
                || failure instanceof UnauthorizedException) {
            Problems.unauthorized(rc);
        } else if (failure instanceof OIDCException) {
            LOG.warnf("%s %s %s: the token could not be checked: %s", CorrelationIdFilter.of(rc), rc.request().method(),
                    rc.normalizedPath(), failure.getMessage());
            Problems.send(rc, 503, "The token cannot be checked right now");
        } else if (failure instanceof ForbiddenException) {
            Problems.send(rc, 403, "Your role does not allow this action");
        } else if (failure == null && status >= 400) {
            Problems.send(rc, status, null);
        } else {
            LOG.errorf(failure, "%s %s %s failed", CorrelationIdFilter.of(rc), rc.request().method(),
                    rc.normalizedPath());
            Problems.send(rc, 500, "The gateway could not handle the request");
        }
    }

    private static Throwable rootCause(Throwable failure) {
        while (failure instanceof CompletionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }
}
