package org.acceso.gateway.proxy;

import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import org.acceso.gateway.config.GatewayConfig;
import org.jboss.logging.Logger;

import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The connections to the services and one circuit breaker per service (SmallRye Fault Tolerance).
 * <p>
 * Connections: one pool of kept-alive connections per service, and for the one retry of an exchange whose pooled
 * connection turned out closed ({@link ForwardingInterceptor}) a connection of its own, opened for it and closed
 * after it. The pool remembers which connections already carried an exchange, so that a broken-off exchange can be
 * told apart: on a reused connection the service may have closed it while it sat in the pool (a keep-alive race);
 * on a connection opened for the exchange the service itself broke it off.
 * <p>
 * The breaker counts only what says the service is down: a refused connection, a timeout, a 5xx answer of its own,
 * an exchange it broke off on a connection opened for it. It does not count a caller that went away
 * ({@link CallerGone}), a pooled connection found closed ({@link StaleConnection}) or a body over the cap; those are
 * successes for it. When half of the last {@code gateway.backend.circuit-breaker.window} exchanges failed it opens:
 * the gateway answers 503 at once, and after {@code delay} lets one exchange through to see whether the service is
 * back. A 5xx of the service's own still reaches the caller as the service sent it.
 */
@ApplicationScoped
public class Backends {

    private static final Logger LOG = Logger.getLogger(Backends.class);
    private static final TypeLiteral<CompletionStage<ProxyResponse>> EXCHANGE = new TypeLiteral<>() {
    };

    /** The caller closed its connection before the service answered: the gateway broke off the exchange for it. */
    static final class CallerGone extends RuntimeException {
        CallerGone(Throwable cause) {
            super("the caller closed its connection", cause, false, false);
        }
    }

    /** A kept-alive connection taken from the pool was closed by the service before the answer (not retried). */
    static final class StaleConnection extends RuntimeException {
        StaleConnection(Throwable cause) {
            super("the pooled connection was closed", cause, false, false);
        }
    }

    /** The service answered with a 5xx of its own: counted against it, then passed on to the caller as it is. */
    static final class ServiceFailed extends RuntimeException {
        private final transient ProxyResponse response;

        ServiceFailed(ProxyResponse response) {
            super("the service answered " + response.getStatusCode(), null, false, false);
            this.response = response;
        }
    }

    private final GatewayConfig.Backend config;
    private final Map<String, TypedGuard<CompletionStage<ProxyResponse>>> guards = new ConcurrentHashMap<>();
    private final HttpClient pooled;
    private final HttpClient fresh;
    /** Connections of the pool that have carried an exchange (weakly held: a closed one goes with the pool's). */
    private final Set<HttpConnection> used = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    public Backends(Vertx vertx, GatewayConfig config) {
        this.config = config.backend();
        int connectTimeout = (int) this.config.connectTimeout().toMillis();
        this.pooled = vertx.createHttpClient(
                new HttpClientOptions().setConnectTimeout(connectTimeout).setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(this.config.maxConnections()));
        this.fresh = vertx.createHttpClient(
                new HttpClientOptions().setConnectTimeout(connectTimeout).setKeepAlive(false),
                new PoolOptions().setHttp1MaxSize(this.config.maxConnections()));
    }

    @PreDestroy
    void close() {
        pooled.close();
        fresh.close();
    }

    /** The pooled client (health checks use it too). */
    public HttpClient client() {
        return pooled;
    }

    /** A request to {@code route}'s service: on a pooled connection, or on one opened for it ({@code fresh}). */
    Future<HttpClientRequest> open(ServiceRoute route, boolean fresh) {
        return (fresh ? this.fresh : pooled).request(new RequestOptions()
                .setHost(route.origin().getHost())
                .setPort(route.port())
                .setSsl(route.isHttps())
                .setConnectTimeout(config.connectTimeout().toMillis()));
    }

    /** Whether {@code request} went out on a connection that already carried an exchange; marks it as used. */
    boolean reused(HttpClientRequest request) {
        HttpConnection connection = request.connection();
        return connection != null && !used.add(connection);
    }

    /**
     * Sends one exchange to {@code service} through its breaker; an open breaker fails it at once. A 5xx answer of
     * the service counts against it and is passed on.
     */
    public Future<ProxyResponse> exchange(String service, Supplier<Future<ProxyResponse>> send) {
        Future<ProxyResponse> guarded;
        try {
            guarded = Future.fromCompletionStage(guard(service).call(() -> send.get()
                    .compose(response -> response.getStatusCode() >= 500
                            ? Future.failedFuture(new ServiceFailed(response)) : Future.succeededFuture(response))
                    .toCompletionStage()));
        } catch (Exception e) {
            guarded = Future.failedFuture(e);
        }
        return guarded.recover(failure -> unwrap(failure) instanceof ServiceFailed failed
                ? Future.succeededFuture(failed.response) : Future.failedFuture(unwrap(failure)));
    }

    /** The breaker's state for {@code service}; CLOSED before its first exchange. */
    public CircuitBreakerState state(String service) {
        return guards.containsKey(service) ? CircuitBreakerMaintenance.get().currentState(breakerName(service))
                : CircuitBreakerState.CLOSED;
    }

    /** Seconds a caller should wait before trying again while the breaker is open. */
    public long openSeconds() {
        return Math.max(1, (config.circuitBreaker().delay().toMillis() + 999) / 1000);
    }

    static Throwable unwrap(Throwable failed) {
        Throwable failure = failed;
        while (failure instanceof CompletionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        return failure;
    }

    private TypedGuard<CompletionStage<ProxyResponse>> guard(String service) {
        return guards.computeIfAbsent(service, name -> {
            GatewayConfig.CircuitBreaker breaker = config.circuitBreaker();
            return TypedGuard.create(EXCHANGE)
                    .withDescription("exchanges with " + name)
                    .withThreadOffload(false)
                    .withCircuitBreaker()
                    .name(breakerName(name))
                    .requestVolumeThreshold(breaker.window())
                    .failureRatio(breaker.failureRatio())
                    .delay(breaker.delay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(1)
                    // the caller's doing, or the pool's: nothing about the service
                    .skipOn(List.of(CappedReadStream.TooLarge.class, CallerGone.class, StaleConnection.class))
                    .onStateChange(state -> LOG.warnf("Circuit breaker of %s is now %s", name, state))
                    .done()
                    .build();
        });
    }

    private static String breakerName(String service) {
        return "gateway-" + service;
    }
}
