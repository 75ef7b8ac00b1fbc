package org.acceso.notification.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.acceso.contracts.EventCodec;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import java.util.function.BiConsumer;

/**
 * The consumers' failure strategy ({@code failure-strategy=dead-letter-unless-stopping}): the dead-letter topic,
 * as usual, except for an event that failed because this instance is stopping (its database pool closed under a
 * running transaction). Such an event is left unacknowledged, so its offset is never committed and the broker
 * gives it again to the instance that takes the partition, or to this one after its restart. Only a message that
 * is not an event (or an event that cannot be read) is dead-lettered whatever happens.
 */
@ApplicationScoped
@Identifier(DeadLetterUnlessStopping.NAME)
public class DeadLetterUnlessStopping implements KafkaFailureHandler.Factory {

    public static final String NAME = "dead-letter-unless-stopping";

    private static final Logger LOG = Logger.getLogger(DeadLetterUnlessStopping.class);

    private static volatile boolean stopping;

    private final KafkaFailureHandler.Factory deadLetterQueue;

    public DeadLetterUnlessStopping(@Identifier(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE) KafkaFailureHandler.Factory deadLetterQueue) {
        this.deadLetterQueue = deadLetterQueue;
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx, KafkaConsumer<?, ?> consumer,
                                      BiConsumer<Throwable, Boolean> reportFailure) {
        KafkaFailureHandler deadLetter = deadLetterQueue.create(config, vertx, consumer, reportFailure);
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                if (stopping && !isPoison(reason)) {
                    LOG.infof("%s offset %d failed while stopping; left unacknowledged for redelivery: %s",
                            record.getTopic(), record.getOffset(), reason.getMessage());
                    return Uni.createFrom().nothing();
                }
                return deadLetter.handle(record, reason, metadata);
            }

            @Override
            public void terminate() {
                deadLetter.terminate();
            }
        };
    }

    static boolean isPoison(Throwable reason) {
        for (Throwable t = reason; t != null; t = t.getCause()) {
            if (t instanceof EventCodec.MalformedEventException) {
                return true;
            }
        }
        return false;
    }
}
