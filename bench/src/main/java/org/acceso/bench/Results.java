package org.acceso.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Everything one run measured, for the report and the charts. */
final class Results {

    static final String HEALTH_DIRECT = "GET /q/health/live, request-service";
    static final String HEALTH_GATEWAY = "GET /q/health/live, gateway";
    static final String FILINGS_DIRECT = "POST /requests, request-service direct";
    static final String FILINGS_GATEWAY = "POST /api/requests, through the gateway";

    /** Filings fully processed (receipt sent, so its clock stored: the receipt waits for the due date). */
    record Pipeline(int concurrency, long accepted, long processed, long clocks, double seconds, double rate,
                    boolean drained) {
    }

    /**
     * Where the CPU went over one gateway level and its drain: each component's CPU time (its processes' user and
     * system time) per filing of the level, in milliseconds, in the order measured; the load generator is this JVM.
     */
    record Cpu(int concurrency, long filings, double wallSeconds, Map<String, Double> msPerFiling) {

        double totalMsPerFiling() {
            return msPerFiling.values().stream().mapToDouble(Double::doubleValue).sum();
        }

        /** How many cores were busy on average: all CPU time over the wall time. */
        double coresBusy() {
            return wallSeconds <= 0 ? 0 : totalMsPerFiling() * filings / 1000.0 / wallSeconds;
        }
    }

    /** What "half the maximum rate" is half of: the best intake (filings accepted) or the best pipeline rate. */
    static final String INTAKE_BASIS = "intake";
    static final String PIPELINE_BASIS = "pipeline";

    /** Filing (POST sent) to receipt e-mail seen at the catcher, at a fixed rate: half the best rate of {@code basis}. */
    record MailLatency(String basis, double rate, long filed, long accepted, long received, Summary latency, double pollMs) {
    }

    /** One fault drill. */
    record Drill(String name, String fault, double rate, long sent, long accepted, long lost, long duplicated,
                 long refused5xx, long connectionErrors, Map<String, Long> otherStatuses, long skipped,
                 long missingClocks, long missingReceipts, long acceptedWithout201, boolean drained,
                 double drainSeconds, double lastReceiptAfterRecovery, String note, List<Sample> samples, long beginEpochMs, long faultFromEpochMs,
                 long faultToEpochMs) {

        String counts() {
            return "lost=" + lost + " duplicated=" + duplicated;
        }
    }

    Settings settings;
    String command;
    String startedAt;
    Machine machine;
    String loadBefore;
    String loadAfter;
    String pgbenchVersion;
    String pgbenchNote;
    long upMillis;
    final Map<Integer, Double> pgbench = new TreeMap<>();
    final List<Load.Level> levels = new ArrayList<>();
    final Map<Integer, Pipeline> pipeline = new TreeMap<>();
    final Map<Integer, Cpu> cpu = new TreeMap<>();
    /** At half the best intake rate (which may be above what the pipeline sustains: receipts then queue). */
    MailLatency mail;
    /** At half the best pipeline rate (filings fully processed per second): below what the system sustains. */
    MailLatency mailBelowPipeline;
    final Map<String, Long> rssKb = new LinkedHashMap<>();
    final Map<String, Double> startSeconds = new LinkedHashMap<>();
    final List<Drill> drills = new ArrayList<>();
    /** What the filings of the load phases left: lost and duplicated over all of them. */
    long loadAccepted;
    long loadLost;
    long loadDuplicated;
    final List<String> notes = new ArrayList<>();

    Optional<Load.Level> level(String target, int concurrency) {
        return levels.stream().filter(l -> l.target().equals(target) && l.concurrency() == concurrency).findFirst();
    }

    double bestPipelineRate() {
        return pipeline.values().stream().mapToDouble(Pipeline::rate).max().orElse(0);
    }

    double bestRate(String target) {
        return levels.stream().filter(l -> l.target().equals(target)).mapToDouble(Load.Level::throughput).max().orElse(0);
    }
}
