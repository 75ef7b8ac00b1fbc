package org.acceso.gateway.proxy;

import jakarta.enterprise.context.ApplicationScoped;
import org.acceso.gateway.config.GatewayConfig;

import java.util.List;
import java.util.Optional;

/**
 * The gateway's routes, in one place. Everything under {@code /api} that no route matches is a 404,
 * and every route but the public one needs a valid bearer token.
 */
@ApplicationScoped
public class RouteTable {

    /** The part of the gateway path that the services do not see: {@code /api/requests} is {@code /requests}. */
    public static final String API_PREFIX = "/api";

    private final List<ServiceRoute> routes;

    public RouteTable(GatewayConfig config) {
        this.routes = of(config.services());
    }

    static List<ServiceRoute> of(GatewayConfig.Services services) {
        return List.of(
                // the public register and open data; reserved, served by request-service under /public
                new ServiceRoute("request-service", "/api/public", services.request(), "/public", true),
                new ServiceRoute("request-service", "/api/requests", services.request(), "/requests", false),
                new ServiceRoute("deadline-service", "/api/deadlines", services.deadline(), "/deadlines", false),
                new ServiceRoute("deadline-service", "/api/calendars", services.deadline(), "/calendars", false),
                new ServiceRoute("deadline-service", "/api/compliance", services.deadline(), "/compliance", false),
                new ServiceRoute("notification-service", "/api/notifications", services.notification(),
                        "/notifications", false));
    }

    public Optional<ServiceRoute> match(String path) {
        return routes.stream().filter(route -> route.matches(path)).findFirst();
    }

    public List<ServiceRoute> routes() {
        return routes;
    }
}
