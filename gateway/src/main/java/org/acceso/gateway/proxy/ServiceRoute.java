package org.acceso.gateway.proxy;

import org.acceso.gateway.config.GatewayConfig;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * One row of the routing table: requests under {@code prefix} go to {@code service} at {@code origin},
 * with {@code prefix} replaced by {@code backendPrefix}. Public routes let anonymous callers through.
 *
 * @param name          the route's name in the configuration ({@code requests})
 * @param service       the service's name, as said in errors and logs ({@code request-service})
 * @param prefix        the gateway path prefix, without a trailing slash ({@code /api/requests})
 * @param origin        the service's base URL ({@code http://127.0.0.1:8081}, optionally with a base path)
 * @param backendPrefix the prefix the service itself serves ({@code /requests})
 * @param isPublic      whether anonymous callers may use the route
 * @param exact         whether only the prefix itself matches, nothing below it
 * @param rateLimit     the route's own rate limit, if it has one
 */
public record ServiceRoute(String name, String service, String prefix, URI origin, String backendPrefix,
                           boolean isPublic, boolean exact, Optional<GatewayConfig.Limit> rateLimit) {

    /** A route without options of its own: below its prefix, default rate limit. */
    public ServiceRoute(String service, String prefix, URI origin, String backendPrefix, boolean isPublic) {
        this(prefix, service, prefix, origin, backendPrefix, isPublic, false, Optional.empty());
    }

    /** Whether {@code path} is the prefix itself or lies below it ({@code /api/requestsX} does not). */
    public boolean matches(String path) {
        if (exact) {
            return path.equals(prefix);
        }
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }

    /** The request target at the service for a gateway path that {@link #matches} and its raw query. */
    public String backendTarget(String path, String query) {
        String target = backendBase() + path.substring(prefix.length());
        return query == null ? target : target + "?" + query;
    }

    /**
     * Maps a {@code Location} header of the service back onto the gateway, as a reverse proxy must: a
     * URL at the service's origin, or a path under its prefix, becomes a path under the gateway
     * prefix. Anything else (another host, an unrelated path) comes back unchanged.
     */
    public String externalLocation(String location) {
        URI uri;
        try {
            uri = URI.create(location);
        } catch (IllegalArgumentException e) {
            return location;
        }
        if (uri.isAbsolute() && !sameOrigin(uri)) {
            return location;
        }
        if (!uri.isAbsolute() && (uri.getRawAuthority() != null || uri.getRawPath() == null
                || !uri.getRawPath().startsWith("/"))) {
            return location;
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String base = backendBase();
        boolean under = path.startsWith(base) && (path.length() == base.length() || path.charAt(base.length()) == '/');
        if (!under) {
            return location;
        }
        StringBuilder external = new StringBuilder(prefix).append(path, base.length(), path.length());
        if (uri.getRawQuery() != null) {
            external.append('?').append(uri.getRawQuery());
        }
        if (uri.getRawFragment() != null) {
            external.append('#').append(uri.getRawFragment());
        }
        return external.toString();
    }

    public boolean isHttps() {
        return "https".equalsIgnoreCase(origin.getScheme());
    }

    public int port() {
        return origin.getPort() != -1 ? origin.getPort() : isHttps() ? 443 : 80;
    }

    private String backendBase() {
        String basePath = origin.getRawPath() == null ? "" : origin.getRawPath();
        if (basePath.endsWith("/")) {
            basePath = basePath.substring(0, basePath.length() - 1);
        }
        return basePath + backendPrefix;
    }

    private boolean sameOrigin(URI uri) {
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return origin.getScheme().equalsIgnoreCase(uri.getScheme())
                && uri.getHost() != null
                && origin.getHost().toLowerCase(Locale.ROOT).equals(uri.getHost().toLowerCase(Locale.ROOT))
                && port() == port;
    }
}
