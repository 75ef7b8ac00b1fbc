package org.acceso.gateway.proxy;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.StreamResetException;
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
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * What the gateway adds to Vert.x' reverse proxy for one exchange. On the way in: the service's
 * path, the correlation id, {@code X-Forwarded-*}, a cap on bodies of unknown length, the read timeout
 * armed once the body has gone. On the way out:
 * no hop-by-hop headers, the gateway's own headers win, {@code Location} points back at the gateway.
 * A service that is down becomes a 503 problem, a silent one a 504, one that broke the connection a 502,
 * each with {@code Retry-After}; while the service's circuit breaker is open the gateway does not call it.
 * <p>
 * An exchange that is safe to send twice (an idempotent method, or a {@code POST} carrying an
 * {@code Idempotency-Key}) and whose kept-alive connection from the pool turns out closed before any answer is
 * sent once more, on a connection opened for it; its body (at most {@code gateway.backend.retry-max-body}) is
 * held for that. A caller that goes away before the answer ends the exchange with the service too, and that
 * counts against nobody.
 */
final class ForwardingInterceptor implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(ForwardingInterceptor.class);

    /** RFC 9110 section 7.6.1 and the older names still seen. */
    private static final List<String> HOP_BY_HOP = List.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade");
    /** RFC 9110 section 9.2.2: the same request twice has the effect of once. */
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE, HttpMethod.PUT, HttpMethod.DELETE);
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final RoutingContext rc;
    private final ServiceRoute route;
    private final long bodyLimit;
    private final Backends backends;
    private final long retryAfterSeconds;
    private final ResponseTimeout responseTimeout;
    private final long retryMaxBody;
    private CappedReadStream cappedBody;
    /** Whether the exchange may be sent a second time; its body, if it has one, is then in {@link #heldBody}. */
    private boolean repeatable;
    private Buffer heldBody;
    /** Whether the current attempt uses a connection opened for it, and whether its connection was a reused one. */
    private boolean fresh;
    private boolean reused;

    ForwardingInterceptor(RoutingContext rc, ServiceRoute route, long bodyLimit, Backends backends, long retryAfterSeconds,
                          ResponseTimeout responseTimeout, long retryMaxBody) {
        this.rc = rc;
        this.route = route;
        this.bodyLimit = bodyLimit;
        this.backends = backends;
        this.retryAfterSeconds = retryAfterSeconds;
        this.responseTimeout = responseTimeout;
        this.retryMaxBody = retryMaxBody;
    }

    /** The proxy's origin: a request to the service, on a pooled connection or, for the retry, a new one. */
    Future<HttpClientRequest> open(ProxyContext context) {
        reused = false;
        return backends.open(route, fresh).onSuccess(request -> {
            reused = !fresh && backends.reused(request);
            // failures reach the proxy through the response; this only keeps them out of the error log
            request.exceptionHandler(failure -> LOG.debugf("%s to %s: %s", CorrelationIdFilter.of(rc), route.service(),
                    failure.getMessage()));
            responseTimeout.requestCreated(request);
        });
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

        Body body = request.getBody();
        long length = body == null ? 0 : body.length();
        // Vert.x' proxy gives every request a body; one of unknown length that is not chunked is none
        boolean bodyless = length == 0 || (length < 0 && !incoming.headers().contains(HttpHeaders.TRANSFER_ENCODING));
        repeatable = safeToRepeat(incoming) && (bodyless || (length > 0 && length <= retryMaxBody));
        if (body != null) {
            cappedBody = new CappedReadStream(body.stream(), bodyLimit, responseTimeout::bodyDone);
            request.setBody(Body.body(cappedBody, body.length()));
        } else {
            responseTimeout.bodyDone();
        }
        if (HttpHeaders.CONTINUE.toString().equalsIgnoreCase(incoming.getHeader(HttpHeaders.EXPECT))) {
            rc.response().writeContinue(); // the size and the token are fine: let the body come
        }
        Future<Void> bodyReady = Future.succeededFuture();
        if (repeatable && !bodyless) {
            // a small body of a request that may be sent twice is held, so that a second attempt can send it again
            bodyReady = collect(cappedBody, length).map(whole -> {
                heldBody = whole;
                request.setBody(Body.body(whole));
                return null;
            });
        }
        return bodyReady.compose(ready -> backends.exchange(route.service(), () -> attempt(context)))
                .recover(failure -> Future.succeededFuture(problem(context, failure)));
    }

    /**
     * One attempt, and a second one on a new connection when the first found its pooled connection closed before
     * any answer and the exchange is safe to repeat; failures that say nothing about the service are marked so.
     */
    private Future<ProxyResponse> attempt(ProxyContext context) {
        return context.sendRequest().recover(failed -> {
            Throwable failure = Backends.unwrap(failed);
            if (callerGone(failure)) {
                return Future.failedFuture(new Backends.CallerGone(failure));
            }
            if (cappedBody != null && cappedBody.exceeded()) {
                return Future.failedFuture(new CappedReadStream.TooLarge());
            }
            if (!reused || !brokenOff(failure)) {
                return Future.failedFuture(failure); // refused, timed out, or broken off on a new connection
            }
            if (repeatable && !fresh) {
                LOG.infof("%s %s %s: the pooled connection to %s was closed before any answer (%s); sending it once more"
                        + " on a new connection", CorrelationIdFilter.of(rc), rc.request().method(), rc.normalizedPath(),
                        route.service(), describe(failure));
                fresh = true;
                // the caller's stream was read by the first attempt: the held body, or none
                context.request().setBody(heldBody == null ? null : Body.body(heldBody));
                return attempt(context);
            }
            return Future.failedFuture(new Backends.StaleConnection(failure));
        });
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
        Throwable failure = Backends.unwrap(failed);
        ProxyResponse response = context.request().release().response();
        int status;
        String detail;
        long retryAfter = retryAfterSeconds;
        if (cappedBody != null && cappedBody.exceeded()) {
            status = 413;
            detail = "The request body is larger than the limit of " + bodyLimit + " bytes";
            rc.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        } else if (failure instanceof Backends.CallerGone || callerGone(failure)) {
            // nobody to answer; a caller giving up (its own timeout, a closed tab) is not the service failing
            LOG.infof("%s %s %s: the caller closed its connection before %s answered", CorrelationIdFilter.of(rc),
                    rc.request().method(), rc.normalizedPath(), route.service());
            return response.setStatusCode(499).setBody(null); // "client closed request", for the access log only
        } else if (failure instanceof CircuitBreakerOpenException) {
            status = 503;
            detail = route.service() + " is unavailable";
            retryAfter = backends.openSeconds();
        } else if (isRefused(failure)) {
            status = 503;
            detail = route.service() + " is unavailable";
        } else if (isTimeout(failure)) {
            status = 504;
            detail = route.service() + " did not answer in time";
        } else {
            status = 502;
            detail = route.service() + " broke off the exchange";
        }
        if (status != 413) {
            LOG.warnf("%s %s %s: %s (%s)", CorrelationIdFilter.of(rc), rc.request().method(), rc.normalizedPath(),
                    detail, describe(failure));
            response.putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        }
        Buffer body = Problems.json(status, detail, rc.normalizedPath(), CorrelationIdFilter.of(rc));
        return response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problems.MEDIA_TYPE)
                .setBody(Body.body(body));
    }

    /**
     * The caller's connection is gone: Vert.x' proxy then resets the exchange with the service itself
     * ({@code Stream reset: 0}, with the caller's failure as its cause).
     */
    private boolean callerGone(Throwable failure) {
        return rc.response().closed() || failure instanceof StreamResetException reset && reset.getCause() != null;
    }

    /** An idempotent method, or a {@code POST} whose {@code Idempotency-Key} makes the service answer a repeat with the first answer. */
    private static boolean safeToRepeat(HttpServerRequest incoming) {
        if (IDEMPOTENT.contains(incoming.method())) {
            return true;
        }
        String key = incoming.getHeader(IDEMPOTENCY_KEY);
        return HttpMethod.POST.equals(incoming.method()) && key != null && !key.isBlank();
    }

    /** The whole of a body of known, small length. */
    private static Future<Buffer> collect(CappedReadStream stream, long length) {
        Promise<Buffer> whole = Promise.promise();
        Buffer collected = Buffer.buffer((int) length);
        stream.pause();
        stream.exceptionHandler(whole::tryFail);
        stream.handler(collected::appendBuffer);
        stream.endHandler(end -> whole.tryComplete(collected));
        stream.resume();
        return whole.future();
    }

    /** Nobody listens at the service's address, or the address does not resolve: the service is down. */
    private static boolean isRefused(Throwable failure) {
        return failure instanceof ConnectException || failure instanceof UnknownHostException;
    }

    private static boolean isTimeout(Throwable failure) {
        return failure instanceof TimeoutException || failure instanceof ConnectTimeoutException;
    }

    /** The connection ended before the answer: not refused, not a timeout, not the breaker. */
    private static boolean brokenOff(Throwable failure) {
        return !isRefused(failure) && !isTimeout(failure) && !(failure instanceof CircuitBreakerOpenException);
    }

    /** The failure's message and its causes', for the log (never for a caller). */
    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder(String.valueOf(failure.getMessage()));
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(" <- ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
        }
        return text.toString();
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
