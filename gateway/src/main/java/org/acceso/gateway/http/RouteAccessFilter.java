package org.acceso.gateway.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.acceso.gateway.config.GatewayConfig;
import org.acceso.gateway.proxy.RouteTable;
import org.acceso.gateway.proxy.ServiceRoute;

import java.util.List;
import java.util.Optional;

/**
 * Who may pass an {@code /api} route. quarkus-oidc has already checked any bearer token (signature, issuer,
 * audience, expiry: proactive authentication) and refused a bad one. Here: a caller without a token gets
 * 401 on every route but the public ones (unknown paths included, so that routes cannot be probed), and a
 * token with none of the Acceso roles gets 403. The services check the token again and decide the rest.
 * Done here rather than with {@code quarkus.http.auth.permission.*}, whose denial is an empty 401.
 */
@ApplicationScoped
public class RouteAccessFilter {

    /** After authentication (200) and authorization (100). */
    static final int PRIORITY = 90;

    private final RouteTable routes;
    private final List<String> roles;

    public RouteAccessFilter(RouteTable routes, GatewayConfig config) {
        this.routes = routes;
        this.roles = config.security().roles();
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext rc) {
        if (!RouteTable.isApi(rc)) {
            rc.next();
            return;
        }
        Optional<ServiceRoute> route = routes.resolve(rc);
        if (route.map(ServiceRoute::isPublic).orElse(false)) {
            rc.next();
            return;
        }
        if (Callers.isAnonymous(rc)) {
            Problems.unauthorized(rc);
            return;
        }
        if (route.isPresent() && roles.stream().noneMatch(Callers.identity(rc).orElseThrow()::hasRole)) {
            Problems.send(rc, 403, "Your account has no role in Acceso");
            return;
        }
        rc.next();
    }
}
