package org.acceso.gateway.http;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.acceso.gateway.config.GatewayConfig;

import java.util.Locale;
import java.util.Map;

/**
 * Refuses, before any token is checked, requests that no honest client sends and that could make the
 * gateway and a service see different paths:
 * <ul>
 *   <li>a path with a dot segment ({@code /./}, {@code /../}, also percent-encoded as {@code %2e}), an
 *       encoded slash or backslash ({@code %2f}, {@code %5c}), a backslash, an empty segment ({@code //}),
 *       an encoded NUL or a control character: 400;</li>
 *   <li>header lines longer in total than {@code gateway.headers.max-request-header-size}: 431.</li>
 * </ul>
 * The gateway forwards exactly the path it routed on, so a service never resolves a path to something the
 * gateway did not authorise; refusing these paths outright also keeps a service's own decoding out of it.
 */
@ApplicationScoped
public class RequestGuardFilter {

    /** After the correlation id and security headers, before authentication (200). */
    static final int PRIORITY = 350;

    private final long maxHeaderSize;

    public RequestGuardFilter(GatewayConfig config) {
        this.maxHeaderSize = config.headers().maxRequestHeaderSize().asLongValue();
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext rc) {
        if (headerSize(rc) > maxHeaderSize) {
            if (rc.request().version() != HttpVersion.HTTP_2) {
                rc.response().putHeader("Connection", "close");
            }
            Problems.send(rc, 431, "The request headers are larger than the limit of " + maxHeaderSize + " bytes");
            return;
        }
        if (!isAcceptable(rc.request().path())) {
            Problems.send(rc, 400, "The request path is not acceptable: no dot segments, encoded slashes, "
                    + "backslashes, empty segments or control characters");
            return;
        }
        rc.next();
    }

    private static long headerSize(RoutingContext rc) {
        long size = 0;
        for (Map.Entry<String, String> header : rc.request().headers()) {
            size += header.getKey().length() + header.getValue().length() + 4; // ": " and CRLF
        }
        return size;
    }

    /** Whether a raw request path (as sent, before any decoding) is free of the tricks above. */
    static boolean isAcceptable(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return false;
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00") || lower.contains("%2e")
                || lower.contains("%25") || lower.indexOf('\\') >= 0) {
            return false;
        }
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        String[] segments = lower.substring(1).split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.equals(".") || segment.equals("..") || segment.isEmpty() && !last) {
                return false;
            }
        }
        return true;
    }
}
