package org.acceso.launcher;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Processes on Linux, by PID, from any JVM: a component is started in its own session ({@code setsid}) with its PID
 * and start time in a PID file, so a later {@code deploy/acceso down} (another JVM) finds it, and a recycled PID is
 * never taken for it. Its processes are the session's members and the leader's descendants.
 */
final class Processes {

    /** A process we started: its PID and its start time in clock ticks since boot (/proc/PID/stat field 22). */
    record Recorded(long pid, long startTicks) {
        @Override
        public String toString() {
            return pid + " " + startTicks;
        }
    }

    private Processes() {
    }

    /** Starts {@code launch} in a new session with its output in {@code log}; records it in {@code pidFile}. */
    static Recorded start(Launch launch, Path log, Path pidFile) {
        try {
            Files.createDirectories(launch.workDir());
            Files.createDirectories(log.getParent());
            Files.createDirectories(pidFile.getParent());
            List<String> command = new ArrayList<>();
            command.add("setsid");
            command.addAll(launch.command());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(launch.workDir().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().keySet().removeIf(key -> Environment.CONFIG_PREFIXES.stream().anyMatch(key::startsWith));
            builder.environment().putAll(launch.environment());
            Process process = builder.start();
            Recorded recorded = new Recorded(process.pid(), startTicks(process.pid()).orElse(0L));
            Files.writeString(pidFile, recorded + "\n");
            return recorded;
        } catch (IOException e) {
            throw new LauncherException("could not start " + launch.command() + ": " + e.getMessage(), e);
        }
    }

    static Optional<Recorded> read(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            String[] parts = Files.readString(pidFile).trim().split("\\s+");
            long pid = Long.parseLong(parts[0]);
            long ticks = parts.length > 1 ? Long.parseLong(parts[1]) : 0L;
            return Optional.of(new Recorded(pid, ticks));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Is the recorded process still the one we started (same PID and start time, not a zombie)? */
    static boolean alive(Recorded recorded) {
        return stat(recorded.pid())
                .filter(stat -> !stat.state().equals("Z") && !stat.state().equals("X"))
                .filter(stat -> recorded.startTicks() == 0 || stat.startTicks() == recorded.startTicks())
                .isPresent();
    }

    static boolean exists(long pid) {
        return stat(pid).filter(stat -> !stat.state().equals("Z") && !stat.state().equals("X")).isPresent();
    }

    /** The live processes of a component: its leader (if ours and alive), the leader's session, its descendants. */
    static List<Long> members(Recorded leader) {
        Set<Long> members = new LinkedHashSet<>();
        boolean leaderAlive = alive(leader);
        if (leaderAlive) {
            members.add(leader.pid());
            ProcessHandle.of(leader.pid()).ifPresent(handle ->
                    handle.descendants().forEach(child -> members.add(child.pid())));
        }
        for (long pid : allPids()) {
            stat(pid).filter(stat -> stat.session() == leader.pid() && !stat.state().equals("Z"))
                    .ifPresent(stat -> members.add(pid));
        }
        if (!leaderAlive) {
            members.remove(leader.pid()); // a recycled PID that happens to lead a session of its own
        }
        return List.copyOf(members);
    }

    static void signal(long pid, String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-s", signal, String.valueOf(pid))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Resident memory of the given processes in kB (shared pages counted once per process). */
    static long rssKb(List<Long> pids) {
        long total = 0;
        for (long pid : pids) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        total += Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException | NumberFormatException gone) {
                // exited meanwhile
            }
        }
        return total;
    }

    /**
     * The CPU time {@code pids} have used so far, user and system, with that of the children they already reaped
     * (a PostgreSQL backend that ended), in clock ticks of 1/100 s (Linux's USER_HZ). Exited processes count 0.
     */
    static long cpuTicks(List<Long> pids) {
        long total = 0;
        for (long pid : pids) {
            try {
                String text = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"), StandardCharsets.UTF_8);
                String[] fields = text.substring(text.lastIndexOf(')') + 2).trim().split(" ");
                // fields[11..14] = utime, stime, cutime, cstime (fields 14 to 17 of proc(5))
                for (int i = 11; i <= 14; i++) {
                    total += Long.parseLong(fields[i]);
                }
            } catch (IOException | RuntimeException gone) {
                // exited meanwhile
            }
        }
        return total;
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted");
        }
    }

    /** The effective user id of this JVM (PostgreSQL refuses to run as root). */
    static long effectiveUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return Long.parseLong(line.split("\\s+")[2]);
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // not Linux: assume not root
        }
        return -1;
    }

    private record Stat(String state, long session, long startTicks) {
    }

    private static Optional<Long> startTicks(long pid) {
        return stat(pid).map(Stat::startTicks);
    }

    private static Optional<Stat> stat(long pid) {
        try {
            String text = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"), StandardCharsets.UTF_8);
            String[] fields = text.substring(text.lastIndexOf(')') + 2).trim().split(" ");
            // fields[0] = state (field 3), [3] = session (field 6), [19] = starttime (field 22)
            return Optional.of(new Stat(fields[0], Long.parseLong(fields[3]), Long.parseLong(fields[19])));
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }

    private static List<Long> allPids() {
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"))) {
            for (Path entry : proc) {
                String name = entry.getFileName().toString();
                if (!name.isEmpty() && name.chars().allMatch(Character::isDigit)) {
                    pids.add(Long.parseLong(name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pids;
    }
}
