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
 * bearer token. Routes outside {@code /api} (the web front at {@code /}) serve every other path but the
 * gateway's own {@code /q/**}; they never serve a path under {@code /api}.
 */
@ApplicationScoped
public class RouteTable {

    /** The part of the gateway path that the services do not see: {@code /api/requests} is {@code /requests}. */
    public static final String API_PREFIX = "/api";

    /** The gateway's own paths (health, metrics, API documentation), never routed to a service. */
    public static final String GATEWAY_OWN = "/q";

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
        if (!prefix.startsWith("/") || prefix.equals(API_PREFIX) || isGatewayOwn(prefix)) {
            throw new IllegalStateException("Route " + name + ": prefix " + route.prefix() + " must be under " + API_PREFIX
                    + "/ or outside both " + API_PREFIX + " and " + GATEWAY_OWN);
        }
        boolean api = prefix.startsWith(API_PREFIX + "/");
        return new ServiceRoute(name, api ? route.service() + "-service" : route.service(), prefix, origin,
                withoutTrailingSlash(route.servicePath()), route.open(), route.exact(), route.rateLimit(),
                route.contentSecurityPolicy(), route.referrerPolicy());
    }

    private static String withoutTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** The route of an exchange, looked up once and kept with it. */
    public Optional<ServiceRoute> resolve(RoutingContext rc) {
        Optional<ServiceRoute> route = rc.get(KEY);
        if (route == null) {
            String path = rc.normalizedPath();
            route = path.startsWith(API_PREFIX + "/") ? match(path)
                    : isApi(rc) || isGatewayOwn(path) ? Optional.empty()
                    : routes.stream().filter(r -> !r.isApi() && r.matches(path)).findFirst();
            rc.put(KEY, route);
        }
        return route;
    }

    /** Whether an exchange is under {@code /api}. */
    public static boolean isApi(RoutingContext rc) {
        String path = rc.normalizedPath();
        return path.equals(API_PREFIX) || path.startsWith(API_PREFIX + "/");
    }

    /** Whether a path is one of the gateway's own ({@code /q} or below). */
    public static boolean isGatewayOwn(String path) {
        return path.equals(GATEWAY_OWN) || path.startsWith(GATEWAY_OWN + "/");
    }

    /** The API route of a path under {@code /api}. */
    public Optional<ServiceRoute> match(String path) {
        return routes.stream().filter(route -> route.isApi() && route.matches(path)).findFirst();
    }

    /** Whether some route serves paths outside {@code /api} (the web front). */
    public boolean servesPages() {
        return routes.stream().anyMatch(route -> !route.isApi());
    }

    public List<ServiceRoute> routes() {
        return routes;
    }
}
