package org.acceso.bench;

import org.acceso.launcher.Environment;
import org.acceso.launcher.Layout;
import org.acceso.launcher.Service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database's own ceiling: pgbench (Debian's {@code postgresql-client}, {@code /usr/bin/pgbench}) inserting one row
 * per transaction into a scratch table ({@code bench_scratch.one_row} in request-service's database, as its user) on
 * the stack's PostgreSQL, at the filings' concurrency: {@code pgbench -n -T <s> -c <c> -j 2 -f one-row.sql}.
 */
final class PgBench {

    static final String PGBENCH = "/usr/bin/pgbench";
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private final Layout layout;
    private final Databases databases;
    private final Path workDir;

    PgBench(Layout layout, Databases databases, Path workDir) {
        this.layout = layout;
        this.databases = databases;
        this.workDir = workDir;
    }

    /** Why the baseline cannot run here, if it cannot. */
    static Optional<String> missing() {
        if (!Files.isExecutable(Path.of(PGBENCH))) {
            return Optional.of(PGBENCH + " is missing (apt-get install postgresql-client): pgbench baseline skipped");
        }
        try {
            Process version = new ProcessBuilder(PGBENCH, "--version").redirectErrorStream(true).start();
            String out = new String(version.getInputStream().readAllBytes());
            if (!version.waitFor(10, TimeUnit.SECONDS) || version.exitValue() != 0) {
                return Optional.of(PGBENCH + " --version failed (" + out.trim() + "): pgbench baseline skipped");
            }
        } catch (IOException e) {
            return Optional.of(PGBENCH + " cannot run (" + e.getMessage() + "): pgbench baseline skipped");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
        return Optional.empty();
    }

    static String version() {
        try {
            Process version = new ProcessBuilder(PGBENCH, "--version").redirectErrorStream(true).start();
            String out = new String(version.getInputStream().readAllBytes()).trim();
            version.waitFor(10, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** TPS per concurrency; the scratch schema is dropped afterwards. */
    Map<Integer, Double> run(List<Integer> concurrency, Duration each) throws IOException, InterruptedException {
        Map<Integer, Double> tps = new TreeMap<>();
        try (Connection db = databases.connect(Service.REQUEST); Statement sql = db.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS bench_scratch CASCADE");
            sql.execute("CREATE SCHEMA bench_scratch");
            sql.execute("CREATE TABLE bench_scratch.one_row (id BIGSERIAL PRIMARY KEY, payload TEXT NOT NULL, "
                    + "created_at TIMESTAMPTZ NOT NULL DEFAULT now())");
        } catch (SQLException e) {
            throw new IllegalStateException("creating the scratch table: " + e.getMessage(), e);
        }
        Files.createDirectories(workDir);
        Path script = workDir.resolve("one-row.sql");
        Files.writeString(script, "INSERT INTO bench_scratch.one_row (payload) VALUES ('one row of pgbench');\n");
        try {
            for (int c : concurrency) {
                tps.put(c, once(script, c, each));
            }
        } finally {
            try (Connection db = databases.connect(Service.REQUEST); Statement sql = db.createStatement()) {
                sql.execute("DROP SCHEMA IF EXISTS bench_scratch CASCADE");
            } catch (SQLException e) {
                System.out.println("[bench] WARNING: could not drop bench_scratch: " + e.getMessage());
            }
        }
        return tps;
    }

    private double once(Path script, int clients, Duration each) throws IOException, InterruptedException {
        Service owner = Service.REQUEST;
        ProcessBuilder builder = new ProcessBuilder(PGBENCH, "-h", Layout.HOST, "-p",
                String.valueOf(layout.port(Layout.POSTGRES)), "-U", owner.database(), "-n", "-T",
                String.valueOf(each.toSeconds()), "-c", String.valueOf(clients), "-j", "2", "-f", script.toString(),
                owner.database()).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", Environment.DB_PASSWORD);
        Process pgbench = builder.start();
        String out = new String(pgbench.getInputStream().readAllBytes());
        if (!pgbench.waitFor(each.toSeconds() + 60, TimeUnit.SECONDS)) {
            pgbench.destroyForcibly();
            throw new IllegalStateException("pgbench did not finish");
        }
        Matcher matcher = TPS.matcher(out);
        if (pgbench.exitValue() != 0 || !matcher.find()) {
            throw new IllegalStateException("pgbench -c " + clients + " failed:\n" + out);
        }
        return Double.parseDouble(matcher.group(1));
    }
}
