package org.acceso.request.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.acceso.contracts.Topics;
import org.acceso.testsupport.KafkaEvents;
import org.acceso.testsupport.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import static io.restassured.RestAssured.given;
import static org.acceso.testsupport.ContractAssertions.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/**
 * One filing followed across HTTP and Kafka: its X-Request-Id and trace reach the record the relay
 * publishes, and a consumer that receives a record carrying them works (and logs) under the same
 * correlation id and trace.
 */
@QuarkusTest
class CorrelationAcrossKafkaTest {

    static final String ANA = TestTokens.resident("ana-cid", "ana@example.org");

    /** What one log line said, and the MDC it was written under. */
    record Line(String message, String correlationId, String traceId) {
    }

    private final List<Line> consumerLines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record instanceof ExtLogRecord ext) {
                consumerLines.add(new Line(ext.getFormattedMessage(), ext.getMdc("correlationId"), ext.getMdc("traceId")));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureConsumerLog() {
        org.jboss.logmanager.Logger.getLogger("org.acceso.eventing.IdempotentConsumer").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        org.jboss.logmanager.Logger.getLogger("org.acceso.eventing.IdempotentConsumer").removeHandler(capture);
    }

    @Test
    void shouldCarryFilingsRequestIdAndTraceIntoKafkaHeadersAndBackIntoConsumersMdc() {
        String correlationId = "web-" + UUID.randomUUID();

        String id = given().auth().oauth2(ANA).header("X-Request-Id", correlationId).contentType(ContentType.JSON)
                .body(Map.of("subject", "Licitaciones de alumbrado", "description", "Pliegos 2025."))
                .post("/requests")
                .then().statusCode(201)
                .header("X-Request-Id", correlationId)
                .extract().path("id");

        ConsumerRecord<String, String> filed = KafkaEvents.awaitRecords(Topics.REQUEST_EVENTS, id, 1, Duration.ofSeconds(60)).get(0);
        assertThat(header(filed, "X-Request-Id")).isEqualTo(correlationId);
        String traceparent = header(filed, "traceparent");
        assertThat(traceparent).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        String traceId = traceparent.split("-")[1];

        // deadline-service's answer, as its relay would send it: the same correlation id and trace
        String eventId = UUID.randomUUID().toString();
        KafkaEvents.send(Topics.DEADLINE_EVENTS, id, example("DeadlineScheduled")
                        .replace("0b6e3f57-2a43-4c1b-8d0e-3c6a1f2b7d44", id)
                        .replace("a3d4e5f6-1b2c-4d3e-8f90-112233445566", eventId),
                Map.of("ce_id", eventId, "ce_type", "DeadlineScheduled", "X-Request-Id", correlationId,
                        "traceparent", "00-" + traceId + "-" + "1a2b3c4d5e6f7081" + "-01"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(consumerLines)
                .filteredOn(line -> line.message().contains("applying DeadlineScheduled " + eventId))
                .singleElement()
                .satisfies(line -> {
                    assertThat(line.correlationId()).isEqualTo(correlationId);
                    assertThat(line.traceId()).isEqualTo(traceId);
                }));
    }

    @Test
    void shouldShowOutboxBacklogAndConsumerMetrics() {
        given().auth().oauth2(ANA).get("/requests/mine").then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("acceso_outbox_backlog "))
                .body(containsString("acceso_outbox_oldest_unsent_age_seconds "))
                .body(containsString("http_server_requests_seconds"))
                .body(containsString("kafka_consumer_fetch_manager_records_lag_max{client_id=\"kafka-consumer-deadline-events\"")));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
