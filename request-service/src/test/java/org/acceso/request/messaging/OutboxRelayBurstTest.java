package org.acceso.request.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.acceso.contracts.EventCodec;
import org.acceso.contracts.RequestEvent;
import org.acceso.contracts.RequestWithdrawn;
import org.acceso.contracts.Topics;
import org.acceso.eventing.Outbox;
import org.acceso.testsupport.KafkaEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A burst of outbox rows larger than several relay batches (sent pipelined, acknowledged in order): every row is
 * published once, each key's records in the order their rows were written, and every row is marked sent.
 */
@QuarkusTest
class OutboxRelayBurstTest {

    static final int KEYS = 7;
    static final int ROWS = 350; // three and a half batches of 100

    @Inject
    Outbox outbox;

    @Inject
    EntityManager em;

    @Test
    void shouldPublishABurstOnceEachInTheOrderOfItsRowsPerKey() {
        String burst = "burst-" + UUID.randomUUID();
        List<UUID> keys = new ArrayList<>();
        for (int k = 0; k < KEYS; k++) {
            keys.add(UUID.randomUUID());
        }
        // Several commits, so that runs are asked for while others are sending.
        for (int from = 0; from < ROWS; from += 50) {
            int first = from;
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = first; i < first + 50; i++) {
                    outbox.append(keys.get(i % KEYS), new RequestWithdrawn("AIP-2026-BURST", "OBRAS",
                            burst + " " + i, Instant.parse("2026-11-27T12:00:00Z")));
                }
            });
        }

        List<ConsumerRecord<String, String>> records = KafkaEvents.awaitRecords(Topics.REQUEST_EVENTS,
                r -> r.value().contains(burst), ROWS, Duration.ofSeconds(60));

        assertThat(records).hasSize(ROWS);
        Map<String, List<Integer>> sequencePerKey = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            RequestWithdrawn event = (RequestWithdrawn) EventCodec.decode(EventCodec.read(record.value()),
                    RequestEvent.class).orElseThrow();
            int sequence = Integer.parseInt(event.reason().substring(burst.length() + 1));
            assertThat(keys.get(sequence % KEYS)).as("record %d's key", sequence).hasToString(record.key());
            sequencePerKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(sequence);
        }
        assertThat(sequencePerKey).hasSize(KEYS);
        sequencePerKey.values().forEach(sequences -> assertThat(sequences).isSorted().doesNotHaveDuplicates());
        await().atMost(Duration.ofSeconds(30)).until(() -> unsent(burst) == 0);
    }

    long unsent(String burst) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM outbox_message WHERE sent_at IS NULL AND payload LIKE ?1")
                .setParameter(1, "%" + burst + "%").getSingleResult()).longValue());
    }
}
