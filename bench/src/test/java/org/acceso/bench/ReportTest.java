package org.acceso.bench;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTest {

    @Test
    void shouldGivePercentilesInMillisecondsFromMicroseconds() {
        Histogram histogram = Summary.micros();
        for (int ms = 1; ms <= 100; ms++) {
            histogram.recordValue(ms * 1000L);
        }
        Summary summary = Summary.ofMicros(histogram);
        assertThat(summary.count()).isEqualTo(100);
        assertThat(summary.p50()).isBetween(49.9, 50.1);
        assertThat(summary.p95()).isBetween(94.9, 95.1);
        assertThat(summary.p99()).isBetween(98.9, 99.1);
        assertThat(summary.max()).isBetween(99.9, 100.1);
        assertThat(Summary.ofMicros(Summary.micros()).count()).isZero();
    }

    @Test
    void shouldReplaceOnlyTheGeneratedSectionAndAppendItWhenAbsent() {
        String handWritten = "# Benchmarks\n\n## deadline-service at a million clocks\nkept\n";
        String first = Report.replaceSection(handWritten, "figures one");
        assertThat(first).startsWith(handWritten.strip()).contains(Report.BEGIN + "\nfigures one\n" + Report.END);

        String second = Report.replaceSection(first + "\n## after\nalso kept\n", "figures two");
        assertThat(second).contains("kept\n").contains("## after\nalso kept").contains("figures two")
                .doesNotContain("figures one");
        assertThat(second.indexOf(Report.BEGIN)).isEqualTo(second.lastIndexOf(Report.BEGIN));
    }

    @Test
    void shouldJudgeRatiosAgainstTheIssuesTargets() {
        Results results = new Results();
        results.settings = Settings.quickRun();
        results.pgbench.put(8, 1000.0);
        results.levels.add(level(Results.FILINGS_GATEWAY, 8, 300));
        results.levels.add(level(Results.FILINGS_DIRECT, 8, 400));
        results.pipeline.put(8, new Results.Pipeline(8, 100, 100, 100, 10, 100, true));
        results.rssKb.putAll(Map.of("gateway", 300 * 1024L, "request-service", 800 * 1024L));

        List<Report.Check> checks = Report.checks(results);

        assertThat(check(checks, "intake, c=8").met()).isTrue();        // 30% ≥ 25%
        assertThat(check(checks, "intake, c=8").measured()).contains("30.00%");
        assertThat(check(checks, "pipeline, c=8").met()).isFalse();     // 10% < 12.5%
        assertThat(check(checks, "gateway / direct, c=8").met()).isFalse(); // 75% < 85%
        assertThat(check(checks, "intake, c=1").met()).isNull();        // not measured
        assertThat(check(checks, "RSS").met()).isFalse();               // 1,100 MB > 1 GiB
    }

    @Test
    void shouldRenderTheTargetsTheLevelsAndEachDrillWithItsCounts() {
        Results results = new Results();
        results.settings = Settings.quickRun();
        results.command = "bench/run --quick";
        results.startedAt = "2026-11-27 16:31 UTC";
        results.machine = new Machine(2, 24_000, "OpenJDK 17", "Debian 12");
        results.loadBefore = "1.0 / 1.0 / 1.0";
        results.loadAfter = "2.0 / 2.0 / 2.0";
        results.pgbenchVersion = "pgbench 15";
        results.pgbench.put(8, 1000.0);
        results.levels.add(level(Results.FILINGS_GATEWAY, 8, 300));
        results.drills.add(new Results.Drill("kafka", "Kafka broker stopped for 30 s, then started", 10, 600, 590, 0, 1,
                10, 0, Map.of(), 0, 0, 0, 0, true, 12, 4, "", List.of(), 0, 5_000, 40_000));

        String markdown = Report.render(results);

        assertThat(markdown).contains("**A `--quick` run**")
                .contains("| intake, c=8: filings accepted through the gateway / pgbench TPS | 300.0/s / 1000 TPS = 30.00% | ≥ 25% | **met** |")
                .contains("| drill kafka | lost=0 duplicated=1 of 590 accepted | lost=0 duplicated=0 | **not met** |")
                .contains("| kafka | Kafka broker stopped for 30 s, then started | 10.0 | 600 | 590 | **0** | **1** | 10 | 0 | – | 0 | 12 s | 4 s |")
                .contains("![drill kafka](benchmarks/drill-kafka.png)");
    }

    private static Load.Level level(String target, int c, double perSecond) {
        return new Load.Level(target, c, 10, (long) (perSecond * 10), perSecond, Summary.EMPTY, Map.of());
    }

    private static Report.Check check(List<Report.Check> checks, String prefix) {
        return checks.stream().filter(c -> c.target().startsWith(prefix)).findFirst().orElseThrow();
    }

    @Test
    void shouldChargeEachComponentItsCpuPerFilingAndLeaveOutOneThatRestarted() {
        Map<String, Long> before = new java.util.LinkedHashMap<>(Map.of("request-service", 1_000L, "postgres", 500L, "kafka", 9_000L));
        Map<String, Long> after = new java.util.LinkedHashMap<>(Map.of("request-service", 3_000L, "postgres", 1_500L, "kafka", 100L));

        Results.Cpu cpu = Bench.cpu(64, 100, before, after, 10.0);

        assertThat(cpu.msPerFiling()).containsOnly(Map.entry("request-service", 20.0), Map.entry("postgres", 10.0));
        assertThat(cpu.totalMsPerFiling()).isEqualTo(30.0);
        assertThat(cpu.coresBusy()).isEqualTo(0.3); // 3 s of CPU in 10 s
    }

    @Test
    void shouldJudgeTheReceiptLatencyBelowThePipelinesRateAndAtHalfTheIntakeApart() {
        Results results = new Results();
        results.settings = Settings.quickRun();
        results.mailBelowPipeline = new Results.MailLatency(Results.PIPELINE_BASIS, 10, 300, 300, 300, latency(120, 400), 50);
        results.mail = new Results.MailLatency(Results.INTAKE_BASIS, 30, 900, 900, 899, latency(4000, 9000), 1900);

        List<Report.Check> checks = Report.checks(results);

        assertThat(check(checks, "filing → receipt e-mail p50 at half the best pipeline rate").met()).isTrue();   // 120 ms ≤ 150 ms
        assertThat(check(checks, "filing → receipt e-mail p99 at half the best pipeline rate").met()).isTrue();   // 400 ms ≤ 1 s, all seen
        assertThat(check(checks, "filing → receipt e-mail p50 at half the best intake rate").met()).isFalse();
        assertThat(check(checks, "filing → receipt e-mail p99 at half the best intake rate").measured()).contains("899 of 900");
        results.command = "bench/run";
        results.startedAt = "2026-11-27 20:30 UTC";
        results.machine = new Machine(2, 24_000, "OpenJDK 17", "Debian 12");
        results.loadBefore = "1.0 / 1.0 / 1.0";
        results.loadAfter = "2.0 / 2.0 / 2.0";
        assertThat(Report.render(results)).contains("10.0 filings/s (half the best pipeline rate)")
                .contains("30.0 filings/s (half the best intake rate)");
    }

    private static Summary latency(long p50Ms, long maxMs) {
        Histogram histogram = Summary.micros();
        for (int i = 0; i < 60; i++) {
            histogram.recordValue(p50Ms * 1000);
        }
        for (int i = 0; i < 40; i++) {
            histogram.recordValue(maxMs * 1000);
        }
        return Summary.ofMicros(histogram);
    }
}
