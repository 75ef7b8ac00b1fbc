package org.acceso.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.acceso.launcher.Component;
import org.acceso.launcher.Infrastructure;
import org.acceso.launcher.Service;
import org.acceso.launcher.ServiceBuild;
import org.acceso.launcher.Stack;
import org.acceso.launcher.StackSpec;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The benchmark and fault-drill harness (issue 11): starts a throw-away stack through the launcher (free ports, data
 * under {@code bench/target/run/}, every JVM with the full JIT), measures, drills, writes the report, stops the stack.
 *
 * <pre>
 * bench/run [--quick] [--no-drills]          everything: baselines, load, e-mail latency, every drill, the report
 * bench/run drill kafka|request-service|…|all [--quick] [--rate N]
 * </pre>
 */
public final class Bench {

    static final List<String> DRILLS = List.of("kafka", "request-service", "deadline-service", "notification-service",
            "gateway", "postgres", "smtp");
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String LOAD_GENERATOR = "load generator";
    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");
    /** The services the figures are about (the web front is not started: no filing goes through it). */
    static final List<Service> FOUR = List.of(Service.REQUEST, Service.DEADLINE, Service.NOTIFICATION, Service.GATEWAY);

    /** A filing that got its 201. */
    record Filing(String requestId, String trackingNumber, String email, long sentNanos, long sentEpochMs) {
    }

    private final Settings settings;
    private final Path projectDir;
    private final Stack stack;
    private final Results results = new Results();
    private final HttpClient http = Load.client();
    private final Databases databases;
    private final Mail mail;
    private List<Keycloak.Resident> residents = List.of();

