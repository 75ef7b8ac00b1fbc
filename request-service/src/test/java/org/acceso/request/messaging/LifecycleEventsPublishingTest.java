package org.acceso.request.messaging;

import io.quarkus.test.junit.QuarkusTest;
import org.acceso.contracts.AppealFiled;
import org.acceso.contracts.AppealResolved;
import org.acceso.contracts.ClarificationProvided;
import org.acceso.contracts.ClarificationRequested;
import org.acceso.contracts.Envelope;
import org.acceso.contracts.EventCodec;
import org.acceso.contracts.ExtensionGranted;
import org.acceso.contracts.RequestAnswered;
import org.acceso.contracts.RequestAssigned;
import org.acceso.contracts.RequestEvent;
import org.acceso.contracts.RequestFiled;
import org.acceso.contracts.RequestReferred;
import org.acceso.contracts.RequestWithdrawn;
import org.acceso.contracts.Topics;
import org.acceso.request.Fixture;
import org.acceso.request.Law;
import org.acceso.request.domain.Move;
import org.acceso.testsupport.KafkaEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.acceso.request.Fixture.ANA;
import static org.acceso.request.Fixture.CARLA;
import static org.acceso.request.Fixture.DIEGO;
import static org.acceso.request.Fixture.ELENA;
import static org.acceso.request.Fixture.EVENTUALLY;
import static org.acceso.request.Fixture.as;
import static org.acceso.request.Fixture.post;
import static org.acceso.testsupport.ContractAssertions.assertMatchesContract;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every move publishes its event on request-events, keyed by the request id, in the order the moves were made, each in
 * the shape of its pinned contract example.
 */
@QuarkusTest
class LifecycleEventsPublishingTest {

    static List<RequestEvent> eventsOf(String id, int count) {
        List<ConsumerRecord<String, String>> records = KafkaEvents.awaitRecords(Topics.REQUEST_EVENTS, id, count, EVENTUALLY);
        assertThat(records).hasSize(count);
        return records.stream().map(record -> {
            assertMatchesContract(record.value());
            Envelope envelope = EventCodec.read(record.value());
            assertThat(envelope.requestId().toString()).isEqualTo(id);
            return EventCodec.decode(envelope, RequestEvent.class).orElseThrow();
        }).toList();
    }

    @Test
    void shouldPublishTheWholeJourneyInOrderAsItsContractsSay() {
        String id = Fixture.file(null);
        post(ELENA, id, "/assignment", Map.of("agencyCode", "OBRAS", "clerk", "carla-sub")).then().statusCode(200);
        post(CARLA, id, "/clarification", Map.of("question", "¿De qué año?")).then().statusCode(200);
        post(ANA, id, "/clarification/reply", Map.of("text", "De 2025.")).then().statusCode(200);
        Law.awaitKnown();
        post(CARLA, id, "/extension", Map.of("reason", "Tres direcciones.")).then().statusCode(200);
        post(CARLA, id, "/referral", Map.of("agencyCode", "SALUD", "reason", "Son obras de hospitales.")).then().statusCode(200);
        post(DIEGO, id, "/assignment", Map.of("agencyCode", "SALUD")).then().statusCode(200);
        post(DIEGO, id, "/answer", Map.of("outcome", "PARTIALLY_GRANTED", "text", "Sin los nombres.",
                "grounds", List.of("personal-data"))).then().statusCode(200);
        post(ANA, id, "/appeal", Map.of("reason", "Son funcionarios.")).then().statusCode(200);
        post(ELENA, id, "/appeal/resolution", Map.of("decision", "UPHELD", "text", "Entréguense.")).then().statusCode(200);

        List<RequestEvent> events = eventsOf(id, 10);

        assertThat(events).extracting(EventCodec::typeOf).containsExactly("RequestFiled", "RequestAssigned",
                "ClarificationRequested", "ClarificationProvided", "ExtensionGranted", "RequestReferred", "RequestAssigned",
                "RequestAnswered", "AppealFiled", "AppealResolved");
        RequestFiled filed = (RequestFiled) events.get(0);
        assertThat(filed.imported()).isFalse();
        assertThat(filed.requester().userId()).isEqualTo("ana-sub");
        assertThat(filed.agencyCode()).isNull();
        RequestAssigned routed = (RequestAssigned) events.get(1);
        assertThat(routed.agencyCode()).isEqualTo("OBRAS");
        assertThat(routed.previousAgencyCode()).isNull();
        assertThat(routed.assignee().email()).isEqualTo("carla@example.org");
        assertThat(routed.assignee().language()).isEqualTo("es"); // her locale in Keycloak
        assertThat(((ClarificationRequested) events.get(2)).question()).isEqualTo("¿De qué año?");
        assertThat(((ClarificationProvided) events.get(3)).reply()).isEqualTo("De 2025.");
        assertThat(((ExtensionGranted) events.get(4)).reason()).isEqualTo("Tres direcciones.");
        RequestReferred referred = (RequestReferred) events.get(5);
        assertThat(referred.fromAgencyCode()).isEqualTo("OBRAS");
        assertThat(referred.agencyCode()).isEqualTo("SALUD");
        assertThat(referred.trackingNumber()).isEqualTo(filed.trackingNumber());
        RequestAssigned taken = (RequestAssigned) events.get(6);
        assertThat(taken.previousAgencyCode()).isEqualTo("SALUD");
        assertThat(taken.assignee().userId()).isEqualTo("diego-sub");
        assertThat(taken.assignee().language()).isEqualTo("en");
        RequestAnswered answered = (RequestAnswered) events.get(7);
        assertThat(answered.outcome()).isEqualTo("PARTIALLY_GRANTED");
        assertThat(answered.grounds()).containsExactly("personal-data");
        assertThat(answered.agencyCode()).isEqualTo("SALUD");
        assertThat(answered.answeredAt()).isNotNull();
        assertThat(((AppealFiled) events.get(8)).against()).isEqualTo("PARTIALLY_GRANTED");
        assertThat(((AppealResolved) events.get(9)).decision()).isEqualTo("UPHELD");
    }

    @Test
    void shouldPublishAWithdrawalAndAReferralOutside() {
        String withdrawn = Fixture.file("OBRAS");
        post(ANA, withdrawn, "/withdrawal", Map.of("reason", "Ya la conseguí.")).then().statusCode(200);
        String referredOut = Fixture.file("OBRAS");
        Fixture.make(Move.ASSIGN, referredOut).then().statusCode(200);
        Fixture.make(Move.REFER_OUT, referredOut).then().statusCode(200);

        RequestWithdrawn withdrawal = (RequestWithdrawn) eventsOf(withdrawn, 2).get(1);
        RequestReferred pointer = (RequestReferred) eventsOf(referredOut, 3).get(2);

        assertThat(withdrawal.reason()).isEqualTo("Ya la conseguí.");
        assertThat(withdrawal.agencyCode()).isEqualTo("OBRAS");
        assertThat(pointer.externalBody()).isEqualTo("Gobierno de la Provincia de Santa Fe");
        assertThat(pointer.agencyCode()).isNull();
        assertThat(pointer.fromAgencyCode()).isEqualTo("OBRAS");
    }
}
