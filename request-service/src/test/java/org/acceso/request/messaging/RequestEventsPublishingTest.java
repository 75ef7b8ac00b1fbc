package org.acceso.request.messaging;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.acceso.contracts.Envelope;
import org.acceso.contracts.EventCodec;
import org.acceso.contracts.RequestFiled;
import org.acceso.contracts.Topics;
import org.acceso.testsupport.KafkaEvents;
import org.acceso.testsupport.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.acceso.testsupport.ContractAssertions.assertMatchesContract;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class RequestEventsPublishingTest {

    static final String ANA = TestTokens.resident("ana-sub", "ana@example.org");

    @Test
    void shouldPublishRequestFiledKeyedByTheRequestId() {
        var filed = given().auth().oauth2(ANA).contentType(ContentType.JSON)
                .body(Map.of("subject", "Horas extra del personal", "description", "Por área, 2025.", "agencyCode", "OBRAS"))
                .post("/requests").then().statusCode(201).extract();
        String id = filed.path("id");

        ConsumerRecord<String, String> record = KafkaEvents.awaitRecords(Topics.REQUEST_EVENTS, id, 1, Duration.ofSeconds(60)).get(0);

        assertMatchesContract(record.value());
        Envelope envelope = EventCodec.read(record.value());
        assertThat(envelope.type()).isEqualTo("RequestFiled");
        assertThat(envelope.requestId().toString()).isEqualTo(id);
        RequestFiled event = EventCodec.payload(envelope, RequestFiled.class).orElseThrow();
        assertThat(event.trackingNumber()).isEqualTo(filed.<String>path("trackingNumber"));
        assertThat(event.subject()).isEqualTo("Horas extra del personal");
        assertThat(event.agencyCode()).isEqualTo("OBRAS");
        assertThat(event.language()).isEqualTo("es");
        assertThat(event.requester().email()).isEqualTo("ana@example.org");
        assertThat(event.requester().name()).isEqualTo("Test ana-sub");
        assertThat(new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8)).isEqualTo("RequestFiled");
        assertThat(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8))
                .isEqualTo(envelope.eventId().toString());
    }
}
