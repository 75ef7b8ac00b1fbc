package org.acceso.bench;

import java.time.Duration;
import java.util.List;

/**
 * How long each part of a run lasts: the full run (figures for the report) or {@code --quick} (shorter levels and
 * fewer residents; the report says so). Kafka's and the SMTP catcher's outages last 30 s in both.
 */
record Settings(boolean quick, List<Integer> concurrency, Duration warmup, Duration level, Duration pgbench,
                Duration healthWarmup, Duration health, Duration mailPhase, int residents, Duration drain,
                Duration drillBefore, Duration outage, Duration drillAfter, Duration drillDrain,
                Duration jitWarmup) {

    static final List<Integer> CONCURRENCY = List.of(1, 8, 32, 64);

    static Settings full() {
        return new Settings(false, CONCURRENCY, Duration.ofSeconds(5), Duration.ofSeconds(20), Duration.ofSeconds(10),
                Duration.ofSeconds(2), Duration.ofSeconds(8), Duration.ofSeconds(30), 200, Duration.ofSeconds(120),
                Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(20), Duration.ofSeconds(360),
                Duration.ofSeconds(30));
    }

    static Settings quickRun() {
        return new Settings(true, CONCURRENCY, Duration.ofSeconds(3), Duration.ofSeconds(8), Duration.ofSeconds(5),
                Duration.ofSeconds(1), Duration.ofSeconds(4), Duration.ofSeconds(15), 80, Duration.ofSeconds(90),
                Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(330),
                Duration.ofSeconds(15));
    }

    String describe() {
        return (quick ? "--quick: " : "") + "filings through the gateway at c=8 for " + jitWarmup.toSeconds()
                + " s first, not measured (the JIT compiles the filing path); levels " + warmup.toSeconds() + " s warm-up + " + level.toSeconds()
                + " s measured at concurrency " + concurrency + "; pgbench " + pgbench.toSeconds() + " s per level; "
                + residents + " residents; e-mail latency phase " + mailPhase.toSeconds() + " s; drills: "
                + drillBefore.toSeconds() + " s of load before the fault, outages " + outage.toSeconds() + " s, "
                + drillAfter.toSeconds() + " s of load after recovery, drain at most " + drillDrain.toSeconds() + " s (longer than notification-service's"
                + " 5-minute e-mail lease)";
    }
}
