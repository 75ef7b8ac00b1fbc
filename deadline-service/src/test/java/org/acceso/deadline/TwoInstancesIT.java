package org.acceso.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.acceso.contracts.EventCodec;
import org.acceso.contracts.Topics;
import org.acceso.deadline.domain.DayUnit;
import org.acceso.deadline.domain.Deadline;
import org.acceso.deadline.domain.DeadlineCalculator;
import org.acceso.deadline.domain.DeadlinePolicy;
import org.acceso.deadline.domain.JurisdictionCalendar;
import org.acceso.deadline.domain.PolicyProfiles;
import org.acceso.testsupport.KafkaEvents;
import org.acceso.testsupport.KafkaResource;
import org.acceso.testsupport.PostgresResource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two processes of the packaged service (target/quarkus-app/quarkus-run.jar) on one PostgreSQL and one broker, both
 * sweeping every second in batches of 3 so that they compete for the same clocks. Seeded with clocks long overdue (a
 * miss, an appeal window opened and closed, a "very overdue" line each) and clocks whose 2-day reminder is due now.
 * Every one of those events must be on deadline-events exactly once, also after one instance restarts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesIT {

    private static final int OVERDUE = 12;
    private static final int REMINDED = 12;
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private EmbeddedPostgres postgres;
    private final KafkaResource kafka = new KafkaResource();
    private final List<Instance> instances = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();
    private final DeadlinePolicy policy = PolicyProfiles.load("ar-rosario");

    @BeforeAll
    void infrastructure() {
        assertThat(JAR).as("the packaged service (run in the integration-test phase)").exists();
        postgres = PostgresResource.startEmbedded();
        kafka.start();
    }

    @AfterAll
    void stop() throws IOException {
        instances.forEach(instance -> stop(instance.process()));
        kafka.stop();
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void shouldPublishEachReminderAndEachMissOnceWithTwoInstancesOnOneDatabase() throws Exception {
        instances.add(start("a"));
        instances.add(start("b"));
        awaitReady(instances.size());

        ZoneId zone = policy.zone();
        JurisdictionCalendar calendar = JurisdictionCalendar.rosario(entries(), true);
        LocalDate today = LocalDate.now(zone);
        Instant now = Instant.now();
        // Long overdue: filed 70 business days ago, due ~55 ago, appeal window (40) closed ~15 ago.
        LocalDate longAgo = DeadlineCalculator.daysBefore(calendar, DayUnit.BUSINESS, today, 70);
        for (int i = 0; i < OVERDUE; i++) {
            file(longAgo.atTime(10, 0).atZone(zone).toInstant(), true);
        }
        // A filing whose 2-day reminder is due now and whose 5-day reminder's day has passed.
        Instant remindedFiling = null;
        for (LocalDate day = today; remindedFiling == null; day = day.minusDays(1)) {
            Instant filedAt = day.atTime(10, 0).atZone(zone).toInstant();
            Deadline deadline = DeadlineCalculator.schedule(calendar, policy, filedAt);
            LocalDate two = DeadlineCalculator.daysBefore(calendar, DayUnit.BUSINESS, deadline.dueOn(), 2);
            LocalDate five = DeadlineCalculator.daysBefore(calendar, DayUnit.BUSINESS, deadline.dueOn(), 5);
            if (!two.atStartOfDay(zone).toInstant().isAfter(now) && deadline.dueAt().toInstant().isAfter(now.plusSeconds(600))
                    && five.isBefore(today)) {
                remindedFiling = filedAt;
            }
        }
        for (int i = 0; i < REMINDED; i++) {
            file(remindedFiling, false);
        }

        Map<String, Long> expected = new TreeMap<>(Map.of("DeadlineScheduled", (long) OVERDUE + REMINDED,
                "DeadlineMissed", (long) OVERDUE, "AppealWindowOpened", (long) OVERDUE, "DeadlineVeryOverdue", (long) OVERDUE,
                "AppealWindowClosed", (long) OVERDUE, "DeadlineApproaching", (long) REMINDED));
        long total = expected.values().stream().mapToLong(Long::longValue).sum();
        KafkaEvents.awaitRecords(Topics.DEADLINE_EVENTS, this::ours, (int) total, Duration.ofSeconds(90));

        // Both sweep on for a while, then one restarts and sweeps again: still once each.
        Thread.sleep(4000);
        stop(instances.get(0).process());
        instances.set(0, start("a2"));
        awaitReady(1);
        Thread.sleep(4000);

        List<ConsumerRecord<String, String>> records = KafkaEvents.awaitRecords(Topics.DEADLINE_EVENTS, this::ours,
                (int) total, Duration.ofSeconds(30));
        Map<String, Long> byType = records.stream()
                .collect(Collectors.groupingBy(record -> EventCodec.read(record.value()).type(), TreeMap::new, Collectors.counting()));
        assertThat(byType).isEqualTo(expected);
        Map<String, Long> perClockAndType = records.stream()
                .collect(Collectors.groupingBy(record -> record.key() + " " + EventCodec.read(record.value()).type(),
                        Collectors.counting()));
        assertThat(perClockAndType.values()).as("each event once per clock").containsOnly(1L);
        assertThat(sweptBy()).as("both instances swept").containsExactlyInAnyOrder("a", "b");
    }

    private boolean ours(ConsumerRecord<String, String> record) {
        return ids.contains(record.key());
    }

    private void file(Instant filedAt, boolean imported) {
        UUID id = UUID.randomUUID();
        ids.add(id.toString());
        Events.send(id, Events.filed("AIP-2026-" + (900000 + ids.size()), "OBRAS", filedAt, imported));
    }

    /** The instances whose log says they swept something. */
    private List<String> sweptBy() throws IOException {
        List<String> swept = new ArrayList<>();
        for (String name : List.of("a", "b")) {
            if (Files.readString(log(name)).contains("Sweep: ")) {
                swept.add(name);
            }
        }
        return swept;
    }

    /** The calendar entries the instances migrated into the database (Rosario's seeded bridge days). */
    private List<org.acceso.deadline.domain.CalendarEntry> entries() throws java.sql.SQLException {
        List<org.acceso.deadline.domain.CalendarEntry> entries = new ArrayList<>();
        try (var connection = postgres.getPostgresDatabase().getConnection();
             var rows = connection.createStatement().executeQuery("SELECT kind, starts_on, ends_on, instrument, description "
                     + "FROM calendar_entry WHERE calendar = 'rosario' AND deleted_at IS NULL")) {
            while (rows.next()) {
                entries.add(new org.acceso.deadline.domain.CalendarEntry(
                        org.acceso.deadline.domain.EntryKind.valueOf(rows.getString(1)), rows.getObject(2, LocalDate.class),
                        rows.getObject(3, LocalDate.class), rows.getString(4), rows.getString(5)));
            }
        }
        assertThat(entries).isNotEmpty();
        return entries;
    }

    private record Instance(String name, Process process, int port) {
    }

    private Instance start(String name) throws IOException {
        int port = KafkaResource.freePort();
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "-Dquarkus.datasource.username=postgres",
                "-Dquarkus.datasource.password=postgres",
                "-Dkafka.bootstrap.servers=" + KafkaResource.bootstrapServers(),
                "-Dquarkus.oidc.tenant-enabled=false",
                "-Ddeadline.sweep.every=1s",
                "-Ddeadline.sweep.delay=0s",
                "-Ddeadline.sweep.batch-size=3",
                "-Ddeadline.sweep.max-batches=1",
                "-Dquarkus.log.category.\"org.apache.kafka\".level=WARN",
                "-jar", JAR.toString());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log(name).toFile())
                .start();
        return new Instance(name, process, port);
    }

    private static Path log(String name) {
        return Path.of("target", "two-instances-" + name + ".log");
    }

    private void awaitReady(int count) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        for (Instance instance : instances.subList(instances.size() - count, instances.size())) {
            while (!ready(instance.port())) {
                assertThat(instance.process().isAlive()).as("instance %s alive (see %s)", instance.name(), log(instance.name()))
                        .isTrue();
                assertThat(System.nanoTime()).as("instance %s ready within 120 s", instance.name()).isLessThan(deadline);
                Thread.sleep(500);
            }
        }
    }

    private static boolean ready(int port) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/q/health/ready")
                    .toURL().openConnection();
            connection.setConnectTimeout(1000);
            connection.setReadTimeout(2000);
            return connection.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
