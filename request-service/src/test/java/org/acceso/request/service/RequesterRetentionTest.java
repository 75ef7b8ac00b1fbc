package org.acceso.request.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.acceso.contracts.Envelope;
import org.acceso.contracts.EventCodec;
import org.acceso.contracts.RequestEvent;
import org.acceso.contracts.RequesterAnonymised;
import org.acceso.contracts.Topics;
import org.acceso.testsupport.KafkaEvents;
import org.acceso.testsupport.PersonalDataScan;
import org.acceso.testsupport.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.acceso.request.Fixture.CARLA;
import static org.acceso.request.Fixture.ELENA;
import static org.acceso.request.Fixture.EVENTUALLY;
import static org.acceso.request.Fixture.as;
import static org.acceso.request.Fixture.get;
import static org.acceso.request.Fixture.post;
import static org.acceso.testsupport.ContractAssertions.assertMatchesContract;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Law 25.326: with a retention of zero, the job replaces the requester's personal data of every closed request with a
 * stable pseudonym, in every table of this database (the request, its history, its outbox rows), announces each with
 * RequesterAnonymised, and leaves open requests alone.
 */
@QuarkusTest
@TestProfile(RequesterRetentionTest.ZeroRetention.class)
class RequesterRetentionTest {

    public static class ZeroRetention implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("acceso.retention.requester-data", "PT0S", "request.retention.batch-size", "2");
        }
    }

    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final String NAME = "Rita Olvido" + RUN;
    private static final String EMAIL = "rita." + RUN + "@example.org";
    private static final String SUBJECT = "rita-" + RUN;
    private static final String RITA = TestTokens.token(SUBJECT, EMAIL, Map.of("name", NAME), "resident");
    private static final String DESK_NAME = "Rosa Borrada" + RUN;
    private static final String DESK_EMAIL = "rosa." + RUN + "@example.org";
    private static final String DESK_ADDRESS = "Calle Olvidada " + RUN + ", Rosario";
    private static final String DESK_PHONE = "+54 341 " + RUN.replaceAll("\\D", "7").substring(0, 3) + "-4455";
    private static final String DESK_DOCUMENT = "31." + RUN.replaceAll("\\D", "8").substring(0, 3) + ".777";

    @Inject
    RequesterRetention retention;

    @Inject
    AgroalDataSource db;

    @Test
    void shouldLeaveNoRequesterDataOfClosedRequestsAndAnnounceEachWithAStablePseudonym() throws Exception {
        String granted = fileAsRita("Presupuesto de alumbrado");
        answerGranted(granted);
        String withdrawn = fileAsRita("Informe de poda, firmado por " + NAME);
        as(RITA).body(Map.of("reason", "Ya no la necesito.")).post("/requests/" + withdrawn + "/withdrawal")
                .then().statusCode(200);
        String registered = registerAtTheDesk();
        answerGranted(registered);
        String open = fileAsRita("Contratos de bacheo");
        List<String> data = List.of(NAME, EMAIL, SUBJECT, DESK_NAME, DESK_EMAIL, DESK_ADDRESS, DESK_PHONE, DESK_DOCUMENT);
        assertThat(scan(data)).as("before").anyMatch(hit -> hit.startsWith("information_request.requester_name"))
                .anyMatch(hit -> hit.startsWith("outbox_message.payload"))
                .anyMatch(hit -> hit.startsWith("request_history.actor"));

        int anonymised = 0;
        for (int batch = retention.anonymiseBatch(); batch > 0; batch = retention.anonymiseBatch()) {
            anonymised += batch;
        }

        assertThat(anonymised).isGreaterThanOrEqualTo(3);
        assertThat(retention.anonymiseBatch()).as("a second run finds nothing left").isZero();
        // the open request keeps its requester; remove it and nothing of theirs is left anywhere in the database
        get(ELENA, open).then().statusCode(200).body("requesterName", equalTo(NAME));
        deleteOpenRequest(open);
        assertThat(scan(data)).as("after").isEmpty();

        String ritasPseudonym = get(ELENA, granted).then().statusCode(200).body("contactEmail", nullValue())
                .extract().path("requesterName");
        assertThat(ritasPseudonym).matches("anon-[0-9a-f]{16}");
        get(ELENA, withdrawn).then().body("requesterName", equalTo(ritasPseudonym))
                .body("subject", equalTo("Informe de poda, firmado por " + ritasPseudonym));
        get(ELENA, registered).then().body("requesterName", org.hamcrest.Matchers.not(equalTo(ritasPseudonym)))
                .body("requesterPostalAddress", nullValue()).body("requesterPhone", nullValue())
                .body("requesterDocumentNumber", nullValue());
        given().auth().oauth2(RITA).get("/requests/" + granted).then().statusCode(404);

        RequesterAnonymised event = anonymised(granted);
        assertThat(event.pseudonym()).isEqualTo(ritasPseudonym);
        assertThat(event.trackingNumber()).isEqualTo(get(ELENA, granted).then().extract().path("trackingNumber"));
        assertThat(event.agencyCode()).isEqualTo("OBRAS");
        assertThat(anonymised(withdrawn).pseudonym()).isEqualTo(ritasPseudonym);
    }

    @Test
    void shouldKeepRequestEventsOnKafkaNoLongerThanTheirRetention() {
        await().atMost(EVENTUALLY).until(() -> Long.toString(Duration.ofDays(7).toMillis())
                .equals(KafkaEvents.topicConfig(Topics.REQUEST_EVENTS, TopicConfig.RETENTION_MS_CONFIG)));
    }

    private static String fileAsRita(String subject) {
        return as(RITA).body(Map.of("subject", subject, "description", "Lo pide " + NAME + " (" + EMAIL + ").",
                "agencyCode", "OBRAS")).post("/requests").then().statusCode(201).extract().path("id");
    }

    private static String registerAtTheDesk() {
        Map<String, Object> body = new HashMap<>();
        body.put("subject", "Expedientes de obra");
        body.put("description", "Copia de los expedientes de obra de calle Olvidada.");
        body.put("channel", "IN_PERSON");
        body.put("agencyCode", "OBRAS");
        body.put("requester", Map.of("name", DESK_NAME, "email", DESK_EMAIL, "postalAddress", DESK_ADDRESS,
                "phone", DESK_PHONE, "documentNumber", DESK_DOCUMENT));
        return as(CARLA).body(body).post("/requests").then().statusCode(201).extract().path("id");
    }

    private static void answerGranted(String id) {
        post(ELENA, id, "/assignment", Map.of("agencyCode", "OBRAS")).then().statusCode(200);
        post(CARLA, id, "/answer", Map.of("outcome", "GRANTED", "text", "Se adjunta lo pedido.")).then().statusCode(200);
    }

    private static RequesterAnonymised anonymised(String id) {
        List<ConsumerRecord<String, String>> records = KafkaEvents.awaitRecords(Topics.REQUEST_EVENTS,
                record -> id.equals(record.key()) && record.value().contains("\"RequesterAnonymised\""), 1, EVENTUALLY);
        assertMatchesContract(records.get(0).value());
        Envelope envelope = EventCodec.read(records.get(0).value());
        assertThat(records.get(0).value()).doesNotContain(NAME, EMAIL, DESK_NAME, DESK_EMAIL);
        return (RequesterAnonymised) EventCodec.decode(envelope, RequestEvent.class).orElseThrow();
    }

    private List<String> scan(List<String> data) throws Exception {
        try (Connection connection = db.getConnection()) {
            return PersonalDataScan.find(connection, data);
        }
    }

    /** Rows of the still-open request (which rightly keeps its requester's data) leave the scan's way. */
    private void deleteOpenRequest(String id) throws Exception {
        try (Connection connection = db.getConnection()) {
            for (String sql : List.of("DELETE FROM filing_idempotency_key WHERE request_id = ?::uuid",
                    "DELETE FROM request_history WHERE request_id = ?::uuid",
                    "DELETE FROM outbox_message WHERE message_key = ?",
                    "DELETE FROM information_request WHERE id = ?::uuid")) {
                try (var statement = connection.prepareStatement(sql)) {
                    statement.setString(1, id);
                    statement.executeUpdate();
                }
            }
        }
    }
}
