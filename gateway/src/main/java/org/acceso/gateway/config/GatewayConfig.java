package org.acceso.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The gateway's whole behaviour as configuration: which service answers which path, which caller may
 * come in, how much each caller may send and how often. A new service or path is one entry under
 * {@code gateway.routes}. Keys already in {@code application.properties} can be set from the environment
 * ({@code gateway.services.request} is {@code GATEWAY_SERVICES_REQUEST}).
 */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Base URL of each service by key (scheme, host, port, optional base path); the key names it in errors as {@code <key>-service}. */
    Map<String, URI> services();

    /** Path prefix → service, by route name. */
    Map<String, Route> routes();

    /** How the gateway talks to the services. */
    Backend backend();

    /** Request bodies: size cap and accepted media types by path pattern. */
    Map<String, BodyRule> bodies();

    /** Requests per caller and period. */
    RateLimits rateLimits();

    /** Stricter caps on one method and path per user, such as filings per day. */
    Map<String, Quota> quotas();

    /** What a token must carry on the routes that need one. */
    Security security();

    /** Response headers and request header limits. */
    Headers headers();

    interface Route {
        /** The gateway path prefix, without a trailing slash ({@code /api/requests}). */
        String prefix();

        /** The key of the service under {@code gateway.services}. */
        String service();

        /** The path the service serves for this prefix ({@code /requests}). */
        String servicePath();

        /** Whether callers without a token may use the route. */
        @WithName("public")
        @WithDefault("false")
        boolean open();

        /** Whether only the prefix itself is routed, nothing below it. */
        @WithDefault("false")
        boolean exact();

        /** A limit of this route's own, instead of the default one shared by all routes. */
        Optional<Limit> rateLimit();

        /**
         * The Content-Security-Policy of this route's answers, instead of {@code gateway.headers.content-security-policy}
         * (the web front's pages load the front's own styles, scripts and images and post its forms).
         */
        Optional<String> contentSecurityPolicy();

        /**
         * The Referrer-Policy of this route's answers, instead of {@code no-referrer}: a page whose forms post to its
         * own origin needs {@code same-origin}, or the browser sends {@code Origin: null} and CORS refuses the post.
         */
        Optional<String> referrerPolicy();
    }

    interface Backend {
        /** Longest wait for a connection to a service; past it the caller gets a 504. */
        Duration connectTimeout();

        /** Longest silence from a service while the gateway waits for its answer; past it, a 504. */
        Duration readTimeout();

        /** Most open connections to one service. */
        int maxConnections();

        /** The {@code Retry-After} sent with a 503 or 504 while no better figure is known. */
        @WithDefault("5s")
        Duration retryAfter();

        /**
         * The largest body the gateway holds so that an exchange safe to repeat can be sent once more when its pooled
         * connection turns out closed; an exchange with a larger body (or one of unknown length) streams through and is
         * not sent again.
         */
        @WithDefault("64K")
        @WithConverter(MemorySizeConverter.class)
        MemorySize retryMaxBody();

        CircuitBreaker circuitBreaker();
    }

    /** Per service: after enough failed exchanges the gateway stops calling it for a while. */
    interface CircuitBreaker {
        /** How many of the last exchanges are looked at. */
        @WithDefault("10")
        int window();

        /**
         * The share of failures in that window that opens the breaker: connections refused, timeouts, 5xx answers of the
         * service's own, exchanges it broke off on a connection opened for them. A caller going away or a pooled
         * connection found closed is not a failure of the service.
         */
        @WithDefault("0.5")
        double failureRatio();

        /** How long an open breaker answers 503 at once before letting one exchange through to try. */
        @WithDefault("5s")
        Duration delay();
    }

    interface BodyRule {
        /** Path patterns ({@code *} is one segment, {@code **} any rest); the most literal matching pattern wins. */
        List<String> paths();

        /** The largest body accepted (413 above it). */
        @WithConverter(MemorySizeConverter.class)
        MemorySize maxSize();

        /** Media types a body may have (415 otherwise); none listed means any. */
        Optional<List<String>> mediaTypes();
    }

    interface RateLimits {
        @WithDefault("true")
        boolean enabled();

        /** Per user ({@code sub} of the token), over all routes without a limit of their own. */
        Limit authenticated();

        /** Per client IP address, for calls without a token. */
        Limit anonymous();

        /** How many callers' buckets one instance keeps at most (least recently seen go first). */
        @WithDefault("100000")
        long maxCallers();
    }

    interface Limit {
        /** Requests allowed per period (and the largest burst). */
        long requests();

        Duration period();
    }

    interface Quota {
        /** The HTTP method counted ({@code POST}). */
        String method();

        /** The exact gateway path counted ({@code /api/requests}). */
        String path();

        long requests();

        Duration period();

        /**
         * Only callers holding one of these roles are counted ({@code resident}: a resident's filings; clerks who
         * register the requests the office receives on paper are not capped); unset, every caller is.
         */
        Optional<Set<String>> roles();
    }

    interface Security {
        /** A token must carry at least one of these roles on routes that need a token (403 otherwise). */
        List<String> roles();
    }

    interface Headers {
        /** Content-Security-Policy of every response but the API documentation pages. */
        String contentSecurityPolicy();

        /** Content-Security-Policy of the Swagger UI pages ({@code /q/swagger-ui}), which run their own scripts. */
        String docsContentSecurityPolicy();

        /** Strict-Transport-Security max-age, sent only on requests that came over HTTPS. */
        @WithDefault("365d")
        Duration hstsMaxAge();

        /** The largest total size of a request's header lines (431 above it). */
        @WithConverter(MemorySizeConverter.class)
        MemorySize maxRequestHeaderSize();
    }
}
