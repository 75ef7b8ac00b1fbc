package org.acceso.systemtests;

import org.acceso.launcher.Component;
import org.acceso.launcher.Environment;
import org.acceso.launcher.LauncherException;
import org.acceso.launcher.Stack;
import org.acceso.launcher.StackSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole Acceso system for the journeys, started by the same launcher as {@code deploy/acceso} (deploy/launcher):
 * PostgreSQL, Kafka, Keycloak, GreenMail, the services (the public register included) and the web front as processes, on free ports of 127.0.0.1, with data
 * and logs under {@code target/}. Or, with {@code -Dsystem-tests.stack=running} ({@code deploy/acceso smoke}), the
 * stack {@code deploy/acceso up} runs, which it then leaves alone.
 * <p>
 * A started system is stopped by {@link #close()} (JUnit calls it after the last journey) or, if the run is killed,
 * by a JVM shutdown hook. {@link #stack()} gives the launcher's handle for what journeys or drills need beyond this:
 * kill or restart one component, every port, the logs.
 */
final class AccesoSystem implements AutoCloseable {

    static final String MAIL_FROM_ADDRESS = Environment.MAIL_FROM_ADDRESS;
    static final String MAIL_FROM = Environment.MAIL_FROM;

    /** The services the journeys address, as the launcher knows them. */
    enum Service {
        REQUEST(org.acceso.launcher.Service.REQUEST),
        DEADLINE(org.acceso.launcher.Service.DEADLINE),
        NOTIFICATION(org.acceso.launcher.Service.NOTIFICATION),
        REGISTER(org.acceso.launcher.Service.REGISTER),
        WEB(org.acceso.launcher.Service.WEB),
        GATEWAY(org.acceso.launcher.Service.GATEWAY);

        final org.acceso.launcher.Service component;

        Service(org.acceso.launcher.Service component) {
            this.component = component;
        }
    }

    private final Stack stack;
    private final boolean owned;
    private final Map<String, Long> timings = new LinkedHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook = new Thread(this::close, "acceso-system-tests-shutdown");

    private AccesoSystem(Stack stack, boolean owned) {
        this.stack = stack;
        this.owned = owned;
    }

    /** Starts a throw-away system (or attaches to the running stack) and waits until every part answers. */
    static AccesoSystem start(SystemTestSettings settings) {
        if (settings.attach()) {
            Stack running = Stack.of(StackSpec.local(settings.projectDir()), AccesoSystem::say);
            List<String> down = Component.all().stream().filter(c -> running.state(c) != Stack.State.RUNNING)
                    .map(Component::id).toList();
            assertThat(down).as("components of the stack deploy/acceso up started that are not running").isEmpty();
            say("using the running stack: gateway " + running.layout().gatewayUrl());
            return new AccesoSystem(running, false);
        }
        StackSpec spec = StackSpec.throwAway(settings.projectDir(), settings.workDir().resolve("stack"),
                        settings.logsDir(), settings.distDir())
                // journeys wait for a missed deadline to be noticed
                .withServiceEnvironment(org.acceso.launcher.Service.DEADLINE, Map.of("DEADLINE_SWEEP_EVERY", "2s"))
                // the journeys file more than a resident's daily quota (20) as ana; the quota itself is the gateway's own test
                .withServiceEnvironment(org.acceso.launcher.Service.GATEWAY, Map.of("GATEWAY_QUOTAS_FILINGS_REQUESTS", "500"))
                // the public statistics journey waits for deadline-service's figures to be fetched
                .withServiceEnvironment(org.acceso.launcher.Service.REGISTER, Map.of("REGISTER_STATISTICS_EVERY", "2s"));
        checkPrerequisites(spec);
        AccesoSystem system = new AccesoSystem(Stack.of(spec, AccesoSystem::say), true);
        Runtime.getRuntime().addShutdownHook(system.shutdownHook);
        long begin = System.nanoTime();
        try {
            system.stack.up(Component.all(), null);
        } catch (LauncherException | AssertionError e) {
            system.close();
            throw new AssertionError("The system did not start: " + e.getMessage(), e);
        }
        system.stack.timings().entrySet().stream().sorted(Map.Entry.comparingByValue())
                .forEach(entry -> system.timings.put(entry.getKey() + " (launch to ready)", entry.getValue()));
        system.timings.put("whole system ready", millisSince(begin));
        say("Acceso system up: gateway " + system.gatewayUrl() + ", Keycloak " + system.stack.layout().keycloakUrl()
                + ", logs in " + settings.logsDir());
        return system;
    }

    private static void checkPrerequisites(StackSpec spec) {
        String modules = Stream.of(org.acceso.launcher.Service.values()).map(org.acceso.launcher.Service::module)
                .collect(Collectors.joining(","));
        for (org.acceso.launcher.Service service : org.acceso.launcher.Service.values()) {
            assertThat(spec.serviceJar(service))
                    .as("%s is not packaged. Build the services first (the system tests never rebuild them):%n"
                            + "  ./mvnw -B package -DskipTests -pl %s -am%n"
                            + "Missing jar", service.module(), modules)
                    .isRegularFile();
        }
        assertThat(spec.realmFile()).as("the Keycloak realm export").isRegularFile();
        try {
            // a fresh system each run: no data, no PID files or logs of an earlier run
            deleteTree(spec.dataDir());
            for (Component component : Component.all()) {
                Files.deleteIfExists(spec.log(component));
                Files.deleteIfExists(spec.log(component).resolveSibling(component.id() + ".log.1"));
            }
        } catch (IOException e) {
            throw new AssertionError("Could not prepare " + spec.dataDir(), e);
        }
    }

    /** The launcher's handle on this system: ports, logs, and killing or restarting one component. */
    Stack stack() {
        return stack;
    }

    String gatewayUrl() {
        return stack.layout().gatewayUrl();
    }

    String url(Service service) {
        return stack.layout().url(service.component);
    }

    KeycloakServer keycloak() {
        return new KeycloakServer(stack.layout().keycloakUrl());
    }

    Mailbox mailbox() {
        return new Mailbox(stack.mail());
    }

    /** The tails of the services' logs, for an assertion message when a step of a journey fails. */
    String logTails() {
        return Stream.of(Service.values()).map(service -> service.component)
                .map(component -> "\n----- last lines of " + stack.log(component) + " -----\n" + stack.tail(component, 60)
                        + "\n----- end of " + component.id() + " log -----")
                .collect(Collectors.joining("\n"));
    }

    /** The log file of a service's process (for journeys that look for a correlation id in every log). */
    Path logOf(Service service) {
        return stack.log(service.component);
    }

    void recordTiming(String what, long millis) {
        timings.put(what, millis);
    }

    String timingSummary() {
        return timings.entrySet().stream()
                .map(entry -> String.format("  %-52s %7d ms", entry.getKey(), entry.getValue()))
                .collect(Collectors.joining("\n", "System test timings:\n", ""));
    }

    /** Stops a system this run started (never the running stack it attached to). */
    @Override
    public void close() {
        if (!owned || !closed.compareAndSet(false, true)) {
            return;
        }
        long begin = System.nanoTime();
        try {
            stack.down();
        } catch (RuntimeException e) {
            System.err.println("While stopping the system: " + e);
        }
        timings.put("stop everything", millisSince(begin));
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // called from the hook itself
        }
    }

    private static void say(String line) {
        System.out.println("[system-tests] " + line);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    static long millisSince(long nanoTime) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
    }

}
