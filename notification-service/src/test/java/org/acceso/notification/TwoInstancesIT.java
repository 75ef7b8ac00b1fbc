package org.acceso.notification;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.acceso.contracts.Envelope;
import org.acceso.contracts.Topics;
import org.acceso.notification.support.Mailbox;
import org.acceso.notification.support.Story;
import org.acceso.testsupport.GreenMailResource;
import org.acceso.testsupport.KafkaResource;
import org.acceso.testsupport.PostgresResource;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two notification-service processes (the packaged jar) on one PostgreSQL database, consuming the same topics
 * (three partitions each) from a real Kafka broker and sending to one SMTP server. Each notice goes out once,
 * through redeliveries and while one instance stops and starts again; the day's digest goes out once, though
 * both instances try it at start-up and one of them restarts.
 */
class TwoInstancesIT {

    static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    static final Path LOGS = Path.of("target", "two-instances");
    static final String AUDITOR = "auditor@example.org";
    static final int REQUESTS = 12;

    static EmbeddedPostgres postgres;
    static KafkaResource kafka = new KafkaResource();
    static GreenMailResource mail = new GreenMailResource();
    static Instance first;
    static Instance second;

    /** A running service process and the port it listens on. */
    record Instance(String name, Process process, int port) {
    }

    @BeforeAll
    static void startInfrastructureAndTwoInstances() throws Exception {
        assertThat(JAR).as("the packaged service (mvn package)").exists();
        Files.createDirectories(LOGS);
        postgres = PostgresResource.startEmbedded();
        kafka.start();
        mail.start();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaResource.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(Topics.REQUEST_EVENTS, 3, (short) 1),
                    new NewTopic(Topics.DEADLINE_EVENTS, 3, (short) 1),
                    new NewTopic(Topics.AGENCY_EVENTS, 1, (short) 1),
                    new NewTopic(Topics.STAFF_EVENTS, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        first = start("first");
        second = start("second");
        awaitReady(first);
        awaitReady(second);
    }

    @AfterAll
    static void stopEverything() throws IOException {
        for (Instance instance : new Instance[]{first, second}) {
            if (instance != null) {
                Process process = instance.process();
                process.destroy();
                try {
                    if (!process.waitFor(20, TimeUnit.SECONDS)) {
                        process.destroyForcibly();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        mail.stop();
        kafka.stop();
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void shouldSendEveryNoticeOnceAndTheDigestOncePerDay() throws Exception {
        Story opening = Story.inSpanish();
        List<Story> stories = new ArrayList<>(List.of(opening));
        for (int i = 1; i < REQUESTS; i++) {
            stories.add(opening.anotherOfItsAgency());
        }
        opening.send(opening.agencyUpdated());
        Mailbox.await(AUDITOR, 1); // both instances tried today's digests at start-up; one sent the directorate's

        List<Envelope> sent = new ArrayList<>();
        for (Story story : stories.subList(0, REQUESTS / 2)) {
            sent.addAll(fileAndAssign(story));
        }
        sent.forEach(opening::resend); // everything redelivered once

        stop(first); // its partitions move to the second instance
        for (Story story : stories.subList(REQUESTS / 2, REQUESTS)) {
            fileAndAssign(story);
        }
        first = start("first-again");
        awaitReady(first);

        // a stop, a restart and their rebalances come first: on a loaded machine that alone can take a minute
        Duration afterRebalances = Duration.ofMinutes(3);
        for (Story story : stories) {
            Mailbox.await(story.requesterEmail, 1, afterRebalances);
            Mailbox.await(story.clerkEmail, 1, afterRebalances);
        }
        Mailbox.await(opening.agencyContact, REQUESTS, afterRebalances);
        Duration quiet = Duration.ofSeconds(5);
        Mailbox.assertStays(opening.agencyContact, REQUESTS, quiet);
        for (Story story : stories) {
            assertThat(Mailbox.subjects(story.requesterEmail)).containsExactly("Recibimos su solicitud " + story.trackingNumber);
            assertThat(Mailbox.subjects(story.clerkEmail)).hasSize(1);
        }
        assertThat(Mailbox.subjects(AUDITOR)).hasSize(1).allMatch(s -> s.startsWith("Resumen de cumplimiento del "));
    }

    /** A request filed, its clock started and its assignment: a receipt, and the clerk's and agency's notices. */
    static List<Envelope> fileAndAssign(Story story) {
        return List.of(story.send(story.filed()), story.send(story.scheduled()), story.send(story.assigned()));
    }

    static Instance start(String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        int port = KafkaResource.freePort();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx192m", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "-Dquarkus.datasource.username=postgres",
                "-Dquarkus.datasource.password=postgres",
                "-Dkafka.bootstrap.servers=" + KafkaResource.bootstrapServers(),
                "-Dquarkus.mailer.host=127.0.0.1",
                "-Dquarkus.mailer.port=" + GreenMailResource.greenMail().getSmtp().getPort(),
                "-Dquarkus.oidc.tenant-enabled=false",
                "-Dnotification.recipients.auditors=" + AUDITOR,
                "-Dnotification.digest.hour=0",
                "-Dnotification.digest.check-every=1s",
                "-Dnotification.mail.initial-backoff=PT1S",
                "-Dnotification.mail.max-backoff=PT2S",
                "-jar", JAR.toString()));
        File log = LOGS.resolve(name + ".log").toFile();
        return new Instance(name, new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start(), port);
    }

    static void awaitReady(Instance instance) {
        HttpClient http = HttpClient.newHttpClient();
        URI ready = URI.create("http://127.0.0.1:" + instance.port() + "/q/health/ready");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!instance.process().isAlive()) {
                throw new AssertionError(instance.name() + " exited; see " + LOGS.resolve(instance.name() + ".log"));
            }
            try {
                return http.send(HttpRequest.newBuilder(ready).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (IOException e) {
                return false;
            }
        });
    }

    static void stop(Instance instance) throws InterruptedException {
        instance.process().destroy();
        if (!instance.process().waitFor(30, TimeUnit.SECONDS)) {
            instance.process().destroyForcibly();
            throw new AssertionError(instance.name() + " did not stop within 30 s");
        }
    }
}
