package org.acceso.gateway.proxy;

import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.util.TypeLiteral;
import org.acceso.gateway.config.GatewayConfig;
import org.jboss.logging.Logger;

import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The connections to the services and one circuit breaker per service (SmallRye Fault Tolerance). When
 * too many exchanges with a service fail (refused, reset, timed out) its breaker opens: the gateway answers
 * 503 at once instead of hammering it, and after {@code gateway.backend.circuit-breaker.delay} lets one
 * exchange through to see whether it is back. Answers of the service, errors included, are successes.
 */
@ApplicationScoped
public class Backends {

    private static final Logger LOG = Logger.getLogger(Backends.class);
    private static final TypeLiteral<CompletionStage<ProxyResponse>> EXCHANGE = new TypeLiteral<>() {
    };

    private final GatewayConfig.Backend config;
    private final Map<String, TypedGuard<CompletionStage<ProxyResponse>>> guards = new ConcurrentHashMap<>();
    private final HttpClient client;

    public Backends(Vertx vertx, GatewayConfig config) {
        this.config = config.backend();
        this.client = vertx.createHttpClient(
                new HttpClientOptions()
                        .setConnectTimeout((int) this.config.connectTimeout().toMillis())
                        .setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(this.config.maxConnections()));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    public HttpClient client() {
        return client;
    }

    /** Sends one exchange to {@code service} through its breaker; an open breaker fails it at once. */
    public Future<ProxyResponse> exchange(String service, Supplier<Future<ProxyResponse>> send) {
        try {
            return Future.fromCompletionStage(guard(service).call(() -> send.get().toCompletionStage()));
        } catch (Exception e) {
            return Future.failedFuture(e);
        }
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
                    .skipOn(CappedReadStream.TooLarge.class) // the caller's fault, not the service's
                    .onStateChange(state -> LOG.warnf("Circuit breaker of %s is now %s", name, state))
                    .done()
                    .build();
        });
    }

    private static String breakerName(String service) {
        return "gateway-" + service;
    }
}
