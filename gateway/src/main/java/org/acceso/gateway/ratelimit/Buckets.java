package org.acceso.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import java.time.Duration;

/**
 * One limit (so many requests per period) kept per caller: a Bucket4j token bucket per key, held in
 * memory by this gateway instance. A caller unseen for a whole period is forgotten (a full bucket is what
 * they would have anyway), and at most {@code maxCallers} are kept.
 */
final class Buckets {

    private final String name;
    private final long requests;
    private final Duration period;
    private final boolean interval;
    private final Cache<String, Bucket> buckets;

    /**
     * @param interval false: tokens come back one by one over the period (a rate); true: all at once when the
     *                 period is over (a cap per period, such as filings per day)
     */
    Buckets(String name, long requests, Duration period, boolean interval, long maxCallers) {
        if (requests < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("Limit " + name + " needs requests >= 1 and a positive period");
        }
        this.name = name;
        this.requests = requests;
        this.period = period;
        this.interval = interval;
        this.buckets = Caffeine.newBuilder().expireAfterAccess(period).maximumSize(maxCallers).build();
    }

    String name() {
        return name;
    }

    long requests() {
        return requests;
    }

    Bucket of(String caller) {
        return buckets.get(caller, key -> Bucket.builder().addLimit(bandwidth()).build());
    }

    private Bandwidth bandwidth() {
        var capacity = Bandwidth.builder().capacity(requests);
        return (interval ? capacity.refillIntervally(requests, period) : capacity.refillGreedy(requests, period)).build();
    }
}
