package org.acceso.gateway.proxy;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.acceso.gateway.config.GatewayConfig;
import org.acceso.gateway.http.BodySizeFilter;
import org.acceso.gateway.http.CorrelationIdFilter;
import org.acceso.gateway.http.Problems;
import org.acceso.gateway.http.ServiceName;
import org.jboss.logging.Logger;

import java.util.Optional;

/**
 * Mounts {@code /api/**} on the Quarkus router and forwards each request to its service with Vert.x'
 * reverse proxy ({@code vertx-http-proxy}), streaming bodies both ways.
 * <p>
 * quarkus-oidc has already checked any bearer token (proactive authentication): a bad one never gets
 * here. This handler refuses anonymous callers on every route but the public one, so that each 401 is
 * a problem document rather than the empty challenge an HTTP permission would send.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);

    private final Vertx vertx;
    private final RouteTable routes;
    private final GatewayConfig config;
    private final BodySizeFilter bodySize;
    private HttpClient client;

    public ProxyRoutes(Vertx vertx, RouteTable routes, GatewayConfig config, BodySizeFilter bodySize) {
        this.vertx = vertx;
        this.routes = routes;
        this.config = config;
        this.bodySize = bodySize;
    }

    void mount(@Observes Router router) {
        GatewayConfig.Backend backend = config.backend();
        client = vertx.createHttpClient(
                new HttpClientOptions()
                        .setConnectTimeout((int) backend.connectTimeout().toMillis())
                        .setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(backend.maxConnections()));
        router.route(RouteTable.API_PREFIX + "/*").handler(this::forward);
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.close();
        }
    }

    void forward(RoutingContext rc) {
        String path = rc.normalizedPath();
        Optional<ServiceRoute> match = routes.match(path);
        if (match.map(route -> !route.isPublic()).orElse(true) && isAnonymous(rc)) {
            Problems.unauthorized(rc);
            return;
        }
        if (match.isEmpty()) {
            Problems.send(rc, 404, "No service answers at " + path);
            return;
        }
        ServiceRoute route = match.get();
        ServiceName.set(rc, route.service());
        // One proxy per exchange (a few small objects) so that the interceptor can hold this RoutingContext.
        // No response cache (the default), and no WebSocket tunnelling: it would bypass the interceptor.
        HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), client)
                .origin(proxy -> proxy.client().request(originOf(route))
                        // failures reach the proxy through the response; this only keeps them out of the error log
                        .onSuccess(request -> request.exceptionHandler(failure -> LOG.debugf("%s to %s: %s",
                                CorrelationIdFilter.of(rc), route.service(), failure.getMessage()))))
                .addInterceptor(new ForwardingInterceptor(rc, route, bodySize.limit()))
                .handle(rc.request());
    }

    private RequestOptions originOf(ServiceRoute route) {
        GatewayConfig.Backend backend = config.backend();
        return new RequestOptions()
                .setHost(route.origin().getHost())
                .setPort(route.port())
                .setSsl(route.isHttps())
                .setConnectTimeout(backend.connectTimeout().toMillis())
                .setIdleTimeout(backend.readTimeout().toMillis());
    }

    private static boolean isAnonymous(RoutingContext rc) {
        return !(rc.user() instanceof QuarkusHttpUser user) || user.getSecurityIdentity().isAnonymous();
    }
}
