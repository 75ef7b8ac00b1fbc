package org.acceso.gateway.health;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.Wellness;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import org.acceso.gateway.config.GatewayConfig;
import org.acceso.gateway.proxy.Backends;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The gateway's upstreams in {@code /q/health} (and {@code /q/health/well}): each service's readiness
 * ({@code GET /q/health/ready}, answered within {@code gateway.backend.connect-timeout}) and the state of its
 * circuit breaker. DOWN when any service is not ready. Deliberately not a readiness check: a gateway whose
 * request-service is down still serves the other routes (and a clear 503 on that one), so it must stay in
 * the load balancer.
 */
@Wellness
@ApplicationScoped
public class UpstreamsHealthCheck implements AsyncHealthCheck {

    private final Backends backends;
    private final Map<String, URI> services;
    private final Duration timeout;

    public UpstreamsHealthCheck(Backends backends, GatewayConfig config) {
        this.backends = backends;
        this.services = new TreeMap<>(config.services());
        this.timeout = config.backend().connectTimeout();
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Future<String[]>> probes = new ArrayList<>();
        services.forEach((key, url) -> probes.add(probe(key + "-service", url)));
        return Uni.createFrom().completionStage(Future.join(probes).toCompletionStage()
                .handle((all, failure) -> {
                    HealthCheckResponseBuilder response = HealthCheckResponse.named("upstreams").up();
                    for (Future<String[]> probe : probes) {
                        String[] result = probe.result();
                        response.withData(result[0], result[1]);
                        if (!result[1].startsWith("UP")) {
                            response.down();
                        }
                    }
                    return response.build();
                }));
    }

    private Future<String[]> probe(String service, URI url) {
        String base = url.getRawPath() == null ? "" : url.getRawPath().replaceAll("/$", "");
        String breaker = "circuit breaker " + backends.state(service);
        return backends.client()
                .request(new RequestOptions()
                        .setMethod(HttpMethod.GET)
                        .setHost(url.getHost())
                        .setPort(url.getPort() != -1 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80)
                        .setSsl("https".equalsIgnoreCase(url.getScheme()))
                        .setURI(base + "/q/health/ready")
                        .setConnectTimeout(timeout.toMillis())
                        .setIdleTimeout(timeout.toMillis()))
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> response.statusCode()))
                .map(status -> new String[] {service, (status == 200 ? "UP" : "DOWN (" + status + ")") + ", " + breaker})
                .otherwise(failure -> new String[] {service, "DOWN (unreachable), " + breaker});
    }
}
