package org.acceso.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Real processes: started in a session of their own, recognised by PID and start time, their children found. */
class ProcessesTest {

    @TempDir
    Path dir;

    @Test
    void shouldRecordAProcessAndFindItsChildrenUntilKilled() throws Exception {
        Path pidFile = dir.resolve("pids/sleeper.pid");
        Launch launch = new Launch(List.of("bash", "-c", "sleep 60 & sleep 60; wait"), Map.of(), dir.resolve("run"));
        Processes.Recorded recorded = Processes.start(launch, dir.resolve("logs/sleeper.log"), pidFile);
        try {
            assertThat(Processes.read(pidFile)).contains(recorded);
            assertThat(Processes.alive(recorded)).isTrue();
            awaitMembers(recorded, 3);

            assertThat(Processes.alive(new Processes.Recorded(recorded.pid(), recorded.startTicks() + 1)))
                    .as("the same PID with another start time is another process").isFalse();

            List<Long> members = Processes.members(recorded);
            members.forEach(pid -> Processes.signal(pid, "KILL"));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (members.stream().anyMatch(Processes::exists) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(members).noneMatch(Processes::exists);
            assertThat(Processes.alive(recorded)).isFalse();
            assertThat(Files.exists(pidFile)).as("the PID file stays: the process is dead, not stopped").isTrue();
        } finally {
            Processes.members(recorded).forEach(pid -> Processes.signal(pid, "KILL"));
        }
    }

    @Test
    void shouldNotPassTheCallersConfigurationToAProcess() throws Exception {
        Launch launch = new Launch(List.of("bash", "-c", "env"), Map.of("QUARKUS_HTTP_PORT", "1234"), dir.resolve("run"));
        Path log = dir.resolve("logs/env.log");
        Processes.Recorded recorded = Processes.start(launch, log, dir.resolve("pids/env.pid"));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (Processes.alive(recorded) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(Files.readString(log)).contains("QUARKUS_HTTP_PORT=1234");
    }

    @Test
    void shouldCountTheCpuTimeOfAProcessAndOfTheChildrenItReaped() throws Exception {
        // a child that spins for one to two seconds and is waited for, then the leader sleeps
        Launch launch = new Launch(List.of("bash", "-c", "bash -c 'end=$((SECONDS+2)); while [ $SECONDS -lt $end ]; do :; done'; "
                + "echo spun; sleep 60"), Map.of(), dir.resolve("run"));
        Path log = dir.resolve("logs/spinner.log");
        Processes.Recorded recorded = Processes.start(launch, log, dir.resolve("pids/spinner.pid"));
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!(Files.exists(log) && Files.readString(log).contains("spun")) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(Files.readString(log)).contains("spun");
            long ticks = Processes.cpuTicks(List.of(recorded.pid()));
            assertThat(ticks).as("the reaped child's spin, in 1/100 s").isGreaterThanOrEqualTo(10);
            assertThat(Processes.cpuTicks(List.of(recorded.pid(), Long.MAX_VALUE))).as("a PID that is gone counts 0")
                    .isEqualTo(Processes.cpuTicks(List.of(recorded.pid())));
        } finally {
            Processes.members(recorded).forEach(pid -> Processes.signal(pid, "KILL"));
        }
    }

    private static void awaitMembers(Processes.Recorded recorded, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (Processes.members(recorded).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(Processes.members(recorded)).hasSize(count);
    }
}
