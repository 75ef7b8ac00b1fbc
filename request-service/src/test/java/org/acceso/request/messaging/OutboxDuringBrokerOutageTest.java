package org.acceso.request.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.acceso.contracts.EventCodec;
import org.acceso.contracts.Topics;
import org.acceso.testsupport.KafkaEvents;
import org.acceso.testsupport.KafkaResource;
import org.acceso.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class OutboxDuringBrokerOutageTest {

    static final String ANA = TestTokens.resident("ana-sub", "ana@example.org");

    @Inject
    EntityManager em;

    @AfterEach
    void brokerBack() {
        KafkaResource.startBroker();
    }

    @Test
    void shouldAcceptFilingWhileKafkaIsDownAndPublishOnceItIsBack() {
        KafkaResource.stopBroker();

        String id = given().auth().oauth2(ANA).contentType(ContentType.JSON)
                .body(Map.of("subject", "Subsidios al transporte", "description", "Montos mensuales 2025."))
                .post("/requests").then().statusCode(201).extract().path("id");

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> unsentFor(id) == 1);

        KafkaResource.startBroker();

        var records = KafkaEvents.awaitRecords(Topics.REQUEST_EVENTS, id, 1, Duration.ofSeconds(60));
        assertThat(EventCodec.read(records.get(0).value()).type()).isEqualTo("RequestFiled");
        await().atMost(Duration.ofSeconds(60)).until(() -> unsentFor(id) == 0);
    }

    long unsentFor(String requestId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("SELECT count(*) FROM outbox_message WHERE message_key = ?1 AND sent_at IS NULL")
                .setParameter(1, requestId).getSingleResult()).longValue());
    }
}
