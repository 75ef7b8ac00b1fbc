package org.acceso.gateway.proxy;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.acceso.gateway.config.GatewayConfig;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's routes, read from {@code gateway.routes}. The longest matching prefix wins; everything
 * under {@code /api} that no route matches is a 404, and every route but the public ones needs a valid
 * bearer token.
 */
@ApplicationScoped
public class RouteTable {

    /** The part of the gateway path that the services do not see: {@code /api/requests} is {@code /requests}. */
    public static final String API_PREFIX = "/api";

    private static final String KEY = RouteTable.class.getName();

    private final List<ServiceRoute> routes;

    @Inject
    public RouteTable(GatewayConfig config) {
        this(config.services(), config.routes());
    }

    RouteTable(Map<String, URI> services, Map<String, GatewayConfig.Route> routes) {
        this.routes = of(services, routes);
    }

    static List<ServiceRoute> of(Map<String, URI> services, Map<String, GatewayConfig.Route> routes) {
        return routes.entrySet().stream()
                .map(entry -> route(entry.getKey(), entry.getValue(), services))
                .sorted(Comparator.comparing((ServiceRoute route) -> route.prefix().length()).reversed()
                        .thenComparing(ServiceRoute::name))
                .toList();
    }

    private static ServiceRoute route(String name, GatewayConfig.Route route, Map<String, URI> services) {
        URI origin = services.get(route.service());
        if (origin == null) {
            throw new IllegalStateException("Route " + name + " names service " + route.service()
                    + " but gateway.services." + route.service() + " is not set");
        }
        String prefix = withoutTrailingSlash(route.prefix());
        if (!prefix.startsWith(API_PREFIX + "/")) {
            throw new IllegalStateException("Route " + name + ": prefix " + route.prefix() + " is not under " + API_PREFIX);
        }
        return new ServiceRoute(name, route.service() + "-service", prefix, origin,
                withoutTrailingSlash(route.servicePath()), route.open(), route.exact(), route.rateLimit());
    }

    private static String withoutTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** The route of an exchange, looked up once and kept with it. */
    public Optional<ServiceRoute> resolve(RoutingContext rc) {
        Optional<ServiceRoute> route = rc.get(KEY);
        if (route == null) {
            route = rc.normalizedPath().startsWith(API_PREFIX + "/") ? match(rc.normalizedPath()) : Optional.empty();
            rc.put(KEY, route);
        }
        return route;
    }

    /** Whether an exchange is under {@code /api}. */
    public static boolean isApi(RoutingContext rc) {
        String path = rc.normalizedPath();
        return path.equals(API_PREFIX) || path.startsWith(API_PREFIX + "/");
    }

    public Optional<ServiceRoute> match(String path) {
        return routes.stream().filter(route -> route.matches(path)).findFirst();
    }

    public List<ServiceRoute> routes() {
        return routes;
    }
}
