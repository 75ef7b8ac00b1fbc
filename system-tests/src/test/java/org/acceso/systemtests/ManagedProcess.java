package org.acceso.systemtests;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * One server running as a child process, its output in {@code target/logs/<name>.log}. Stopping it ends the
 * whole process tree (Keycloak's {@code kc.sh} runs Java as a child): SIGTERM, a bounded wait, then SIGKILL.
 */
final class ManagedProcess implements AutoCloseable {

    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(15);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Variables of the caller's shell that would change how a server is configured. */
    private static final List<String> INHERITED_CONFIG_PREFIXES = List.of("QUARKUS_", "KAFKA_", "GATEWAY_", "ACCESO_", "KC_", "JAVA_OPTS");

    private final String name;
    private final Process process;
    private final Path log;
    private final long startedAt = System.nanoTime();

    private ManagedProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ManagedProcess start(String name, List<String> command, Map<String, String> environment, Path workDir, Path log) {
        try {
            Files.createDirectories(log.getParent());
            Files.createDirectories(workDir);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().keySet().removeIf(key -> INHERITED_CONFIG_PREFIXES.stream().anyMatch(key::startsWith));
            builder.environment().putAll(environment);
            return new ManagedProcess(name, builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + ": " + command, e);
        }
    }

    /**
     * Polls {@code url} until it answers 200 and the body passes {@code bodyCheck}; fails with the log's tail
     * when the process exits or the time is up. Returns the milliseconds since the process was started.
     */
    long awaitHttpOk(URI url, Duration timeout, Predicate<String> bodyCheck) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String lastAnswer = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with code " + process.exitValue() + " before " + url
                        + " was ready" + tailForMessage());
            }
            try {
                HttpResponse<String> response = HTTP.send(
                        HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(3)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && bodyCheck.test(response.body())) {
                    return elapsedMillis();
                }
                lastAnswer = response.statusCode() + " " + abbreviate(response.body());
            } catch (IOException e) {
                lastAnswer = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted while waiting for " + name, e);
            }
            sleep(Duration.ofMillis(500));
        }
        throw new AssertionError(name + " was not ready at " + url + " within " + timeout.toSeconds() + " s (last answer: "
                + lastAnswer + ")" + tailForMessage());
    }

    long elapsedMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt);
    }

    /** The last lines of the log, to put into an assertion message. */
    String tailForMessage() {
        return "\n----- last lines of " + log + " -----\n" + tail(60) + "\n----- end of " + name + " log -----";
    }

    String tail(int lines) {
        try {
            if (!Files.exists(log)) {
                return "(no log file)";
            }
            List<String> all = List.of(new String(Files.readAllBytes(log), StandardCharsets.UTF_8).split("\\R"));
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(could not read the log: " + e + ")";
        }
    }

    @Override
    public void close() {
        closeAll(List.of(this));
    }

    /** Asks every process tree to stop at once, waits a bounded time for all of them, then kills what is left. */
    static void closeAll(List<ManagedProcess> processes) {
        List<ProcessHandle> handles = processes.stream()
                .flatMap(managed -> concat(managed.process.toHandle(), managed.process.descendants().toList()).stream())
                .toList();
        handles.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + GRACEFUL_STOP.toNanos();
        for (ProcessHandle handle : handles) {
            try {
                handle.onExit().get(Math.max(deadline - System.nanoTime(), 0), TimeUnit.NANOSECONDS);
            } catch (Exception timedOutOrInterrupted) {
                handle.destroyForcibly();
            }
        }
        for (ManagedProcess managed : processes) {
            managed.process.descendants().forEach(ProcessHandle::destroyForcibly);
            if (managed.process.isAlive()) {
                managed.process.destroyForcibly();
            }
        }
    }

    private static List<ProcessHandle> concat(ProcessHandle first, List<ProcessHandle> rest) {
        return Stream.concat(Stream.of(first), rest.stream()).toList();
    }

    private static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }
}
