package org.acceso.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One Acceso system on this machine: starts its components in dependency order (each as soon as what it needs is
 * ready), waits for each health check, stops, kills and restarts them one by one. Every process is recorded in a PID
 * file, so any launcher (this JVM or a later {@code deploy/acceso} call) can see and stop what another started.
 */
public final class Stack {

    public enum State { RUNNING, DEAD, STOPPED }

    /** One line of {@link #status()}. */
    public record Status(Component component, State state, long pid, List<Integer> ports, long rssKb, String note) {
    }

    private static final Duration POLL = Duration.ofMillis(250);

    private final StackSpec spec;
    private final Consumer<String> say;
    private final Map<Component, Runner> runners = new HashMap<>();
    private final Map<String, Long> timings = new LinkedHashMap<>();

    private Stack(StackSpec spec, Consumer<String> say) {
        this.spec = spec;
        this.say = say;
    }

    /** The system described by {@code spec}, as it is now (nothing is started). */
    public static Stack of(StackSpec spec, Consumer<String> say) {
        return new Stack(spec, say);
    }

    public StackSpec spec() {
        return spec;
    }

    public Layout layout() {
        return spec.layout();
    }

    public MailCatcher mail() {
        return new MailCatcher(layout().mailApiUrl());
    }

    public Path log(Component component) {
        return spec.log(component);
    }

    /** The last {@code lines} lines of a component's log. */
    public String tail(Component component, int lines) {
        return Logs.tail(log(component), lines);
    }

    /** How long each component took from launch to ready, in the order they became ready. */
    public Map<String, Long> timings() {
        return Map.copyOf(timings);
    }

    public State state(Component component) {
        Optional<Processes.Recorded> recorded = Processes.read(spec.pidFile(component));
        if (recorded.isEmpty()) {
            return State.STOPPED;
        }
        return Processes.alive(recorded.get()) ? State.RUNNING : State.DEAD;
    }

    /** The component's main process, while it runs. */
    public Optional<Long> pid(Component component) {
        return Processes.read(spec.pidFile(component)).filter(Processes::alive).map(Processes.Recorded::pid);
    }

    /** What {@code component} waits for before it starts. */
    public Set<Component> prerequisites(Component component) {
        Set<Component> needs = new LinkedHashSet<>();
        if (component instanceof Service service) {
            if (service.database() != null) {
                needs.add(Infrastructure.POSTGRES);
            }
            if (service.needs(Service.Needs.KAFKA)) {
                needs.add(Infrastructure.KAFKA);
            }
            if (service.needs(Service.Needs.MAIL)) {
                needs.add(Infrastructure.MAIL);
            }
            if (spec.servicesAwaitKeycloak()) {
                needs.add(Infrastructure.KEYCLOAK);
            }
        }
        return needs;
    }

    /**
     * Starts every component of {@code wanted} that is not running (a dead one is cleared first), each as soon as
     * its prerequisites are ready and, for a service, once {@code build} (if any) has finished; returns when all are
     * ready. Fails with the tail of the log of the first one that dies or is not ready in time.
     */
    public void up(Collection<? extends Component> wanted, ServiceBuild build) {
        List<Component> toStart = new ArrayList<>();
        for (Component component : Component.all()) {
            if (!wanted.contains(component)) {
                continue;
            }
            switch (state(component)) {
                case RUNNING -> say.accept(component.id() + " is already running (pid " + pid(component).orElse(0L) + ")");
                case DEAD -> {
                    say.accept(component.id() + " is dead (PID file without its process): restarting it");
                    stop(List.of(component));
                    toStart.add(component);
                }
                case STOPPED -> toStart.add(component);
            }
        }
        if (toStart.isEmpty()) {
            return;
        }
        for (Component component : toStart) {
            for (Component needed : prerequisites(component)) {
                if (!toStart.contains(needed) && state(needed) != State.RUNNING) {
                    throw new LauncherException(component.id() + " needs " + needed.id() + ", which is not running; start it first");
                }
            }
        }
        checkPortsFree(toStart);
        if (toStart.stream().anyMatch(Infrastructure.class::isInstance)) {
            spec.distributions().ensure(spec.logsDir().resolve("dist.log"), say);
        }
        startInOrder(toStart, build);
    }

