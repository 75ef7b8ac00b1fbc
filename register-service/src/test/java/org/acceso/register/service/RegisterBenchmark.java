package org.acceso.register.service;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.acceso.register.SpanishRequests;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not part of {@code ./mvnw verify} (surefire excludes {@code *Benchmark}); run with
 * {@code ./mvnw -B -pl register-service -am test -Pbench} (heap {@code -Xmx512m}, see the pom). Seeds 1,000,000
 * published requests ({@code -Dbench.rows=N}) of varied Spanish text ({@link SpanishRequests}) into the embedded
 * PostgreSQL the way a bulk load should (COPY with the lexeme trigger off and the GIN indexes built after, then
 * {@code asked_lexemes_rebuild()} and ANALYZE), then measures at register-service's own HTTP port, one client, one
 * call at a time: {@code GET /public/similar} for three kinds of text (the exact subject and question of a seeded
 * request, a new request from the same generator, a short subject), its plan, a few register searches, and both
 * exports of every row (time, bytes, heap). Results go to the console and target/benchmark.txt; docs/benchmarks.md
 * records them.
 */
@QuarkusTest
class RegisterBenchmark {

    private static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);
    private static final int CHUNK = 20_000;
    private static final int WARM_UP = 300;
    private static final int PER_KIND = 1_000;
    private static final ZoneId ROSARIO = ZoneId.of("America/Argentina/Cordoba");

    @Inject
    DataSource db;

    @Inject
    SimilarRequests similar;

    @TestHTTPResource("/")
    URL base;

    private final List<String> results = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    /** A seeded request kept to ask for it again. */
    record Known(String trackingNumber, String text) {
    }

    @Test
    void benchmark() throws Exception {
        report("rows %,d; JVM max heap %d MB; %s", ROWS, Runtime.getRuntime().maxMemory() >> 20, postgresVersion());
        List<Known> known = seed();
        similarRequests(known);
        searches();
        exportPlan();
        export("requests.csv");
        export("requests.json");
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target/benchmark.txt"), results);
    }

    private List<Known> seed() throws SQLException, IOException {
        List<Known> known = new ArrayList<>();
        SpanishRequests generator = new SpanishRequests(27_275);
        Random random = new Random(42);
        long begin = System.nanoTime();
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE publication CASCADE");
            statement.execute("DELETE FROM asked_lexeme");
            statement.execute("ALTER TABLE publication DISABLE TRIGGER publication_asked_lexemes");
            statement.execute("DROP INDEX publication_search, publication_asked, publication_newest");
            PGConnection pg = connection.unwrap(PGConnection.class);
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            for (int start = 0; start < ROWS; start += CHUNK) {
                StringBuilder csv = new StringBuilder(CHUNK * 900);
                for (int i = start; i < Math.min(ROWS, start + CHUNK); i++) {
                    SpanishRequests.Request request = generator.next();
                    Instant filedAt = now.minus(random.nextInt(11 * 365 * 24), ChronoUnit.HOURS);
                    Instant answeredAt = filedAt.plus(2 + random.nextInt(40), ChronoUnit.DAYS);
                    String tracking = "AIP-" + LocalDate.ofInstant(filedAt, ROSARIO).getYear() + "-" + String.format("%07d", i);
                    boolean withGround = request.outcome().equals("DENIED") || request.outcome().equals("PARTIALLY_GRANTED");
                    row(csv, UUID.randomUUID().toString(), tracking, request.agencyCode(), request.agencyName(),
                            request.subject(), request.question(), request.answer(), request.outcome(),
                            withGround ? "[{\"code\":\"personal-data\",\"reference\":\"art. 8 inc. i)\",\"name\":"
                                    + "\"Datos personales que no puedan ser disociados\",\"nameEn\":\"Personal data\"}]" : "[]",
                            filedAt.toString(), LocalDate.ofInstant(filedAt, ROSARIO).toString(), answeredAt.toString(),
                            LocalDate.ofInstant(filedAt.plus(21, ChronoUnit.DAYS), ROSARIO).toString(),
                            String.valueOf(random.nextInt(10) < 8), String.valueOf(random.nextInt(10) < 3),
                            answeredAt.plus(3, ChronoUnit.DAYS).toString(), now.toString());
                    if (i % 2_000 == 0) {
                        known.add(new Known(tracking, request.subject() + ". " + request.question()));
                    }
                }
                pg.getCopyAPI().copyIn("COPY publication (request_id, tracking_number, agency_code, agency_name, subject, "
                        + "question, answer, outcome, grounds, filed_at, filed_on, answered_at, due_on, on_time, extended, "
                        + "published_at, stored_at) FROM STDIN WITH (FORMAT csv)", new StringReader(csv.toString()));
            }
            long loaded = System.nanoTime();
            report("seed: COPY of %,d rows (generated columns: two tsvectors and the folded text) %.1f s", ROWS,
                    seconds(begin, loaded));
            statement.execute("SET maintenance_work_mem = '256MB'");
            statement.execute("CREATE INDEX publication_search ON publication USING gin (search)");
            statement.execute("CREATE INDEX publication_asked ON publication USING gin (asked)");
            statement.execute("CREATE INDEX publication_newest ON publication (filed_on DESC, tracking_number DESC)");
            long indexed = System.nanoTime();
            report("seed: GIN indexes (search, asked) and the list index %.1f s", seconds(loaded, indexed));
            statement.execute("ALTER TABLE publication ENABLE TRIGGER publication_asked_lexemes");
            statement.execute("SELECT asked_lexemes_rebuild()");
            long counted = System.nanoTime();
            report("seed: asked_lexemes_rebuild() %.1f s", seconds(indexed, counted));
            statement.execute("VACUUM ANALYZE publication");
            statement.execute("ANALYZE asked_lexeme");
            report("seed: VACUUM ANALYZE %.1f s; total %.1f s", seconds(counted, System.nanoTime()), seconds(begin, System.nanoTime()));
            try (ResultSet row = statement.executeQuery("SELECT count(*), count(DISTINCT question), "
                    + "count(DISTINCT subject || question), count(DISTINCT answer), (SELECT count(*) FROM asked_lexeme), "
                    + "pg_size_pretty(pg_total_relation_size('publication')), "
                    + "pg_size_pretty(pg_relation_size('publication_asked')), pg_size_pretty(pg_relation_size('publication_search')), "
                    + "avg(length(question))::int, avg(length(answer))::int FROM publication")) {
                row.next();
                report("data: %,d rows; %,d distinct questions (%.2f%%), %,d distinct subject+question, %,d distinct answers; "
                                + "%,d distinct lexemes asked; table with indexes %s (GIN asked %s, GIN search %s); "
                                + "average question %d chars, answer %d", row.getLong(1), row.getLong(2),
                        100.0 * row.getLong(2) / row.getLong(1), row.getLong(3), row.getLong(4), row.getLong(5),
                        row.getString(6), row.getString(7), row.getString(8), row.getInt(9), row.getInt(10));
            }
            try (ResultSet rows = statement.executeQuery(
                    "SELECT lexeme, documents FROM asked_lexeme ORDER BY documents DESC LIMIT 8")) {
                List<String> common = new ArrayList<>();
                while (rows.next()) {
                    common.add(rows.getString(1) + " " + rows.getLong(2));
                }
                report("data: most common lexemes asked: %s", String.join(", ", common));
            }
        }
        return known;
    }

    private void similarRequests(List<Known> known) throws Exception {
        SpanishRequests fresh = new SpanishRequests(1_975);
        for (int i = 0; i < WARM_UP; i++) {
            similar(fresh.next().question());
        }
        // 1. the exact subject and question of a seeded request: is it found, and how fast
        long[] times = new long[PER_KIND];
        int found = 0;
        for (int i = 0; i < PER_KIND; i++) {
            Known k = known.get(i % known.size());
            long begin = System.nanoTime();
            String body = similar(k.text());
            times[i] = System.nanoTime() - begin;
            if (body.contains("\"" + k.trackingNumber() + "\"")) {
                found++;
            }
        }
        latencies("similar, the exact text of a seeded request (found in the 5: " + found + "/" + PER_KIND + ")", times);
        // 2. a new request from the same generator (what a resident types: subject and question)
        int empty = 0;
        for (int i = 0; i < PER_KIND; i++) {
            SpanishRequests.Request request = fresh.next();
            long begin = System.nanoTime();
            String body = similar(request.subject() + ". " + request.question());
            times[i] = System.nanoTime() - begin;
            if (body.equals("{\"items\":[]}")) {
                empty++;
            }
        }
        latencies("similar, a new request (subject and question; no suggestion for " + empty + ")", times);
        // 3. a subject only, as typed first
        for (int i = 0; i < PER_KIND; i++) {
            String subject = fresh.next().subject();
            long begin = System.nanoTime();
            similar(subject);
            times[i] = System.nanoTime() - begin;
        }
        latencies("similar, a subject only", times);
        explain(fresh.next());
    }

    private void explain(SpanishRequests.Request request) throws SQLException {
        String text = request.subject() + ". " + request.question();
        try (Connection connection = db.getConnection()) {
            SimilarRequests.Plan plan = similar.plan(connection, text);
            report("plan for: %s", text);
            report("  closest (all of the rarest words): %s", plan.closest());
            report("  candidates (two of the rare words): %s", plan.candidates());
            try (PreparedStatement statement = connection.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + SimilarRequests.SCORED)) {
                similar.bind(statement, plan);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        report("  %s", rows.getString(1));
                    }
                }
            }
        }
    }

    private void searches() throws Exception {
        for (String query : List.of("q=alumbrado%20Fisherton", "q=recolecci%C3%B3n%20de%20residuos",
                "q=contratos", "q=%22boleto%20educativo%22%20-2015", "agency=SALUD&outcome=DENIED",
                "from=2020-01-01&to=2020-01-31", "")) {
            get("/public/requests?" + query);
            long[] times = new long[20];
            String body = "";
            for (int i = 0; i < times.length; i++) {
                long begin = System.nanoTime();
                body = get("/public/requests?" + query);
                times[i] = System.nanoTime() - begin;
            }
            String total = body.replaceAll(".*\"total\":(\\d+),\"totalExact\":(true|false).*", "$1 exact $2");
            latencies("register list ?" + query + " (total " + total + ")", times);
        }
    }

    private void exportPlan() throws SQLException {
        try (Connection connection = db.getConnection();
             PreparedStatement statement = connection.prepareStatement("EXPLAIN " + OpenData.REQUESTS)) {
            statement.setObject(1, LocalDate.now(ROSARIO));
            report("plan of the requests export:");
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    report("  %s", rows.getString(1));
                }
            }
        }
    }

    private void export(String file) throws Exception {
        System.gc();
        long heapBefore = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong(heapBefore);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (running.get()) {
                peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long begin = System.nanoTime();
        long firstByte = 0;
        long bytes = 0;
        long lines = 0;
        long midway = -1;
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri("/public/open-data/" + file)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                if (bytes == 0) {
                    firstByte = System.nanoTime();
                }
                bytes += n;
                if (midway < 0 && bytes > 200_000_000) {
                    // what the heap holds after a full collection while the service is in the middle of the file
                    System.gc();
                    midway = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                }
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        long end = System.nanoTime();
        running.set(false);
        sampler.join();
        assertThat(response.statusCode()).isEqualTo(200);
        report("export %s: %,d bytes (%,d newlines) in %.1f s (first byte after %d ms, %.1f MB/s); heap (the JVM of the "
                        + "service and of the test, max %d MB) %d MB after a full GC before, %d MB after a full GC at 200 MB "
                        + "into the file, %d MB at most while it streamed (garbage included); Content-Length %s, "
                        + "Transfer-Encoding %s", file, bytes, lines, seconds(begin, end), (firstByte - begin) / 1_000_000,
                bytes / 1e6 / seconds(begin, end), Runtime.getRuntime().maxMemory() >> 20, heapBefore >> 20, midway >> 20,
                peak.get() >> 20, response.headers().firstValue("content-length").orElse("none"),
                response.headers().firstValue("transfer-encoding").orElse("not shown"));
    }

    private String similar(String text) throws Exception {
        return get("/public/similar?text=" + URLEncoder.encode(text, StandardCharsets.UTF_8));
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private URI uri(String path) {
        return URI.create(base.toString().replaceAll("/$", "") + path);
    }

    private void latencies(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        report("%s: %d calls, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", what, sorted.length,
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), sorted[sorted.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static void row(StringBuilder csv, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append('"').append(cells[i].replace("\"", "\"\"")).append('"');
        }
        csv.append('\n');
    }

    private String postgresVersion() throws SQLException {
        try (Connection connection = db.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SHOW server_version")) {
            row.next();
            try (Statement settings = connection.createStatement();
                 ResultSet buffers = settings.executeQuery("SHOW shared_buffers")) {
                buffers.next();
                return "PostgreSQL " + row.getString(1) + " (embedded, shared_buffers " + buffers.getString(1) + ")";
            }
        }
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }

    private void report(String format, Object... args) {
        String line = String.format(format, args);
        System.out.println("BENCHMARK " + line);
        results.add(line);
    }
}
