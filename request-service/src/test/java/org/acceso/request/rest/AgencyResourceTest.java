package org.acceso.request.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.acceso.contracts.AgencyUpdated;
import org.acceso.contracts.Envelope;
import org.acceso.contracts.EventCodec;
import org.acceso.contracts.Topics;
import org.acceso.request.KeycloakAdminFake;
import org.acceso.testsupport.KafkaEvents;
import org.acceso.testsupport.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.acceso.request.Fixture.ADMIN;
import static org.acceso.request.Fixture.ANA;
import static org.acceso.request.Fixture.ELENA;
import static org.acceso.request.Fixture.EVENTUALLY;
import static org.acceso.request.Fixture.as;
import static org.acceso.testsupport.ContractAssertions.assertMatchesContract;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The agency catalogue: seeded with Rosario's secretariats, kept by admins, announced on the compacted agency-events
 * topic (key = agency code) in the shape of its contract, and checked when a request is filed.
 */
@QuarkusTest
class AgencyResourceTest {

    @Inject
    AgroalDataSource db;

    static String newCode() {
        return "DIR_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    static Response create(String code, String name, String contact, String backup) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", name, "contactEmail", contact));
        if (backup != null) {
            body.put("backupEmail", backup);
        }
        return as(ADMIN).body(body).post("/agencies");
    }

    /** The agency's records on agency-events, waiting for {@code count}; each matches the AgencyUpdated contract. */
    static List<AgencyUpdated> published(String code, int count) {
        List<ConsumerRecord<String, String>> records = KafkaEvents.awaitRecords(Topics.AGENCY_EVENTS, code, count, EVENTUALLY);
        return records.stream().map(record -> {
            assertMatchesContract(record.value());
            Envelope envelope = EventCodec.read(record.value());
            assertThat(envelope.type()).isEqualTo("AgencyUpdated");
            assertThat(envelope.requestId()).isNull();
            return EventCodec.payload(envelope, AgencyUpdated.class).orElseThrow();
        }).toList();
    }

    @Test
    void shouldServeTheSeededRosarioCatalogue() {
        given().auth().oauth2(ANA).get("/agencies").then().statusCode(200)
                .body("code", hasItems("GENERAL", "GOBIERNO", "HACIENDA", "OBRAS", "SALUD", "AMBIENTE", "MOVILIDAD", "CULTURA"))
                .body("find { it.code == 'OBRAS' }.name", equalTo("Secretaría de Obras Públicas"))
                .body("find { it.code == 'OBRAS' }.contactEmail", equalTo("obras@rosario.example.org"))
                .body("find { it.code == 'OBRAS' }.active", equalTo(true))
                .body("find { it.code == 'SALUD' }.name", equalTo("Secretaría de Salud Pública"))
                .body("find { it.code == 'SALUD' }.active", equalTo(true));
        given().auth().oauth2(ANA).get("/agencies/SALUD").then().statusCode(200)
                .body("code", equalTo("SALUD")).body("backupEmail", equalTo("salud.mesa@rosario.example.org"));
    }

    /**
     * The seeded catalogue is announced like any change: through the outbox, keyed by code, in the contract's shape, and
     * sent. (Read from the outbox, not the topic: a test that stops the broker starts a fresh one, without the records
     * published before it.)
     */
    @Test
    void shouldAnnounceTheSeededCatalogueOnAgencyEvents() throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT payload FROM outbox_message WHERE topic = 'agency-events' AND message_key = 'OBRAS' ORDER BY id LIMIT 1")) {
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).as("an AgencyUpdated row for OBRAS").isTrue();
                assertMatchesContract(r.getString(1));
                AgencyUpdated obras = EventCodec.payload(EventCodec.read(r.getString(1)), AgencyUpdated.class).orElseThrow();
                assertThat(obras.code()).isEqualTo("OBRAS");
                assertThat(obras.name()).isEqualTo("Secretaría de Obras Públicas");
                assertThat(obras.contactEmail()).isEqualTo("obras@rosario.example.org");
                assertThat(obras.active()).isTrue();
            }
        }
        await().atMost(EVENTUALLY).until(() -> unsent("agency-events", "OBRAS") == 0);
    }

    long unsent(String topic, String key) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM outbox_message WHERE topic = ? AND message_key = ? AND sent_at IS NULL")) {
            s.setString(1, topic);
            s.setString(2, key);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Test
    void shouldCreateAnAgencyAndPublishAgencyUpdatedKeyedByItsCode() {
        String code = newCode();

        Response created = create(code, "Dirección de Transparencia", "transparencia@rosario.example.org", "mesa@rosario.example.org");

        created.then().statusCode(201)
                .header("Location", endsWith("/agencies/" + code))
                .body("code", equalTo(code)).body("name", equalTo("Dirección de Transparencia"))
                .body("contactEmail", equalTo("transparencia@rosario.example.org"))
                .body("backupEmail", equalTo("mesa@rosario.example.org"))
                .body("active", equalTo(true)).body("updatedAt", notNullValue());
        given().auth().oauth2(ANA).get("/agencies/" + code).then().statusCode(200).body("name", equalTo("Dirección de Transparencia"));

        AgencyUpdated event = published(code, 1).get(0);
        assertThat(event).isEqualTo(new AgencyUpdated(code, "Dirección de Transparencia", "transparencia@rosario.example.org",
                "mesa@rosario.example.org", true, event.updatedAt()));
        assertThat(event.updatedAt()).isEqualTo(Instant.parse(created.path("updatedAt")));
    }

    @Test
    void shouldUpdateAnAgencyAndPublishItsWholeNewState() {
        String code = newCode();
        create(code, "Dirección de Archivo", "archivo@rosario.example.org", "archivo.mesa@rosario.example.org").then().statusCode(201);

        as(ADMIN).body(Map.of("name", "Dirección General de Archivo", "contactEmail", "archivo.general@rosario.example.org",
                        "active", false))
                .put("/agencies/" + code).then().statusCode(200)
                .body("code", equalTo(code)).body("name", equalTo("Dirección General de Archivo"))
                .body("contactEmail", equalTo("archivo.general@rosario.example.org"))
                .body("backupEmail", nullValue()).body("active", equalTo(false));

        List<AgencyUpdated> events = published(code, 2);
        assertThat(events.get(0).name()).isEqualTo("Dirección de Archivo");
        AgencyUpdated latest = events.get(1);
        assertThat(latest.name()).isEqualTo("Dirección General de Archivo");
        assertThat(latest.contactEmail()).isEqualTo("archivo.general@rosario.example.org");
        assertThat(latest.backupEmail()).isNull();
        assertThat(latest.active()).isFalse();
    }

    @Test
    void shouldRefuseASecondAgencyWithTheSameCodeAndAnUnknownOne() {
        String code = newCode();
        create(code, "Dirección única", "unica@rosario.example.org", null).then().statusCode(201);

        create(code, "Otra", "otra@rosario.example.org", null).then().statusCode(409).contentType("application/problem+json")
                .body("status", equalTo(409)).body("detail", containsString(code));
        as(ADMIN).body(Map.of("name", "Nadie", "contactEmail", "nadie@rosario.example.org")).put("/agencies/NO_EXISTE")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        as(ADMIN).body(Map.of("code", "OTRO_CODIGO", "name", "Dirección única", "contactEmail", "unica@rosario.example.org"))
                .put("/agencies/" + code).then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("code"));
    }

    @Test
    void shouldRefuseFilingForAnUnknownAgency() {
        as(ANA).body(Map.of("subject", "Presupuesto", "description", "El de 2025.", "agencyCode", "NO_EXISTE"))
                .post("/requests").then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("violations[0].field", equalTo("agencyCode"))
                .body("violations[0].message", containsString("active agency"));
    }

    @Test
    void shouldRefuseFilingForAnInactiveAgencyAndAcceptItAgainOnceReactivated() {
        String code = newCode();
        create(code, "Dirección cerrada", "cerrada@rosario.example.org", null).then().statusCode(201);
        as(ADMIN).body(Map.of("name", "Dirección cerrada", "contactEmail", "cerrada@rosario.example.org", "active", false))
                .put("/agencies/" + code).then().statusCode(200).body("active", equalTo(false));
        Map<String, String> filing = Map.of("subject", "Presupuesto", "description", "El de 2025.", "agencyCode", code);

        as(ANA).body(filing).post("/requests").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("agencyCode"))
                .body("violations[0].message", containsString("active agency"));

        as(ADMIN).body(Map.of("name", "Dirección cerrada", "contactEmail", "cerrada@rosario.example.org", "active", true))
                .put("/agencies/" + code).then().statusCode(200);
        as(ANA).body(filing).post("/requests").then().statusCode(201).body("agencyCode", equalTo(code));
    }

    @Test
    void shouldListTheAgencysClerksAsKeycloakListsThemNotWhoeverCalledTheApi() {
        String code = newCode();
        create(code, "Dirección con personal", "personal@rosario.example.org", null).then().statusCode(201);
        String stranger = TestTokens.clerk("ines-" + code, "ines@example.org", code); // in a token, not in Keycloak
        given().auth().oauth2(stranger).get("/requests").then().statusCode(200);
        List<KeycloakAdminFake.User> staff = new ArrayList<>(KeycloakAdminFake.fixtureStaff());
        staff.add(KeycloakAdminFake.User.clerk("nuria-" + code, "nuria." + code.toLowerCase(), "Nuria", "Paz", code, "es"));
        try {
            KeycloakAdminFake.users(staff);
            given().auth().oauth2(ELENA).get("/agencies/" + code + "/clerks").then().statusCode(200).body("$", empty());

            as(ADMIN).post("/staff/refresh").then().statusCode(200);

            given().auth().oauth2(ELENA).get("/agencies/" + code + "/clerks").then().statusCode(200)
                    .body("$", hasSize(1))
                    .body("[0].userId", equalTo("nuria-" + code))
                    .body("[0].username", equalTo("nuria." + code.toLowerCase()))
                    .body("[0].name", equalTo("Nuria Paz"));
            given().auth().oauth2(ADMIN).get("/agencies/" + code + "/clerks").then().statusCode(200).body("userId", hasItems("nuria-" + code));
            given().auth().oauth2(ELENA).get("/agencies/NO_EXISTE/clerks").then().statusCode(404).contentType("application/problem+json");
        } finally {
            KeycloakAdminFake.users(KeycloakAdminFake.fixtureStaff());
            as(ADMIN).post("/staff/refresh").then().statusCode(200);
        }
        given().auth().oauth2(ELENA).get("/agencies/" + code + "/clerks").then().statusCode(200).body("$", empty());
    }
}