    private Bench(Settings settings, Path projectDir, Stack stack) {
        this.settings = settings;
        this.projectDir = projectDir;
        this.stack = stack;
        this.databases = new Databases(stack.layout());
        this.mail = new Mail(stack.mail());
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        List<String> rest = new ArrayList<>(List.of(args));
        boolean quick = rest.remove("--quick");
        boolean noDrills = rest.remove("--no-drills");
        double rate = 0;
        int rateAt = rest.indexOf("--rate");
        if (rateAt >= 0 && rateAt + 1 < rest.size()) {
            rate = Double.parseDouble(rest.remove(rateAt + 1));
            rest.remove(rateAt);
        }
        String mode = rest.isEmpty() ? "run" : rest.remove(0);
        List<String> drills = new ArrayList<>();
        if (mode.equals("drill")) {
            if (rest.isEmpty()) {
                usage("drill needs a name");
            }
            for (String name : rest) {
                if (name.equals("all")) {
                    drills.addAll(DRILLS);
                } else if (DRILLS.contains(name)) {
                    drills.add(name);
                } else {
                    usage("unknown drill " + name);
                }
            }
        } else if (mode.equals("run") && rest.isEmpty()) {
            if (!noDrills) {
                drills.addAll(DRILLS);
            }
        } else {
            usage("unknown arguments " + rest);
        }
        Settings settings = quick ? Settings.quickRun() : Settings.full();
        Path projectDir = Path.of(System.getProperty("acceso.project-dir", ".")).toAbsolutePath().normalize();
        Path work = projectDir.resolve("bench/target/run");
        Path distDir = Path.of(System.getProperty("bench.dist-dir",
                Path.of(System.getProperty("user.home"), ".cache/acceso/system-tests").toString()));
        StackSpec spec = StackSpec.throwAway(projectDir, work.resolve("stack"), work.resolve("logs"), distDir)
                .withFullJit()
                // many filings per resident and minute: the quota and the rate limit stay on (their checks are part of
                // every call) but do not refuse the benchmark's filings
                .withServiceEnvironment(Service.GATEWAY, Map.of("GATEWAY_QUOTAS_FILINGS_REQUESTS", "100000000",
                        "GATEWAY_RATE_LIMITS_AUTHENTICATED_REQUESTS", "100000000"));
        try {
            deleteTree(work);
        } catch (IOException e) {
            System.err.println("[bench] cannot clean " + work + ": " + e.getMessage());
            System.exit(1);
        }
        Stack stack = Stack.of(spec, line -> say("launcher: " + line));
        AtomicBoolean stopped = new AtomicBoolean();
        Runnable down = () -> {
            if (stopped.compareAndSet(false, true)) {
                say("stopping the stack");
                stack.down();
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(down, "bench-shutdown"));
        int exit = 0;
        Bench bench = new Bench(settings, projectDir, stack);
        bench.results.settings = settings;
        bench.results.command = "bench/run " + String.join(" ", args);
        try {
            if (mode.equals("run")) {
                bench.run(drills);
            } else {
                bench.drillsOnly(drills, rate);
            }
        } catch (Exception e) {
            e.printStackTrace();
            exit = 1;
        } finally {
            down.run();
        }
        System.exit(exit);
    }

    private static void usage(String problem) {
        System.err.println("[bench] " + problem + "\nusage: bench/run [--quick] [--no-drills]\n"
                + "       bench/run drill " + String.join("|", DRILLS) + "|all [--quick] [--rate filings-per-second]");
        System.exit(2);
    }

    static void say(String line) {
        System.out.println("[bench] " + line);
        System.out.flush();
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void run(List<String> drills) throws Exception {
        results.startedAt = ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"));
        results.machine = Machine.here();
        results.loadBefore = Machine.loadAverage();
        say("machine: " + results.machine + ", load average " + results.loadBefore);
        say(settings.describe());
        start();
        pgbench();
        health();
        filings();
        results.mailBelowPipeline = mailLatency(Results.PIPELINE_BASIS, results.bestPipelineRate());
        results.mail = mailLatency(Results.INTAKE_BASIS, results.bestRate(Results.FILINGS_GATEWAY));
        afterLoad();
        double rate = drillRate(0);
        for (String drill : drills) {
            try {
                results.drills.add(drill(drill, rate));
            } catch (RuntimeException e) {
                say("WARNING: drill " + drill + " failed: " + e);
                results.notes.add("Drill " + drill + " did not complete: " + e.getMessage());
            }
        }
        results.loadAfter = Machine.loadAverage();
        Path doc = projectDir.resolve("docs/benchmarks.md");
        Path charts = projectDir.resolve("docs/benchmarks");
        Charts.write(results, charts);
        Report.write(results, doc);
        say("report written to " + doc + " and " + charts);
        printSummary();
    }

    private void drillsOnly(List<String> drills, double rate) throws Exception {
        results.machine = Machine.here();
        results.loadBefore = Machine.loadAverage();
        start();
        double perSecond = drillRate(rate);
        for (String drill : drills) {
            Results.Drill result = drill(drill, perSecond);
            results.drills.add(result);
            Charts.drill(result, projectDir.resolve("bench/target/run/drill-" + drill + ".png"));
        }
        say("drills (" + settings.describe() + "):");
        results.drills.forEach(d -> System.out.println("drill " + d.name() + ": " + d.counts() + " (accepted " + d.accepted()
                + ", refused 5xx " + d.refused5xx() + ", connection errors " + d.connectionErrors() + ")"));
        say("charts in bench/target/run/; the report in docs/benchmarks.md is written by the full run (bench/run)");
    }

    private void start() {
        List<Component> wanted = new ArrayList<>(List.of(Infrastructure.values()));
        wanted.addAll(FOUR);
        ServiceBuild build = null;
        if (!ServiceBuild.jarsPresent(stack.spec())) {
            build = ServiceBuild.start(stack.spec());
            say("building the services (log " + build.log() + ")");
        }
        long begin = System.nanoTime();
        stack.up(wanted, build);
        results.upMillis = (System.nanoTime() - begin) / 1_000_000;
        say("stack up in " + results.upMillis + " ms (full JIT), gateway " + stack.layout().gatewayUrl());
        for (Service service : FOUR) {
            Matcher started = STARTED_IN.matcher(stack.tail(service, 400));
            double seconds = Double.NaN;
            while (started.find()) {
                seconds = Double.parseDouble(started.group(1));
            }
            results.startSeconds.put(service.id(), seconds);
        }
        say("started in (from the logs): " + results.startSeconds);
        Keycloak keycloak = new Keycloak(stack.layout().keycloakUrl());
        keycloak.setAccessTokenLifespan(Duration.ofHours(3));
        long tokensFrom = System.nanoTime();
        residents = keycloak.residents(settings.residents(), Long.toString(System.currentTimeMillis() % 100000, 36));
        say(residents.size() + " residents created with the role resident, tokens fetched in "
                + (System.nanoTime() - tokensFrom) / 1_000_000 + " ms");
    }

    private void pgbench() throws Exception {
        results.pgbenchVersion = PgBench.version();
        var missing = PgBench.missing();
        if (missing.isPresent()) {
            results.pgbenchNote = missing.get();
            say("WARNING: " + missing.get());
            return;
        }
        PgBench pgbench = new PgBench(stack.layout(), databases, projectDir.resolve("bench/target/run"));
        results.pgbench.putAll(pgbench.run(settings.concurrency(), settings.pgbench()));
        say("pgbench one-row insert TPS: " + results.pgbench);
    }

    private void health() {
        for (Service service : List.of(Service.REQUEST, Service.GATEWAY)) {
            String target = service == Service.GATEWAY ? Results.HEALTH_GATEWAY : Results.HEALTH_DIRECT;
            URI uri = URI.create(stack.layout().url(service) + "/q/health/live");
            for (int c : settings.concurrency()) {
                Load.Level level = Load.closed(target, http, n -> HttpRequest.newBuilder(uri).timeout(Load.TIMEOUT).GET()
                        .build(), c, settings.healthWarmup(), settings.health(), sample -> { });
                results.levels.add(level);
                say(describe(level));
            }
        }
    }

    /** Filings at each concurrency: request-service directly, then through the gateway; the pipeline drains between. */
    private void filings() {
        say("warming up the filing path: c=8 through the gateway for " + settings.jitWarmup().toSeconds() + " s");
        ConcurrentLinkedQueue<Filing> warm = new ConcurrentLinkedQueue<>();
        Load.closed("warm-up", http, filing(true), 8, Duration.ZERO, settings.jitWarmup(),
                sample -> accepted(sample).ifPresent(warm::add));
        drain(8, List.copyOf(warm), System.currentTimeMillis(), settings.drain());
        verifyAndPurge(List.copyOf(warm));
        for (int c : settings.concurrency()) {
            for (boolean gateway : List.of(false, true)) {
                String target = gateway ? Results.FILINGS_GATEWAY : Results.FILINGS_DIRECT;
                ConcurrentLinkedQueue<Filing> accepted = new ConcurrentLinkedQueue<>();
                Map<String, Long> cpuBefore = cpuMillis();
                long begin = System.currentTimeMillis();
                Load.Level level = Load.closed(target, http, filing(gateway), c, settings.warmup(), settings.level(),
                        sample -> accepted(sample).ifPresent(accepted::add));
                results.levels.add(level);
                say(describe(level));
                Results.Pipeline pipeline = drain(c, List.copyOf(accepted), begin, settings.drain());
                if (gateway) {
                    results.pipeline.put(c, pipeline);
                    Results.Cpu cpu = cpu(c, accepted.size(), cpuBefore, cpuMillis(), (System.currentTimeMillis() - begin) / 1000.0);
                    results.cpu.put(c, cpu);
                    say("  CPU per filing: " + cpu.msPerFiling().entrySet().stream().map(e -> e.getKey() + " "
                            + String.format("%.1f", e.getValue()) + " ms").toList() + String.format(", %.2f cores busy",
                            cpu.coresBusy()));
                }
                say("  pipeline: " + pipeline.processed() + " of " + pipeline.accepted() + " receipts sent (clocks "
                        + pipeline.clocks() + ") in " + String.format("%.1f", pipeline.seconds()) + " s = "
                        + String.format("%.1f", pipeline.rate()) + " filings/s fully processed"
                        + (pipeline.drained() ? "" : " (NOT drained in " + settings.drain().toSeconds() + " s)"));
                verifyAndPurge(List.copyOf(accepted));
            }
        }
    }

    /** CPU time used so far by each running component of the stack and by this JVM (the load generator), in ms. */
    private Map<String, Long> cpuMillis() {
        Map<String, Long> used = new LinkedHashMap<>();
        stack.cpuTime().forEach((component, time) -> used.put(component.id(), time.toMillis()));
        used.put(LOAD_GENERATOR, ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(0L));
        return used;
    }

    /** Each component's CPU per filing between two snapshots; a component that restarted meanwhile is left out. */
    static Results.Cpu cpu(int concurrency, long filings, Map<String, Long> before, Map<String, Long> after, double wallSeconds) {
        Map<String, Double> perFiling = new LinkedHashMap<>();
        after.forEach((component, millis) -> {
            Long from = before.get(component);
            if (from != null && millis >= from && filings > 0) {
                perFiling.put(component, (millis - from) / (double) filings);
            }
        });
        return new Results.Cpu(concurrency, filings, wallSeconds, perFiling);
    }

    /** Waits (bounded) until every filing has its clock and its receipt is marked sent; the pipeline's figures. */
    private Results.Pipeline drain(int concurrency, List<Filing> filings, long beginEpochMs, Duration atMost) {
        List<String> ids = filings.stream().map(Filing::requestId).toList();
        long deadline = System.nanoTime() + atMost.toNanos();
        Databases.Sent sent;
        int clocks;
        while (true) {
            sent = databases.receiptsSent(ids);
            clocks = databases.clocks(ids).size();
            if ((sent.count() >= ids.size() && clocks >= ids.size()) || System.nanoTime() > deadline) {
                break;
            }
            sleep(Duration.ofMillis(500));
        }
        boolean drained = sent.count() >= ids.size() && clocks >= ids.size();
        double seconds = sent.count() == 0 ? 0 : (sent.lastSentEpochMs() - beginEpochMs) / 1000.0;
        return new Results.Pipeline(concurrency, ids.size(), sent.count(), clocks, seconds,
                seconds > 0 ? sent.count() / seconds : 0, drained);
    }

    /** Checks the catcher's receipts and the clocks of a load's filings, adds them to the run's counts, empties the catcher. */
    private void verifyAndPurge(List<Filing> filings) {
        sleep(Duration.ofSeconds(1)); // an SMTP delivery marked sent a moment ago is in the catcher by now
        Map<String, Integer> receipts = mail.countByTrackingNumber(emails());
        Map<String, Integer> clocks = databases.clocks(filings.stream().map(Filing::requestId).toList());
        long lost = filings.stream().filter(f -> clocks.getOrDefault(f.requestId(), 0) == 0
                || receipts.getOrDefault(f.trackingNumber(), 0) == 0).count();
        long duplicated = filings.stream().filter(f -> receipts.getOrDefault(f.trackingNumber(), 0) > 1
                || clocks.getOrDefault(f.requestId(), 0) > 1).count();
        results.loadAccepted += filings.size();
        results.loadLost += lost;
        results.loadDuplicated += duplicated;
        if (lost > 0 || duplicated > 0) {
            say("  WARNING: of " + filings.size() + " filings " + lost + " lack a clock or a receipt, " + duplicated
                    + " have more than one receipt");
        }
        mail.purge();
    }

    /** Filing → receipt e-mail at half of {@code best} (the best intake or the best pipeline rate), an open loop. */
    private Results.MailLatency mailLatency(String basis, double best) {
        double rate = Math.max(0.5, best / 2);
        mail.purge();
        ConcurrentLinkedQueue<Filing> accepted = new ConcurrentLinkedQueue<>();
        say("filing -> receipt e-mail latency at " + String.format("%.1f", rate) + " filings/s (half of the best "
                + basis + " rate, " + String.format("%.1f", best) + "/s) for " + settings.mailPhase().toSeconds() + " s");
        Results.MailLatency measured;
        try (ReceiptWatcher watcher = new ReceiptWatcher(mail)) {
            Load.Open open = Load.open(http, filing(true), rate, settings.mailPhase(), 64, sample -> accepted(sample)
                    .ifPresent(filing -> {
                        accepted.add(filing);
                        watcher.expect(filing);
                    }));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (watcher.pending() > 0 && System.nanoTime() < deadline) {
                sleep(Duration.ofMillis(100));
            }
            measured = new Results.MailLatency(basis, rate, open.samples().size() + open.skipped(), accepted.size(),
                    watcher.received(), watcher.latency(), watcher.meanCycleMillis());
            say("  " + accepted.size() + " filed, " + watcher.received() + " receipts seen: " + fmt(watcher.latency())
                    + " (the catcher polled every " + String.format("%.0f", watcher.meanCycleMillis()) + " ms per mailbox)");
        }
        drain(0, List.copyOf(accepted), System.currentTimeMillis(), settings.drain());
        verifyAndPurge(List.copyOf(accepted));
        return measured;
    }

    private void afterLoad() {
        for (Stack.Status status : stack.status()) {
            if (status.component() instanceof Service service && FOUR.contains(service)) {
                results.rssKb.put(service.id(), status.rssKb());
            }
        }
        say("RSS after the load: " + results.rssKb.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() / 1024
                + " MB").toList());
        say("load phases: " + results.loadAccepted + " filings accepted, lost=" + results.loadLost + " duplicated="
                + results.loadDuplicated);
    }

    private double drillRate(double asked) {
        if (asked > 0) {
            return asked;
        }
        double best = results.bestRate(Results.FILINGS_GATEWAY);
        return best > 0 ? Math.min(20, Math.max(2, best / 2)) : 5;
    }

    // ---------------------------------------------------------------------------------------------------------------

    private Results.Drill drill(String name, double rate) {
        say("drill " + name + ": steady load of " + String.format("%.1f", rate) + " filings/s through the gateway");
        mail.purge();
        ConcurrentLinkedQueue<Filing> accepted = new ConcurrentLinkedQueue<>();
        AtomicBoolean loading = new AtomicBoolean(true);
        long begin = System.currentTimeMillis();
        Load.Open[] open = new Load.Open[1];
        Thread load = new Thread(() -> open[0] = Load.open(http, filing(true), rate, loading::get, 64,
                sample -> accepted(sample).ifPresent(accepted::add)), "bench-drill-load");
        load.start();
        sleep(settings.drillBefore());
        long faultFrom = System.currentTimeMillis();
        String fault;
        Map<String, Integer> beforeOutage = Map.of();
        long catcherStoppedAt = 0;
        long snapshotAt = 0;
        String note = "";
        try {
            switch (name) {
                case "kafka" -> {
                    fault = "Kafka broker stopped for " + settings.outage().toSeconds() + " s, then started";
                    stack.stop(List.of(Infrastructure.KAFKA));
                    sleep(settings.outage());
                    upAgain(Infrastructure.KAFKA);
                }
                case "smtp" -> {
                    fault = "SMTP catcher (GreenMail) stopped for " + settings.outage().toSeconds() + " s, then started";
                    // GreenMail keeps messages in memory: count what it holds just before it goes down
                    snapshotAt = System.currentTimeMillis();
                    beforeOutage = mail.countByTrackingNumberInParallel(emails(), 8);
                    stack.stop(List.of(Infrastructure.MAIL));
                    catcherStoppedAt = System.currentTimeMillis();
                    sleep(settings.outage());
                    upAgain(Infrastructure.MAIL);
                }
                case "postgres" -> {
                    fault = "PostgreSQL restarted (fast shutdown, start, ready)";
                    restart(Infrastructure.POSTGRES);
                }
                default -> {
                    Service service = (Service) Component.byId(name);
                    fault = name + " killed with kill -9, then restarted";
                    stack.kill(service);
                    restart(service);
                }
            }
        } catch (RuntimeException e) {
            fault = "FAILED: " + e.getMessage();
            note = "the fault could not be applied or recovered: " + e.getMessage();
            say("  WARNING: " + note);
            for (Component component : Component.all()) {
                if (component != Service.WEB && stack.state(component) != Stack.State.RUNNING) {
                    try {
                        restart(component);
                    } catch (RuntimeException again) {
                        say("  could not restart " + component.id() + ": " + again.getMessage());
                    }
                }
            }
        }
        long faultTo = System.currentTimeMillis();
        say("  fault: " + fault + " (" + (faultTo - faultFrom) / 1000.0 + " s)");
        sleep(settings.drillAfter());
        loading.set(false);
        join(load);
        long loadEnd = System.currentTimeMillis();
        List<Filing> filings = List.copyOf(accepted);
        List<String> ids = filings.stream().map(Filing::requestId).toList();
        long drainFrom = System.nanoTime();
        Results.Pipeline drained = drain(0, filings, begin, settings.drillDrain());
        double drainSeconds = (System.nanoTime() - drainFrom) / 1e9;
        Databases.Sent sentAll = databases.receiptsSent(ids);
        double lastAfterRecovery = sentAll.count() == 0 ? Double.NaN : (sentAll.lastSentEpochMs() - faultTo) / 1000.0;
        sleep(Duration.ofSeconds(5)); // a late duplicate would show by now
        Map<String, Integer> receipts = new java.util.HashMap<>(mail.countByTrackingNumber(emails()));
        beforeOutage.forEach((tn, count) -> receipts.merge(tn, count, Integer::sum));
        Map<String, Integer> clocks = databases.clocks(ids);
        long missingClocks = filings.stream().filter(f -> clocks.getOrDefault(f.requestId(), 0) == 0).count();
        List<Filing> withoutReceipt = filings.stream().filter(f -> receipts.getOrDefault(f.trackingNumber(), 0) == 0).toList();
        if (name.equals("smtp") && !withoutReceipt.isEmpty()) {
            // sent between the snapshot and the stop: delivered to a catcher that then forgot it (not Acceso's loss)
            Map<String, Long> sentAt = databases.receiptSentAt(withoutReceipt.stream().map(Filing::requestId).toList());
            long snapshot = snapshotAt;
            long stoppedAt = catcherStoppedAt;
            List<Filing> inGap = withoutReceipt.stream().filter(f -> {
                Long at = sentAt.get(f.requestId());
                return at != null && at >= snapshot - 1000 && at <= stoppedAt;
            }).toList();
            if (!inGap.isEmpty()) {
                note = inGap.size() + " receipt(s) marked sent between the catcher's snapshot and its stop ("
                        + (stoppedAt - snapshot) + " ms): delivered to GreenMail, which keeps mail in memory only; not "
                        + "counted as lost";
                withoutReceipt = withoutReceipt.stream().filter(f -> !inGap.contains(f)).toList();
            }
        }
        List<Filing> missingReceipt = withoutReceipt;
        long lost = filings.stream().filter(f -> clocks.getOrDefault(f.requestId(), 0) == 0 || missingReceipt.contains(f))
                .count();
        long duplicated = filings.stream().filter(f -> receipts.getOrDefault(f.trackingNumber(), 0) > 1
                || clocks.getOrDefault(f.requestId(), 0) > 1).count();
        List<Sample> samples = open[0] == null ? List.of() : open[0].samples();
        long refused = samples.stream().filter(s -> s.status() >= 500).count();
        long connection = samples.stream().filter(s -> !s.answered()).count();
        Map<String, Long> other = new java.util.TreeMap<>();
        samples.stream().filter(s -> s.answered() && s.status() != 201 && s.status() < 500)
                .forEach(s -> other.merge(String.valueOf(s.status()), 1L, Long::sum));
        long clocksInWindow = databases.clocksCreatedBetween(begin - 1000, loadEnd + 1000);
        long without201 = Math.max(0, clocksInWindow - clocks.size());
        mail.purge();
        Results.Drill drill = new Results.Drill(name, fault, rate, samples.size(), filings.size(), lost, duplicated,
                refused, connection, other, open[0] == null ? 0 : open[0].skipped(), missingClocks, missingReceipt.size(),
                without201, drained.drained(), drainSeconds, lastAfterRecovery, note, samples, begin, faultFrom, faultTo);
        System.out.println("drill " + name + ": " + drill.counts() + " (accepted " + filings.size() + ", refused 5xx "
                + refused + ", connection errors " + connection + ", other " + other + ", stored without a 201 "
                + without201 + ", missing clocks " + missingClocks + ", missing receipts " + missingReceipt.size()
                + ", drained " + (drained.drained() ? "in " + String.format("%.0f", drainSeconds) + " s" : "NO")
                + ", last receipt sent " + String.format("%.0f", lastAfterRecovery) + " s after recovery)"
                + (note.isEmpty() ? "" : "; " + note));
        return drill;
    }

    /**
     * Restarts a component; right after a {@code kill -9} its port can be reported busy for a moment (the launcher
     * checks ports before a start), so a start refused for a busy port is tried again, at most 10 times, 1 s apart.
     */
    private void restart(Component component) {
        stack.stop(List.of(component));
        upAgain(component);
    }

    private void upAgain(Component component) {
        for (int attempt = 1; ; attempt++) {
            try {
                stack.up(List.of(component), null);
                if (attempt > 1) {
                    results.notes.add("After its stop or kill, " + component.id() + "'s port was still reported busy "
                            + "by the launcher's port check; its start succeeded at attempt " + attempt + " (1 s apart).");
                }
                return;
            } catch (RuntimeException e) {
                if (attempt >= 10 || e.getMessage() == null || !e.getMessage().contains("already in use")) {
                    throw e;
                }
                say("  " + component.id() + "'s port is still busy (attempt " + attempt + "), trying again in 1 s");
                sleep(Duration.ofSeconds(1));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** A filing request as the n-th call: residents in turn, each with its own token. */
    private LongFunction<HttpRequest> filing(boolean throughGateway) {
        String url = throughGateway ? stack.layout().gatewayUrl() + "/api/requests"
                : stack.layout().url(Service.REQUEST) + "/requests";
        URI uri = URI.create(url);
        return n -> {
            Keycloak.Resident resident = residents.get((int) (n % residents.size()));
            String body = "{\"subject\":\"Bench filing " + n + "\",\"description\":\"Copies of the contracts for the "
                    + "resurfacing of the streets of the north district, 2025 (benchmark filing " + n + ").\","
                    + "\"language\":\"es\"}";
            return HttpRequest.newBuilder(uri).timeout(Load.TIMEOUT).header("Authorization", "Bearer " + resident.token())
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        };
    }

    /** The filing a 201 stands for. */
    private java.util.Optional<Filing> accepted(Sample sample) {
        if (sample.status() != 201 || sample.body() == null) {
            return java.util.Optional.empty();
        }
        try {
            JsonNode body = JSON.readTree(sample.body());
            return java.util.Optional.of(new Filing(body.get("id").asText(), body.get("trackingNumber").asText(),
                    residents.get((int) (sample.n() % residents.size())).email(), sample.sentNanos(), sample.sentEpochMs()));
        } catch (IOException | NullPointerException e) {
            say("WARNING: a 201 without id and tracking number: " + sample.body());
            return java.util.Optional.empty();
        }
    }

    private Collection<String> emails() {
        return residents.stream().map(Keycloak.Resident::email).toList();
    }

    private void printSummary() {
        say("summary:");
        results.levels.forEach(level -> System.out.println("  " + describe(level)));
        results.drills.forEach(d -> System.out.println("  drill " + d.name() + ": " + d.counts()));
    }

    static String describe(Load.Level level) {
        return String.format("%s, c=%d: %.1f/s, %s%s", level.target(), level.concurrency(), level.throughput(),
                fmt(level.latency()), level.errors().isEmpty() ? "" : ", errors " + level.errors());
    }

    static String fmt(Summary s) {
        return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)", s.p50(), s.p95(), s.p99(),
                s.max(), s.count());
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join(Duration.ofSeconds(60).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
