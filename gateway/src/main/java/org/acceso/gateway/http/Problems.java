package org.acceso.gateway.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Writes RFC 9457 problem details, the gateway's only error format. The shape matches the services'
 * ({@code type}, {@code title}, {@code status}, {@code detail}, {@code instance}); nothing from an
 * exception (message, class name, stack trace) ever goes into one.
 */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private static final String WWW_AUTHENTICATE = "WWW-Authenticate";

    private Problems() {
    }

    /** The problem as JSON; {@code instance} is the gateway path the caller asked for. */
    public static Buffer json(int status, String detail, String instance) {
        return json(status, detail, instance, null);
    }

    /**
     * The problem as JSON, naming the exchange's request id ({@code requestId}, also in the {@code X-Request-Id}
     * header), by which a caller reports it and an operator finds it in the logs.
     */
    public static Buffer json(int status, String detail, String instance, String requestId) {
        JsonObject problem = new JsonObject()
                .put("type", "about:blank")
                .put("title", HttpResponseStatus.valueOf(status).reasonPhrase())
                .put("status", status);
        if (detail != null) {
            problem.put("detail", detail);
        }
        if (instance != null) {
            problem.put("instance", instance);
        }
        if (requestId != null) {
            problem.put("requestId", requestId);
        }
        return problem.toBuffer();
    }

    /** Ends the exchange with a problem, keeping the headers already set (security headers, request id). */
    public static void send(RoutingContext rc, int status, String detail) {
        rc.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE)
                .end(json(status, detail, rc.normalizedPath(), CorrelationIdFilter.of(rc)));
    }

    /** 401 with the bearer challenge. */
    public static void unauthorized(RoutingContext rc) {
        if (!rc.response().headers().contains(WWW_AUTHENTICATE)) {
            rc.response().putHeader(WWW_AUTHENTICATE, "Bearer");
        }
        send(rc, 401, "A valid bearer token is required");
    }
}
