package org.acceso.web.api;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import jakarta.enterprise.context.ApplicationScoped;
import org.acceso.web.config.WebConfig;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The jurisdiction policy every page renders its day counts and rules from, read from deadline-service through the
 * gateway and cached: a policy read is served from memory and refreshed in the background once older than
 * {@code web.policy-refresh} (so a profile switched on deadline-service shows within that time), and kept while a
 * refresh fails. A page whose policy has never been read (deadline-service unreachable since this front started) says
 * no number at all rather than a guessed one.
 */
@ApplicationScoped
public class Policies {

    private static final Logger LOG = Logger.getLogger(Policies.class);
    private static final String IN_FORCE = "";

    /** The zone of the policy in force last read: where the jurisdiction's people are. */
    private static volatile ZoneId zone = ZoneOffset.UTC;

    private final LoadingCache<String, Api.Policy> cache;

    public Policies(@RestClient PolicyApi api, WebConfig config) {
        this.cache = Caffeine.newBuilder()
                .maximumSize(32)
                .refreshAfterWrite(config.policyRefresh())
                .build(key -> key.isEmpty() ? remember(api.inForce()) : api.profile(key));
    }

    /**
     * The jurisdiction's zone, in which pages show the API's instants: the policy in force's, as last read (every page
     * reads it before it is drawn); UTC while no policy was ever read.
     */
    public static ZoneId zone() {
        return zone;
    }

    private static Api.Policy remember(Api.Policy inForce) {
        try {
            zone = ZoneId.of(inForce.zone());
        } catch (DateTimeException | NullPointerException e) {
            LOG.warnf("The policy in force names no valid zone (%s): times stay in %s", inForce.zone(), zone);
        }
        return inForce;
    }

    /** The policy new requests start under. */
    public Optional<Api.Policy> inForce() {
        return get(IN_FORCE);
    }

    /** The policy in force if it was read before, without calling the API (for a page drawn on an I/O thread). */
    public Optional<Api.Policy> inForceIfRead() {
        return Optional.ofNullable(cache.getIfPresent(IN_FORCE));
    }

    /** A profile by name (a request's clock keeps the one it started under). */
    public Optional<Api.Policy> profile(String profile) {
        return profile == null || profile.isBlank() ? Optional.empty() : get(profile);
    }

    private Optional<Api.Policy> get(String key) {
        try {
            return Optional.ofNullable(cache.get(key));
        } catch (RuntimeException e) { // ApiProblem, ProcessingException, ...: a page without numbers, never a failed page
            LOG.debugf("Policy %s not known: %s", key.isEmpty() ? "in force" : key, e.getMessage());
            return Optional.empty();
        }
    }
}
