package org.acceso.gateway.config;

import io.smallrye.config.ConfigMapping;

import java.net.URI;
import java.time.Duration;

/**
 * Where the gateway sends each path prefix, and how long it waits. Every key can be set from the
 * environment: {@code gateway.services.request} is {@code GATEWAY_SERVICES_REQUEST}, and so on.
 */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Base URL of each service (scheme, host, port and an optional base path). */
    Services services();

    /** How the gateway talks to the services. */
    Backend backend();

    interface Services {
        /** request-service, behind {@code /api/requests/**} and {@code /api/public/**}. */
        URI request();

        /** deadline-service, behind {@code /api/deadlines/**}. */
        URI deadline();

        /** notification-service, behind {@code /api/notifications/**}. */
        URI notification();
    }

    interface Backend {
        /** Longest wait for a connection to a service; past it the caller gets a 504. */
        Duration connectTimeout();

        /** Longest silence from a service while the gateway waits for its answer; past it, a 504. */
        Duration readTimeout();

        /** Most open connections to one service. */
        int maxConnections();
    }
}
