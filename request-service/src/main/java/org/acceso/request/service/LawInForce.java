package org.acceso.request.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.acceso.contracts.PolicyInForce;
import org.acceso.request.domain.JurisdictionPolicy;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * What this service takes from the jurisdiction policy in force, whose one source is deadline-service (PolicyInForce on
 * policy-events, kept in table {@code policy_in_force}): how many extensions the law allows, and the zone whose
 * calendar year numbers the requests and in which times are shown. Read through a short cache (every instance follows
 * the row within {@link #FRESH}).
 * <p>
 * Before the first announcement ever arrives (a new installation whose deadline-service has not started yet, or Kafka
 * down since the first start) the service does not guess the law: an extension is refused with 503
 * ({@link NotKnownYet}, Retry-After) and nothing is stored. Filing still works: tracking-number years and shown times
 * use UTC until then (only a filing in the last hours of 31 December could get the next year's number).
 */
@ApplicationScoped
public class LawInForce {

    private static final Logger LOG = Logger.getLogger(LawInForce.class);
    static final Duration FRESH = Duration.ofSeconds(5);

    /** The facts of the policy in force this service uses. */
    public record Known(ZoneId zone, int maxExtensions) {
        static Known of(JurisdictionPolicy policy) {
            return new Known(policy.zone(), policy.maxExtensions());
        }
    }

    private record Cached(Optional<Known> policy, long readAt) {
    }

    private volatile Cached cached;

    /** The policy in force, if deadline-service has announced one. */
    public Optional<Known> known() {
        Cached now = cached;
        if (now == null || System.nanoTime() - now.readAt() > FRESH.toNanos()) {
            Optional<Known> read = QuarkusTransaction.joiningExisting().call(() -> JurisdictionPolicy.inForce().map(Known::of));
            now = new Cached(read, System.nanoTime());
            cached = now;
        }
        return now.policy();
    }

    /** How many extensions the law in force allows; {@link NotKnownYet} before deadline-service announced it. */
    public int maxExtensions() {
        return known().orElseThrow(NotKnownYet::new).maxExtensions();
    }

    /** The jurisdiction's zone; UTC before deadline-service announced its policy. */
    public ZoneId zone() {
        return known().map(Known::zone).orElse(ZoneOffset.UTC);
    }

    /** Keeps an announcement (the caller's transaction) and, when it changed the policy, uses it here at once. */
    public void follow(PolicyInForce announced) {
        if (JurisdictionPolicy.follow(announced)) {
            LOG.infof("Policy in force: %s (%s), %d extension(s) allowed, zone %s", announced.profile(), announced.law(),
                    announced.maxExtensions(), announced.zone());
            cached = null;
        }
    }

    /** The policy in force has not been announced yet: a rule of the law cannot be applied now. */
    public static final class NotKnownYet extends RuntimeException {
        public NotKnownYet() {
            super("The jurisdiction policy in force is not known yet (deadline-service announces it when it starts); "
                    + "try again shortly");
        }
    }
}
