package org.acceso.eventing;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Makes the topics a service lists in {@code acceso.compacted-topics} compacted (the latest record of each key is kept
 * forever, so a new consumer reading from the start learns the current state), and gives those it lists in
 * {@code acceso.topic-retention} ({@code topic=ISO-8601 duration}, e.g. {@code request-events=P7D}) that
 * {@code retention.ms}, for topics that carry personal data (docs/privacy.md): creates each, or sets its configuration if
 * the broker auto-created it first. Runs in the background at start and retries while the broker is away, so the
 * service starts whatever Kafka does. A service that lists none does nothing here.
 */
@ApplicationScoped
public class CompactedTopics {

    private static final Logger LOG = Logger.getLogger(CompactedTopics.class);
    private static final int ATTEMPTS = 40;

    private final String bootstrapServers;
    private final Map<String, Map<String, String>> topics = new LinkedHashMap<>();
    private ScheduledExecutorService executor;

    public CompactedTopics(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                           @ConfigProperty(name = "acceso.compacted-topics") Optional<List<String>> compacted,
                           @ConfigProperty(name = "acceso.topic-retention") Optional<List<String>> retention) {
        this.bootstrapServers = bootstrapServers;
        compacted.orElse(List.of()).forEach(topic -> this.topics.put(topic,
                Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        for (String entry : retention.orElse(List.of())) {
            String[] topicAndDuration = entry.split("=", 2);
            if (topicAndDuration.length != 2) {
                throw new IllegalArgumentException("acceso.topic-retention lists topic=duration (request-events=P7D), not " + entry);
            }
            this.topics.put(topicAndDuration[0].strip(), Map.of(TopicConfig.RETENTION_MS_CONFIG,
                    Long.toString(Duration.parse(topicAndDuration[1].strip()).toMillis())));
        }
    }

    void onStart(@Observes StartupEvent start) {
        if (topics.isEmpty()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "compacted-topics"));
        executor.execute(() -> ensure(1));
    }

    private void ensure(int attempt) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000))) {
            for (Map.Entry<String, Map<String, String>> topic : topics.entrySet()) {
                configure(admin, topic.getKey(), topic.getValue());
            }
            executor.shutdown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException e) {
            if (attempt >= ATTEMPTS) {
                LOG.errorf("Could not set up %s after %d attempts: %s", topics.keySet(), attempt, e.getMessage());
                executor.shutdown();
                return;
            }
            LOG.warnf("Kafka not ready to set up %s (attempt %d): %s", topics.keySet(), attempt, e.getMessage());
            executor.schedule(() -> ensure(attempt + 1), 15, TimeUnit.SECONDS);
        }
    }

    private static void configure(Admin admin, String name, Map<String, String> configs)
            throws InterruptedException, ExecutionException {
        try {
            admin.createTopics(List.of(new NewTopic(name, Optional.empty(), Optional.empty()).configs(configs))).all().get();
            LOG.infof("Created the topic %s with %s", name, configs);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, name);
            admin.incrementalAlterConfigs(Map.of(topic, configs.entrySet().stream()
                    .map(config -> new AlterConfigOp(new ConfigEntry(config.getKey(), config.getValue()),
                            AlterConfigOp.OpType.SET))
                    .toList())).all().get();
        }
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
