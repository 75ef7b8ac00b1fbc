package org.acceso.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

import java.util.Map;

/**
 * A real Kafka broker (KRaft, one node) running inside the test JVM, bound to 127.0.0.1 on a free
 * port. Tests of the outbox stop and restart it on the same port to simulate an outage.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedKafkaBroker broker;
    private static int port;

    @Override
    public Map<String, String> start() {
        port = freePort();
        startBroker();
        return Map.of("kafka.bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        stopBroker();
    }

    public static String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public static synchronized void startBroker() {
        if (broker == null) {
            broker = newBroker(port);
        }
    }

    public static synchronized void stopBroker() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    /** Starts a broker on the given port and returns it; the caller closes it. */
    public static EmbeddedKafkaBroker newBroker(int port) {
        return new EmbeddedKafkaBroker()
                .withKafkaHost("127.0.0.1")
                .withKafkaPort(port)
                .withControllerPort(freePort())
                .withDeleteLogDirsOnClose(true)
                .withAdditionalProperties(p -> {
                    p.put("offsets.topic.replication.factor", "1");
                    p.put("group.initial.rebalance.delay.ms", "0");
                    p.put("auto.create.topics.enable", "true");
                })
                .start();
    }

    /** A free port for a server started later; see {@link FreePorts}. */
    public static int freePort() {
        return FreePorts.next();
    }
}
