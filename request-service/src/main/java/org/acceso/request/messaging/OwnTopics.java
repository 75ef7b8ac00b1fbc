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

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Makes {@link Topics#AGENCY_EVENTS} a compacted topic (the latest record of each agency is kept forever, so a new
 * consumer reading from the start learns the whole catalogue). Creates it, or turns compaction on if the broker
 * auto-created it first. Runs in the background at start and retries while the broker is away, so the service
 * starts (and files requests) whatever Kafka does.
 */
@ApplicationScoped
public class AgencyTopic {

    private static final Logger LOG = Logger.getLogger(AgencyTopic.class);
    private static final int ATTEMPTS = 40;

    private final String bootstrapServers;
    private final boolean enabled;
    private ScheduledExecutorService executor;

    public AgencyTopic(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                       @ConfigProperty(name = "request.agency-topic.manage", defaultValue = "true") boolean enabled) {
        this.bootstrapServers = bootstrapServers;
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent start) {
        if (!enabled) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "agency-topic"));
        executor.execute(() -> ensure(1));
    }

    private void ensure(int attempt) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000))) {
            try {
                admin.createTopics(List.of(new NewTopic(Topics.AGENCY_EVENTS, Optional.empty(), Optional.empty())
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)))).all().get();
                LOG.infof("Created the compacted topic %s", Topics.AGENCY_EVENTS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.AGENCY_EVENTS);
                admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(
                        new ConfigEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT),
                        AlterConfigOp.OpType.SET)))).all().get();
            }
            executor.shutdown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException e) {
            if (attempt >= ATTEMPTS) {
                LOG.errorf("Could not make %s compacted after %d attempts: %s", Topics.AGENCY_EVENTS, attempt, e.getMessage());
                executor.shutdown();
                return;
            }
            LOG.warnf("Kafka not ready to set up %s (attempt %d): %s", Topics.AGENCY_EVENTS, attempt, e.getMessage());
            executor.schedule(() -> ensure(attempt + 1), 15, TimeUnit.SECONDS);
        }
    }

    void onStop(@Observes io.quarkus.runtime.ShutdownEvent stop) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
