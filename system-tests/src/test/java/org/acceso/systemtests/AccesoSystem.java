package org.acceso.systemtests;

import com.icegreen.greenmail.util.GreenMail;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.acceso.testsupport.GreenMailResource;
import org.acceso.testsupport.KafkaResource;
import org.acceso.testsupport.PostgresResource;
import org.jboss.logmanager.LogContext;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole Acceso system on this machine, as in production but on free ports of 127.0.0.1: Keycloak, the four
 * services as separate {@code java -jar} processes, and, inside the test JVM, PostgreSQL (one database and user
 * per service), a Kafka broker and an SMTP catcher.
 * <p>
 * Keycloak is the slowest part, so it is launched first and the rest starts while it boots. Everything is stopped
 * by {@link #close()}, which the test calls in {@code @AfterAll} and a JVM shutdown hook calls if the run is killed.
 */
final class AccesoSystem implements AutoCloseable {

    static final String DB_PASSWORD = "acceso";
    static final String GATEWAY_CLIENT_SECRET = "acceso-gateway-secret";
    static final String MAIL_FROM_ADDRESS = "no-reply@acceso.example.org";
    static final String MAIL_FROM = "Acceso <" + MAIL_FROM_ADDRESS + ">";

    private static final Duration KEYCLOAK_READY = Duration.ofMinutes(4);
    private static final Duration SERVICES_READY = Duration.ofMinutes(2);

    /** The four services: Maven module, database (user of the same name), and the gateway variable naming it. */
    enum Service {
        REQUEST("request-service", "acceso_request", "GATEWAY_SERVICES_REQUEST"),
        DEADLINE("deadline-service", "acceso_deadline", "GATEWAY_SERVICES_DEADLINE"),
        NOTIFICATION("notification-service", "acceso_notification", "GATEWAY_SERVICES_NOTIFICATION"),
        GATEWAY("gateway", null, null);

        final String module;
        final String database;
        final String gatewayVariable;

        Service(String module, String database, String gatewayVariable) {
            this.module = module;
            this.database = database;
            this.gatewayVariable = gatewayVariable;
        }
    }

    private final SystemTestSettings settings;
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final Map<String, Long> timings = new LinkedHashMap<>();
    private final Map<Service, Integer> ports = new EnumMap<>(Service.class);
    private final Map<Service, ManagedProcess> services = new EnumMap<>(Service.class);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread shutdownHook = new Thread(this::close, "acceso-system-tests-shutdown");

    private KeycloakServer keycloak;
    private GreenMail greenMail;

    private AccesoSystem(SystemTestSettings settings) {
        this.settings = settings;
    }

    /** Starts everything and waits until each part answers; on any failure stops what did start. */
    static AccesoSystem start(SystemTestSettings settings) {
        AccesoSystem system = new AccesoSystem(settings);
        Runtime.getRuntime().addShutdownHook(system.shutdownHook);
        try {
            system.startAll();
            return system;
        } catch (RuntimeException | Error e) {
            system.close();
            throw e;
        }
    }

    private void startAll() {
        long begin = System.nanoTime();
        quietInfrastructureLogs();
        checkPrerequisites();

        long keycloakBegin = System.nanoTime();
        keycloak = KeycloakServer.start(settings.keycloakZip(), settings.keycloakHome(), settings.realmFile(),
                KafkaResource.freePort(), settings.logsDir().resolve("keycloak.log"));
        running.push(keycloak);
        timings.put("Keycloak cache ready (unpacks on the first run only)", millisSince(keycloakBegin));

        // while Keycloak boots
        Map<Service, Path> jars = snapshotJars();
        long infraBegin = System.nanoTime();
        EmbeddedPostgres postgres = PostgresResource.startEmbedded();
        running.push(postgres);
        createDatabases(postgres);
        EmbeddedKafkaBroker kafka = KafkaResource.newBroker(KafkaResource.freePort());
        running.push(kafka);
        greenMail = GreenMailResource.startEmbedded();
        running.push(greenMail::stop);
        timings.put("PostgreSQL + Kafka + GreenMail (in the test JVM)", millisSince(infraBegin));

        timings.put("Keycloak (launch to realm ready)", keycloak.awaitReady(KEYCLOAK_READY));

        // the services validate tokens against Keycloak from the start, so they come after it
        startServices(jars, postgres.getPort(), kafka.getAdvertisedListeners().replaceAll("^[A-Z_]+://", ""));
        timings.put("whole system ready", millisSince(begin));
        System.out.printf("Acceso system up: gateway %s, Keycloak %s, logs in %s%n",
                url(Service.GATEWAY), keycloak.url(), settings.logsDir());
    }

    private void checkPrerequisites() {
        for (Service service : Service.values()) {
            assertThat(settings.serviceJar(service.module))
                    .as("%s is not packaged. Build the services first (the system tests never rebuild them):%n"
                            + "  ./mvnw -B package -DskipTests -pl request-service,deadline-service,notification-service,gateway -am%n"
                            + "Missing jar", service.module)
                    .isRegularFile();
        }
        assertThat(settings.realmFile()).as("the Keycloak realm export").isRegularFile();
        try {
            Files.createDirectories(settings.logsDir());
            for (Service service : Service.values()) {
                Files.deleteIfExists(settings.logsDir().resolve(service.module + ".log"));
            }
            Files.deleteIfExists(settings.logsDir().resolve("keycloak.log"));
        } catch (IOException e) {
            throw new AssertionError("Could not prepare " + settings.logsDir(), e);
        }
    }

    private Map<Service, Path> snapshotJars() {
        long begin = System.nanoTime();
        Map<Service, Path> jars = new EnumMap<>(Service.class);
        for (Service service : Service.values()) {
            jars.put(service, snapshot(service));
        }
        timings.put("snapshot of the four quarkus-app folders", millisSince(begin));
        return jars;
    }

    /** Launches the four services together and waits, within one overall bound, until each is ready. */
    private void startServices(Map<Service, Path> jars, int postgresPort, String kafkaBootstrap) {
        long begin = System.nanoTime();
        for (Service service : Service.values()) {
            ports.put(service, KafkaResource.freePort());
        }
        for (Service service : Service.values()) {
            if (closed.get()) {
                throw new IllegalStateException("The system was stopped while it was starting");
            }
            services.put(service, ManagedProcess.start(service.module,
                    // C1 only and the serial collector: four JVMs start on two cores in half the time
                    List.of(javaExecutable(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                            "-jar", jars.get(service).toString()),
                    environment(service, postgresPort, kafkaBootstrap, greenMail.getSmtp().getPort()),
                    settings.workDir().resolve(service.module),
                    settings.logsDir().resolve(service.module + ".log")));
        }
        for (Service service : Service.values()) {
            long remaining = Math.max(SERVICES_READY.toMillis() - millisSince(begin), 1_000);
            services.get(service).awaitHttpOk(URI.create(url(service) + "/q/health/ready"), Duration.ofMillis(remaining),
                    body -> true);
        }
        timings.put("four services (launch to all ready)", millisSince(begin));
    }

    /**
     * Links (or copies) {@code <service>/target/quarkus-app} into this module's work folder and returns the
     * {@code quarkus-run.jar} there, so a rebuild of the service while the test runs cannot pull jars from under the
     * running process.
     */
    private Path snapshot(Service service) {
        Path source = settings.serviceJar(service.module).getParent();
        Path target = settings.workDir().resolve(service.module).resolve("quarkus-app");
        try {
            if (Files.exists(target)) {
                deleteTree(target);
            }
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path copy = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else {
                        linkOrCopy(file, copy);
                    }
                }
            }
        } catch (IOException e) {
            throw new AssertionError("Could not take a snapshot of " + source + " into " + target, e);
        }
        return target.resolve("quarkus-run.jar");
    }

    private static void linkOrCopy(Path file, Path copy) throws IOException {
        try {
            Files.createLink(copy, file); // a rebuild writes new files, so the link keeps the old content
        } catch (IOException | UnsupportedOperationException otherFileSystem) {
            Files.copy(file, copy);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The environment of docs/runtime-contract.md for one service. */
    private Map<String, String> environment(Service service, int postgresPort, String kafkaBootstrap, int smtpPort) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(ports.get(service)));
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(KafkaResource.freePort())); // only used if a service enables it
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloak.issuer());
        if (service.database != null) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + postgresPort + "/" + service.database);
            env.put("QUARKUS_DATASOURCE_USERNAME", service.database);
            env.put("QUARKUS_DATASOURCE_PASSWORD", DB_PASSWORD);
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);
        }
        if (service == Service.DEADLINE) {
            env.put("DEADLINE_SWEEP_EVERY", "2s"); // journeys wait for a missed deadline to be noticed
        }
        if (service == Service.NOTIFICATION) {
            env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
            env.put("QUARKUS_MAILER_PORT", String.valueOf(smtpPort));
            env.put("QUARKUS_MAILER_FROM", MAIL_FROM);
        }
        if (service == Service.GATEWAY) {
            for (Service target : Service.values()) {
                if (target.gatewayVariable != null) {
                    env.put(target.gatewayVariable, url(target));
                }
            }
            env.put("ACCESO_GATEWAY_SECRET", GATEWAY_CLIENT_SECRET);
            // the journeys file more than a resident's daily quota (20) as ana; the quota itself is the gateway's own test
            env.put("GATEWAY_QUOTAS_FILINGS_REQUESTS", "500");
        }
        return env;
    }

    /**
     * The broker, PostgreSQL and GreenMail log through SLF4J into this JVM's JBoss LogManager at INFO, which buries
     * the test output; keep their warnings only. (Their own servers' logs are the ones in target/logs.)
     */
    private static void quietInfrastructureLogs() {
        LogContext logs = LogContext.getLogContext();
        Map.of("org.apache.kafka", Level.WARNING,
                "kafka", Level.WARNING,
                "state.change.logger", Level.WARNING,
                "org.apache.kafka.coordinator", Level.OFF, // "EventProcessor is closed" noise when the broker stops
                "org.apache.kafka.clients.NetworkClient", Level.SEVERE,
                "io.zonky", Level.WARNING,
                "com.icegreen", Level.WARNING)
                .forEach((category, level) -> logs.getLogger(category).setLevel(level));
    }

    private static void createDatabases(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            for (Service service : Service.values()) {
                if (service.database != null) {
                    statement.execute("CREATE ROLE " + service.database + " LOGIN PASSWORD '" + DB_PASSWORD + "'");
                    statement.execute("CREATE DATABASE " + service.database + " OWNER " + service.database);
                }
            }
        } catch (SQLException e) {
            throw new AssertionError("Could not create the services' databases", e);
        }
    }

    String gatewayUrl() {
        return url(Service.GATEWAY);
    }

    String url(Service service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    KeycloakServer keycloak() {
        return keycloak;
    }

    Mailbox mailbox() {
        return new Mailbox(greenMail);
    }

    /** The tails of every server log, for an assertion message when a step of the journey fails. */
    String logTails() {
        return services.values().stream().map(ManagedProcess::tailForMessage).collect(Collectors.joining("\n"));
    }

    /** The log file of a service's process (for journeys that look for a correlation id in every log). */
    Path logOf(Service service) {
        return settings.logsDir().resolve(service.module + ".log");
    }

    void recordTiming(String what, long millis) {
        timings.put(what, millis);
    }

    String timingSummary() {
        return timings.entrySet().stream()
                .map(entry -> String.format("  %-52s %7d ms", entry.getKey(), entry.getValue()))
                .collect(Collectors.joining("\n", "System test timings:\n", ""));
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long begin = System.nanoTime();
        // the servers' processes all at once (they stop in parallel), then what runs in this JVM, newest first
        List<ManagedProcess> processes = new ArrayList<>(services.values());
        if (keycloak != null) {
            processes.add(keycloak.process());
        }
        ManagedProcess.closeAll(processes);
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                System.err.println("While stopping the system: " + e);
            }
        }
        timings.put("stop everything", millisSince(begin));
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // called from the hook itself
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static long millisSince(long nanoTime) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
    }
}
