package org.acceso.deadline.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code deadline.*}: which policy profile is in force (the profiles themselves are data, {@code /policies/*.properties}),
 * and how the sweeps, recomputations and calendar queries run.
 */
@ConfigMapping(prefix = "deadline")
public interface DeadlineConfig {

    Policy policy();

    Sweep sweep();

    Recompute recompute();

    Calendar calendar();

    interface Policy {
        /** The profile new clocks start under ({@code /policies/<profile>.properties}); running clocks keep theirs. */
        @WithDefault("ar-rosario")
        String profile();
    }

    interface Sweep {
        /** How often each instance sweeps (read by the {@code @Scheduled} expression), e.g. {@code 1m}, {@code 2s}. */
        @WithDefault("1m")
        String every();

        /** How long after start the first sweep waits. */
        @WithDefault("5s")
        String delay();

        /** Whether this instance sweeps (every instance may: clocks are claimed with FOR UPDATE SKIP LOCKED). */
        @WithDefault("true")
        boolean enabled();

        /** Clocks claimed per transaction. */
        @WithDefault("500")
        int batchSize();

        /** Batches per sweep run at most (the next run goes on). */
        @WithDefault("200")
        int maxBatches();
    }

    interface Recompute {
        /** How often pending calendar changes are looked for (they also start right after the change commits). */
        @WithDefault("10s")
        String every();

        /** Clocks planned again per transaction after a calendar change (set-based: one lock and one update statement each). */
        @WithDefault("5000")
        int batchSize();

        /** Workers sharing one change's clocks (split by request id; each its own connection and transactions). */
        @WithDefault("2")
        int workers();
    }

    interface Calendar {
        /** The longest range {@code /calendars/{j}/days} answers, in days. */
        @WithDefault("366")
        int maxDays();
    }
}