    private void startInOrder(List<Component> toStart, ServiceBuild build) {
        ExecutorService pool = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "acceso-launcher-start");
            thread.setDaemon(true);
            return thread;
        });
        Map<Component, Future<?>> starting = new LinkedHashMap<>();
        Map<Component, Long> launchedAt = new HashMap<>();
        Set<Component> ready = new HashSet<>();
        try {
            while (ready.size() < toStart.size()) {
                for (Component component : toStart) {
                    if (starting.containsKey(component) || !canStart(component, toStart, ready, build)) {
                        continue;
                    }
                    Runner runner = runner(component);
                    launchedAt.put(component, System.nanoTime());
                    starting.put(component, pool.submit(() -> {
                        runner.prepare();
                        Logs.rotate(spec.log(component));
                        Processes.Recorded recorded = Processes.start(runner.launch(), spec.log(component), spec.pidFile(component));
                        say.accept("started " + component.id() + " (pid " + recorded.pid() + ", log " + spec.log(component) + ")");
                        return null;
                    }));
                }
                for (Map.Entry<Component, Future<?>> entry : starting.entrySet()) {
                    Component component = entry.getKey();
                    if (!ready.contains(component) && entry.getValue().isDone()) {
                        checkStarted(component, entry.getValue());
                        Runner runner = runner(component);
                        long elapsed = millisSince(launchedAt.get(component));
                        if (runner.ready()) {
                            runner.released();
                            ready.add(component);
                            timings.put(component.id(), elapsed);
                            say.accept(component.id() + " is ready (" + elapsed + " ms)");
                        } else if (state(component) != State.RUNNING) {
                            throw new LauncherException(component.id() + " exited during start-up; see " + log(component)
                                    + "\n" + tail(component, 40));
                        } else if (elapsed > runner.readyTimeout().toMillis()) {
                            throw new LauncherException(component.id() + " was not ready after "
                                    + runner.readyTimeout().toSeconds() + " s (still running, pid " + pid(component).orElse(0L)
                                    + "); see " + log(component) + "\n" + tail(component, 40));
                        }
                    }
                }
                if (build != null) {
                    build.check();
                }
                if (ready.size() < toStart.size()) {
                    Processes.sleep(POLL);
                }
            }
        } finally {
            toStart.stream().filter(component -> !ready.contains(component)).forEach(component -> runner(component).released());
            pool.shutdownNow();
        }
    }

    private boolean canStart(Component component, List<Component> toStart, Set<Component> ready, ServiceBuild build) {
        if (component instanceof Service && build != null && !build.finished()) {
            return false;
        }
        for (Component needed : prerequisites(component)) {
            boolean satisfied = toStart.contains(needed) ? ready.contains(needed) : state(needed) == State.RUNNING;
            if (!satisfied) {
                return false;
            }
        }
        return true;
    }

    private void checkStarted(Component component, Future<?> start) {
        try {
            start.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof LauncherException launcher) {
                throw launcher;
            }
            throw new LauncherException("could not start " + component.id() + ": " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted");
        }
    }

    private Runner runner(Component component) {
        return runners.computeIfAbsent(component, c -> Runner.of(spec, c));
    }

    private void checkPortsFree(List<Component> toStart) {
        List<String> busy = new ArrayList<>();
        for (Component component : toStart) {
            for (int port : layout().portsOf(component)) {
                if (!free(port)) {
                    busy.add("port " + port + " needed by " + component.id() + " is already in use by " + holder(port));
                }
            }
        }
        if (!busy.isEmpty()) {
            throw new LauncherException(String.join("\n", busy)
                    + "\nfree the port(s) above (stop what holds them, e.g. another stack with its own 'down') and try again");
        }
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(Layout.HOST))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** What listens on {@code port}, as far as {@code ss} tells (it names other users' processes only to root). */
    private static String holder(int port) {
        try {
            Process ss = new ProcessBuilder("ss", "-Hltnp", "sport = :" + port).redirectErrorStream(true).start();
            String out = new String(ss.getInputStream().readAllBytes()).trim();
            ss.waitFor(5, TimeUnit.SECONDS);
            int users = out.indexOf("users:(");
            return users >= 0 ? out.substring(users).split("\\R")[0] : "an unknown process";
        } catch (IOException e) {
            return "an unknown process";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "an unknown process";
        }
    }

    /**
     * Stops the given components at once: the stop signal to each recorded process and its session, a bounded wait,
     * then SIGKILL for what is left. Only recorded processes (same PID and start time) and their sessions are signalled.
     */
    public void stop(Collection<? extends Component> components) {
        Map<Component, List<Long>> processes = new LinkedHashMap<>();
        Map<Component, Long> deadline = new HashMap<>();
        Set<Component> killed = new HashSet<>();
        for (Component component : components) {
            Optional<Processes.Recorded> recorded = Processes.read(spec.pidFile(component));
            if (recorded.isEmpty()) {
                continue;
            }
            List<Long> members = Processes.members(recorded.get());
            processes.put(component, members);
            Runner runner = runner(component);
            if (Processes.alive(recorded.get())) {
                say.accept("stopping " + component.id() + " (pid " + recorded.get().pid() + ")");
                Processes.signal(recorded.get().pid(), runner.stopSignal());
                if (component != Infrastructure.POSTGRES) { // the postmaster stops its children itself
                    members.stream().filter(pid -> pid != recorded.get().pid()).forEach(pid -> Processes.signal(pid, "TERM"));
                }
                deadline.put(component, System.nanoTime() + runner.stopTimeout().toNanos());
            } else {
                if (!members.isEmpty()) {
                    say.accept("killing leftover processes of " + component.id() + ": " + members);
                    members.forEach(pid -> Processes.signal(pid, "KILL"));
                    killed.add(component);
                }
                deadline.put(component, System.nanoTime() + Duration.ofSeconds(10).toNanos());
            }
        }
        Set<Component> todo = new LinkedHashSet<>(processes.keySet());
        while (!todo.isEmpty()) {
            for (Component component : List.copyOf(todo)) {
                List<Long> left = processes.get(component).stream().filter(Processes::exists).toList();
                if (left.isEmpty()) {
                    deletePidFile(component);
                    runner(component).released();
                    if (!processes.get(component).isEmpty()) {
                        say.accept(component.id() + " stopped");
                    }
                    todo.remove(component);
                } else if (System.nanoTime() > deadline.get(component) && killed.contains(component)) {
                    say.accept("WARNING: " + component.id() + ": process(es) " + left + " survived SIGKILL; PID file kept");
                    todo.remove(component);
                } else if (System.nanoTime() > deadline.get(component)) {
                    say.accept("WARNING: " + component.id() + " did not stop in time; sending SIGKILL to " + left);
                    left.forEach(pid -> Processes.signal(pid, "KILL"));
                    killed.add(component);
                    deadline.put(component, System.nanoTime() + Duration.ofSeconds(10).toNanos());
                }
            }
            if (!todo.isEmpty()) {
                Processes.sleep(Duration.ofMillis(200));
            }
        }
    }

    /** Stops everything this stack recorded: the services first, then the infrastructure. */
    public void down() {
        List<Component> services = List.of(Service.values());
        stop(services.stream().filter(c -> Files.exists(spec.pidFile(c))).toList());
        stop(EnumSet.allOf(Infrastructure.class).stream().filter(c -> Files.exists(spec.pidFile(c))).toList());
    }

    /** Kills a component as a crash would ({@code kill -9} of all its processes); its PID file stays, so it shows as dead. */
    public void kill(Component component) {
        Processes.Recorded recorded = Processes.read(spec.pidFile(component))
                .orElseThrow(() -> new LauncherException(component.id() + " is not running"));
        List<Long> members = Processes.members(recorded);
        if (members.isEmpty()) {
            throw new LauncherException(component.id() + " is not running (already dead)");
        }
        members.forEach(pid -> Processes.signal(pid, "KILL"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (members.stream().anyMatch(Processes::exists) && System.nanoTime() < deadline) {
            Processes.sleep(Duration.ofMillis(100));
        }
        say.accept("killed " + component.id() + " (kill -9 " + members + ")");
    }

    /** Stops (or clears a dead) component, starts it again and waits until it is ready. */
    public void restart(Component component) {
        stop(List.of(component));
        up(List.of(component), null);
    }

    /**
     * Restarts a service with {@code variables} on top of this system's environment for it (deadline-service under
     * another policy profile, say) and waits until it is ready. They hold for this start only: a later
     * {@link #restart(Component)} starts the service with the system's own environment again.
     */
    public void restart(Service service, Map<String, String> variables) {
        stop(List.of(service));
        runners.put(service, Runner.of(spec.withServiceEnvironment(service, variables), service));
        try {
            up(List.of(service), null);
        } finally {
            runners.remove(service);
        }
    }

    /** One line per component. */
    /** The CPU time each running component's processes have used so far (see {@link Processes#cpuTicks}). */
    public Map<Component, Duration> cpuTime() {
        Map<Component, Duration> used = new LinkedHashMap<>();
        for (Component component : Component.all()) {
            Processes.read(spec.pidFile(component)).filter(Processes::alive).ifPresent(recorded ->
                    used.put(component, Duration.ofMillis(10 * Processes.cpuTicks(Processes.members(recorded)))));
        }
        return used;
    }

    public List<Status> status() {
        List<Status> lines = new ArrayList<>();
        for (Component component : Component.all()) {
            State state = state(component);
            Optional<Processes.Recorded> recorded = Processes.read(spec.pidFile(component));
            long pid = recorded.map(Processes.Recorded::pid).orElse(0L);
            List<Integer> ports = layout().portsOf(component);
            long rss = 0;
            String note = "";
            if (state == State.RUNNING) {
                rss = Processes.rssKb(Processes.members(recorded.get()));
                for (int port : ports) {
                    if (!Runner.listening(port)) {
                        note = "port " + port + " not listening yet";
                    }
                }
            } else if (state == State.DEAD) {
                note = "PID file, but no process";
            }
            lines.add(new Status(component, state, pid, ports, rss, note));
        }
        return lines;
    }

    private void deletePidFile(Component component) {
        try {
            Files.deleteIfExists(spec.pidFile(component));
        } catch (IOException e) {
            say.accept("WARNING: could not delete " + spec.pidFile(component) + ": " + e.getMessage());
        }
    }

    static long millisSince(long nanoTime) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
    }
}
