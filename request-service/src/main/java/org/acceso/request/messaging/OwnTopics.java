package org.acceso.request.messaging;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.acceso.contracts.Topics;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sets up the topics this service owns. {@link Topics#AGENCY_EVENTS} is compacted (the latest record of each agency is
 * kept forever, so a new consumer reading from the start learns the whole catalogue). {@link Topics#REQUEST_EVENTS}
 * carries requesters' names and e-mails (RequestFiled), so it keeps a record no longer than
 * {@code request.topics.request-events-retention} ({@code retention.ms}, default 7 days: long enough for a consumer
 * down over a long weekend to catch up, docs/privacy.md). Creates each, or sets its configuration if the broker
 * auto-created it first. Runs in the background at start and retries while the broker is away, so the service
 * starts (and files requests) whatever Kafka does.
 */
@ApplicationScoped
public class OwnTopics {

    private static final Logger LOG = Logger.getLogger(OwnTopics.class);
    private static final int ATTEMPTS = 40;

    private final String bootstrapServers;
    private final boolean enabled;
    private final Map<String, Map<String, String>> topics;
    private ScheduledExecutorService executor;

    public OwnTopics(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                     @ConfigProperty(name = "request.agency-topic.manage", defaultValue = "true") boolean enabled,
                     @ConfigProperty(name = "request.topics.request-events-retention", defaultValue = "P7D")
                     Duration requestEventsRetention) {
        this.bootstrapServers = bootstrapServers;
        this.enabled = enabled;
        this.topics = Map.of(
                Topics.AGENCY_EVENTS, Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT),
                Topics.REQUEST_EVENTS, Map.of(TopicConfig.RETENTION_MS_CONFIG,
                        Long.toString(requestEventsRetention.toMillis())));
    }

    void onStart(@Observes StartupEvent start) {
        if (!enabled) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "own-topics"));
        executor.execute(() -> ensure(1));
    }

    private void ensure(int attempt) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000))) {
            for (Map.Entry<String, Map<String, String>> topic : topics.entrySet()) {
                ensure(admin, topic.getKey(), topic.getValue());
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

    private static void ensure(Admin admin, String name, Map<String, String> configs)
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
                    .map(c -> new AlterConfigOp(new ConfigEntry(c.getKey(), c.getValue()), AlterConfigOp.OpType.SET))
                    .toList())).all().get();
        }
    }

    void onStop(@Observes io.quarkus.runtime.ShutdownEvent stop) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
