package org.acceso.gateway.ratelimit;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.acceso.gateway.config.GatewayConfig;
import org.acceso.gateway.http.Callers;
import org.acceso.gateway.http.Problems;
import org.acceso.gateway.proxy.RouteTable;
import org.acceso.gateway.proxy.ServiceRoute;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Rate limits on {@code /api}: per user (the token's {@code sub}) or, without a token, per client address;
 * a route may have a limit of its own instead of the default one; quotas cap one method and path per user
 * over a longer period (filings per day), for the callers of the roles it names (residents). Over a limit: 429 problem with {@code Retry-After} in seconds.
 * A quota counts only what succeeded: a request the service refused (4xx, 5xx) gives its token back, and so does a
 * repeat the service answered from an earlier one ({@code Idempotent-Replayed: true}: a filing retried with its
 * {@code Idempotency-Key} files nothing new).
 * <p>
 * The buckets live in this instance's memory: with several gateway instances each one counts on its own
 * (see the README for why and what that means).
 */
@ApplicationScoped
public class RateLimitFilter {

    /** After the route access check (90), before the body checks (50): a refused caller's body is not read. */
    static final int PRIORITY = 80;

    private static final Logger LOG = Logger.getLogger(RateLimitFilter.class);

    static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

    private final boolean enabled;
    private final RouteTable routes;
    private final Buckets authenticated;
    private final Buckets anonymous;
    private final Map<String, Buckets> perRoute = new HashMap<>();
    private final List<Quota> quotas;

    /** A quota on {@code method path}, counted for callers holding one of {@code roles} (empty: every caller). */
    record Quota(String method, String path, Set<String> roles, Buckets buckets) {

        boolean counts(RoutingContext rc) {
            return method.equals(rc.request().method().name()) && path.equals(rc.normalizedPath())
                    && (roles.isEmpty() || Callers.identity(rc).map(SecurityIdentity::getRoles)
                    .filter(held -> held.stream().anyMatch(roles::contains)).isPresent());
        }
    }

    public RateLimitFilter(GatewayConfig config, RouteTable routes) {
        GatewayConfig.RateLimits limits = config.rateLimits();
        this.enabled = limits.enabled();
        this.routes = routes;
        this.authenticated = new Buckets("authenticated", limits.authenticated().requests(),
                limits.authenticated().period(), false, limits.maxCallers());
        this.anonymous = new Buckets("anonymous", limits.anonymous().requests(), limits.anonymous().period(), false,
                limits.maxCallers());
        for (ServiceRoute route : routes.routes()) {
            route.rateLimit().ifPresent(limit -> perRoute.put(route.name(),
                    new Buckets("route " + route.name(), limit.requests(), limit.period(), false, limits.maxCallers())));
        }
        this.quotas = config.quotas().entrySet().stream()
                .map(entry -> new Quota(entry.getValue().method().toUpperCase(Locale.ROOT), entry.getValue().path(),
                        entry.getValue().roles().orElse(Set.of()), new Buckets("quota " + entry.getKey(), entry.getValue().requests(), entry.getValue().period(), true,
                                limits.maxCallers())))
                .toList();
    }

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext rc) {
        if (!enabled || !RouteTable.isApi(rc)) {
            rc.next();
            return;
        }
        Optional<String> user = Callers.subject(rc);
        String caller = user.map(sub -> "user:" + sub).orElseGet(() -> "address:" + Callers.address(rc));
        Optional<ServiceRoute> route = routes.resolve(rc);
        Buckets limit = route.map(r -> perRoute.get(r.name())).orElse(user.isPresent() ? authenticated : anonymous);
        ConsumptionProbe probe = limit.of(caller).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            refuse(rc, probe, "Too many requests: the limit is " + limit.requests() + " per period; try again later");
            return;
        }
        if (user.isPresent()) {
            for (Quota quota : quotas) {
                if (quota.counts(rc)) {
                    Bucket bucket = quota.buckets().of(caller);
                    ConsumptionProbe counted = bucket.tryConsumeAndReturnRemaining(1);
                    if (!counted.isConsumed()) {
                        refuse(rc, counted, "You have reached the limit of " + quota.buckets().requests()
                                + " for " + quota.method() + " " + quota.path() + " in this period; try again later");
                        return;
                    }
                    rc.addEndHandler(ended -> {
                        if (rc.response().getStatusCode() >= 400 || replayed(rc)) {
                            bucket.addTokens(1); // not done, or done before: not counted
                        }
                    });
                }
            }
        }
        rc.next();
    }

    /** The service answered a repeat of an earlier request (a filing retried with the same Idempotency-Key). */
    private static boolean replayed(RoutingContext rc) {
        return "true".equalsIgnoreCase(rc.response().headers().get(IDEMPOTENT_REPLAYED));
    }

    private static void refuse(RoutingContext rc, ConsumptionProbe probe, String detail) {
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        LOG.debugf("%s %s: rate limited, retry after %d s", rc.request().method(), rc.normalizedPath(), seconds);
        rc.response().putHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        Problems.send(rc, 429, detail);
    }
}
