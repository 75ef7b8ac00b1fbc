package org.acceso.gateway.proxy;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.acceso.gateway.config.GatewayConfig;
import org.acceso.gateway.http.BodyPolicyFilter;
import org.acceso.gateway.http.Problems;
import org.acceso.gateway.http.ServiceName;

import java.util.Optional;

/**
 * Mounts {@code /api/**} on the Quarkus router and forwards each request to its service with Vert.x'
 * reverse proxy ({@code vertx-http-proxy}), streaming bodies both ways. By the time a request gets here the
 * filters have checked its path, token, roles, rate and body (see the README's order of checks).
 */
@ApplicationScoped
public class ProxyRoutes {

    private final RouteTable routes;
    private final GatewayConfig config;
    private final BodyPolicyFilter bodies;
    private final Backends backends;
    private final PersonalData personalData;

    public ProxyRoutes(RouteTable routes, GatewayConfig config, BodyPolicyFilter bodies, Backends backends,
                       PersonalData personalData) {
        this.routes = routes;
        this.config = config;
        this.bodies = bodies;
        this.backends = backends;
        this.personalData = personalData;
    }

    void mount(@Observes Router router) {
        router.route(RouteTable.API_PREFIX + "/*").handler(this::forward);
        if (routes.servesPages()) {
            // everything that is neither the API nor the gateway's own /q/** (health, metrics, API docs)
            router.routeWithRegex("^/(?!api(?:/|$)|q(?:/|$)).*").handler(this::forward);
        }
    }

    void forward(RoutingContext rc) {
        String path = rc.normalizedPath();
        Optional<ServiceRoute> match = routes.resolve(rc);
        if (match.isEmpty()) {
            if (!RouteTable.isApi(rc)) {
                rc.next();
                return;
            }
            Problems.send(rc, 404, "No service answers at " + path);
            return;
        }
        ServiceRoute route = match.get();
        ServiceName.set(rc, route.service());
        if (PersonalData.ROUTE.equals(route.name())) {
            personalData.compose(rc); // composed from several services, not forwarded to one
            return;
        }
        long retryAfter = Math.max(1, config.backend().retryAfter().toSeconds());
        ResponseTimeout responseTimeout = new ResponseTimeout(config.backend().readTimeout().toMillis());
        ForwardingInterceptor interceptor = new ForwardingInterceptor(rc, route, bodies.limitOf(rc), backends, retryAfter,
                responseTimeout, config.backend().retryMaxBody().asLongValue());
        // One proxy per exchange (a few small objects) so that the interceptor can hold this RoutingContext.
        // No response cache (the default), and no WebSocket tunnelling: it would bypass the interceptor.
        HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), backends.client())
                .origin(interceptor::open)
                .addInterceptor(interceptor)
                .handle(rc.request());
    }
}
