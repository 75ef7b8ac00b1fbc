package org.acceso.gateway.proxy;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import org.acceso.gateway.http.CorrelationIdFilter;
import org.acceso.gateway.http.Problems;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;

/**
 * What the gateway adds to Vert.x' reverse proxy for one exchange. On the way in: the service's
 * path, the correlation id, {@code X-Forwarded-*}, a cap on bodies of unknown length, the read timeout
 * armed once the body has gone. On the way out:
 * no hop-by-hop headers, the gateway's own headers win, {@code Location} points back at the gateway.
 * A service that is down becomes a 503 problem, a silent one a 504, one that broke the connection a 502,
 * each with {@code Retry-After}; while the service's circuit breaker is open the gateway does not call it.
 */
final class ForwardingInterceptor implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(ForwardingInterceptor.class);

    /** RFC 9110 section 7.6.1 and the older names still seen. */
    private static final List<String> HOP_BY_HOP = List.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade");

    private final RoutingContext rc;
    private final ServiceRoute route;
    private final long bodyLimit;
    private final Backends backends;
    private final long retryAfterSeconds;
    private final ResponseTimeout responseTimeout;
    private CappedReadStream cappedBody;

    ForwardingInterceptor(RoutingContext rc, ServiceRoute route, long bodyLimit, Backends backends, long retryAfterSeconds,
                          ResponseTimeout responseTimeout) {
        this.rc = rc;
        this.route = route;
        this.bodyLimit = bodyLimit;
        this.backends = backends;
        this.retryAfterSeconds = retryAfterSeconds;
        this.responseTimeout = responseTimeout;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        HttpServerRequest incoming = request.proxiedRequest();
        request.setURI(route.backendTarget(rc.normalizedPath(), incoming.query()));

        MultiMap headers = request.headers();
        removeHopByHop(headers);
        headers.remove(HttpHeaders.EXPECT);
        headers.set(CorrelationIdFilter.HEADER, CorrelationIdFilter.of(rc));
        // the gateway is the edge: what a caller claims in X-Forwarded-* is replaced, not extended
        headers.set("X-Forwarded-For", incoming.remoteAddress() == null ? "unknown" : incoming.remoteAddress().hostAddress());
        headers.set("X-Forwarded-Proto", incoming.scheme());
        if (incoming.authority() != null) {
            headers.set("X-Forwarded-Host", incoming.authority().toString());
        } else {
            headers.remove("X-Forwarded-Host");
        }
        if (route.isApi()) {
            headers.set("X-Forwarded-Prefix", RouteTable.API_PREFIX);
        } else {
            headers.remove("X-Forwarded-Prefix"); // the front is served at the gateway's root
        }

        if (request.getBody() != null) {
            cappedBody = new CappedReadStream(request.getBody().stream(), bodyLimit, responseTimeout::bodyDone);
            request.setBody(Body.body(cappedBody, request.getBody().length()));
        } else {
            responseTimeout.bodyDone();
        }
        if (HttpHeaders.CONTINUE.toString().equalsIgnoreCase(incoming.getHeader(HttpHeaders.EXPECT))) {
            rc.response().writeContinue(); // the size and the token are fine: let the body come
        }
        return backends.exchange(route.service(), context::sendRequest)
                .recover(failure -> Future.succeededFuture(problem(context, failure)));
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        ProxyResponse response = context.response();
        MultiMap headers = response.headers();
        removeHopByHop(headers);
        // security headers and the request id are set by the gateway; one value each
        rc.response().headers().names().forEach(headers::remove);
        rewrite(headers, HttpHeaders.LOCATION);
        rewrite(headers, HttpHeaders.CONTENT_LOCATION);
        return context.sendResponse();
    }

    private ProxyResponse problem(ProxyContext context, Throwable failed) {
        Throwable failure = failed;
        while (failure instanceof CompletionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        ProxyResponse response = context.request().release().response();
        int status;
        String detail;
        long retryAfter = retryAfterSeconds;
        if (cappedBody != null && cappedBody.exceeded()) {
            status = 413;
            detail = "The request body is larger than the limit of " + bodyLimit + " bytes";
            rc.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        } else if (failure instanceof CircuitBreakerOpenException) {
            status = 503;
            detail = route.service() + " is unavailable";
            retryAfter = backends.openSeconds();
        } else if (isRefused(failure)) {
            status = 503;
            detail = route.service() + " is unavailable";
        } else if (failure instanceof TimeoutException || failure instanceof ConnectTimeoutException) {
            status = 504;
            detail = route.service() + " did not answer in time";
        } else {
            status = 502;
            detail = route.service() + " broke off the exchange";
        }
        if (status != 413) {
            LOG.warnf("%s %s %s: %s (%s)", CorrelationIdFilter.of(rc), rc.request().method(), rc.normalizedPath(),
                    detail, failure.getMessage());
            response.putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        }
        Buffer body = Problems.json(status, detail, rc.normalizedPath(), CorrelationIdFilter.of(rc));
        return response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                .setBody(Body.body(body));
    }

    /** Nobody listens at the service's address, or the address does not resolve: the service is down. */
    private static boolean isRefused(Throwable failure) {
        return failure instanceof ConnectException || failure instanceof UnknownHostException;
    }

    private void rewrite(MultiMap headers, CharSequence name) {
        String value = headers.get(name);
        if (value != null) {
            headers.set(name, route.externalLocation(value));
        }
    }

    /** Drops the hop-by-hop headers, including any that {@code Connection} names. */
    private static void removeHopByHop(MultiMap headers) {
        for (String connection : headers.getAll(HttpHeaders.CONNECTION)) {
            for (String token : connection.split(",")) {
                if (!token.isBlank()) {
                    headers.remove(token.trim());
                }
            }
        }
        HOP_BY_HOP.forEach(headers::remove);
    }
}
