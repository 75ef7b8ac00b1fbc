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

    private static Load.Level level(String target, int c, double perSecond) {
        return new Load.Level(target, c, 10, (long) (perSecond * 10), perSecond, Summary.EMPTY, Map.of());
    }

    private static Report.Check check(List<Report.Check> checks, String prefix) {
        return checks.stream().filter(c -> c.target().startsWith(prefix)).findFirst().orElseThrow();
    }
}
