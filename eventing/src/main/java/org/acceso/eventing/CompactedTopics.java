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

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Makes the topics a service lists in {@code acceso.compacted-topics} compacted (the latest record of each key is kept
 * forever, so a new consumer reading from the start learns the current state): creates each, or turns compaction on if
 * the broker auto-created it first. Runs in the background at start and retries while the broker is away, so the
 * service starts whatever Kafka does. A service that lists none does nothing here.
 */
@ApplicationScoped
public class CompactedTopics {

    private static final Logger LOG = Logger.getLogger(CompactedTopics.class);
    private static final int ATTEMPTS = 40;

    private final String bootstrapServers;
    private final List<String> topics;
    private ScheduledExecutorService executor;

    public CompactedTopics(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                           @ConfigProperty(name = "acceso.compacted-topics") Optional<List<String>> topics) {
        this.bootstrapServers = bootstrapServers;
        this.topics = topics.orElse(List.of());
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
            for (String topic : topics) {
                compact(admin, topic);
            }
            executor.shutdown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException e) {
            if (attempt >= ATTEMPTS) {
                LOG.errorf("Could not make %s compacted after %d attempts: %s", topics, attempt, e.getMessage());
                executor.shutdown();
                return;
            }
            LOG.warnf("Kafka not ready to set up %s (attempt %d): %s", topics, attempt, e.getMessage());
            executor.schedule(() -> ensure(attempt + 1), 15, TimeUnit.SECONDS);
        }
    }

    private static void compact(Admin admin, String name) throws InterruptedException, ExecutionException {
        try {
            admin.createTopics(List.of(new NewTopic(name, Optional.empty(), Optional.empty())
                    .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))).all().get();
            LOG.infof("Created the compacted topic %s", name);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, name);
            admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(
                    new ConfigEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT),
                    AlterConfigOp.OpType.SET)))).all().get();
        }
    }

    void onStop(@Observes ShutdownEvent stop) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
