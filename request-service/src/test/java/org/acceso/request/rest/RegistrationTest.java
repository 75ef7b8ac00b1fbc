package org.acceso.request.rest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.acceso.contracts.Envelope;
import org.acceso.contracts.EventCodec;
import org.acceso.contracts.RequestFiled;
import org.acceso.contracts.Topics;
import org.acceso.testsupport.KafkaEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.acceso.request.Fixture.ADMIN;
import static org.acceso.request.Fixture.ANA;
import static org.acceso.request.Fixture.CARLA;
import static org.acceso.request.Fixture.DIEGO;
import static org.acceso.request.Fixture.ELENA;
import static org.acceso.request.Fixture.FEDE;
import static org.acceso.request.Fixture.as;
import static org.acceso.testsupport.ContractAssertions.assertMatchesContract;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

/**
 * Requests that arrive on paper, by e-mail, by phone or in person, registered by a clerk (for their agency) or a
 * coordinator: {@code POST /requests} with {@code channel}, {@code requester} and {@code receivedAt}.
 */
@QuarkusTest
class RegistrationTest {

    static final String POSTAL_ADDRESS = "Bv. Oroño 1234, 2000 Rosario";

    @Inject
    AgroalDataSource db;

    static String unique(String subject) {
        return subject + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A registration of {@code subject} that arrived {@code channel}, from Rosa with only a postal address. */
    static Map<String, Object> registration(String subject, String channel) {
        Map<String, Object> body = new HashMap<>();
        body.put("subject", subject);
        body.put("description", "Copia de los expedientes de obra del barrio Echesortu, 2025.");
        body.put("channel", channel);
        body.put("requester", Map.of("name", "Rosa Ruiz", "postalAddress", POSTAL_ADDRESS));
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(key, value);
        return changed;
    }

    static Response register(String token, Object body) {
        return as(token).body(body).post("/requests");
    }

    // ---- who may register

    @ParameterizedTest
    @ValueSource(strings = {"IN_PERSON", "POST", "EMAIL", "PHONE"})
    void shouldRegisterARequestThatArrivedByEveryChannel(String channel) {
        String subject = unique("Expedientes " + channel);

        Response response = register(CARLA, registration(subject, channel));

        response.then().statusCode(201)
                .body("status", equalTo("RECEIVED"))
                .body("channel", equalTo(channel))
                .body("agencyCode", equalTo("OBRAS"))
                .body("subject", equalTo(subject))
                .body("requesterName", equalTo("Rosa Ruiz"))
                .body("requesterPostalAddress", equalTo(POSTAL_ADDRESS))
                .body("contactEmail", nullValue());
        String id = response.path("id");
        as(CARLA).get("/requests/" + id + "/history").then().statusCode(200)
                .body("action", equalTo(List.of("register")))
                .body("[0].actor", equalTo("carla-sub"))
                .body("[0].role", equalTo("clerk"))
                .body("[0].reason", equalTo(channel))
                .body("[0].status", equalTo("RECEIVED"));
    }

    @Test
    void shouldFileIntoTheClerksOwnAgency() {
        register(DIEGO, registration(unique("Turnos"), "IN_PERSON")).then().statusCode(201).body("agencyCode", equalTo("SALUD"));
        register(DIEGO, with(registration(unique("Turnos"), "IN_PERSON"), "agencyCode", "SALUD")).then().statusCode(201)
                .body("agencyCode", equalTo("SALUD"));
    }

    @Test
    void shouldRefuseAClerkRegisteringForAnotherAgencyAndStoreNothing() {
        String subject = unique("Para otra secretaría");

        Response response = register(DIEGO, with(registration(subject, "IN_PERSON"), "agencyCode", "OBRAS"));

        assertForbidden(response, "own agency");
        assertNothingStored(subject);
    }

    @Test
    void shouldLetACoordinatorRegisterForAnyAgencyOrNone() {
        Response routed = register(ELENA, with(registration(unique("Ambiente"), "POST"), "agencyCode", "SALUD"));
        Response unrouted = register(ELENA, registration(unique("Sin organismo"), "EMAIL"));

        routed.then().statusCode(201).body("agencyCode", equalTo("SALUD"));
        unrouted.then().statusCode(201).body("agencyCode", nullValue());
        as(ELENA).get("/requests/" + routed.path("id") + "/history").then()
                .body("[0].role", equalTo("coordinator")).body("[0].actor", equalTo("elena-sub"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"channel", "requester", "receivedAt"})
    void shouldRefuseAResidentWhoRegistersAndStoreNothing(String field) {
        String subject = unique("Registrada por un vecino");
        Map<String, Object> body = new HashMap<>(Map.of("subject", subject, "description", "Quiero saltear la fila."));
        body.put(field, switch (field) {
            case "channel" -> "IN_PERSON";
            case "requester" -> Map.of("name", "Rosa Ruiz", "postalAddress", POSTAL_ADDRESS);
            default -> OffsetDateTime.now(ZoneOffset.ofHours(-3)).minusDays(3).toString();
        });

        Response response = as(ANA).header(RequestResource.IDEMPOTENCY_KEY, UUID.randomUUID().toString()).body(body)
                .post("/requests");

        assertForbidden(response, "Only clerks and coordinators");
        assertNothingStored(subject);
        assertThat(count("SELECT count(*) FROM filing_idempotency_key k WHERE k.requester_subject = 'ana-sub' "
                + "AND NOT EXISTS (SELECT 1 FROM information_request r WHERE r.id = k.request_id)")).isZero();
    }

    @Test
    void shouldLetAResidentNameTheWebChannel() {
        as(ANA).body(Map.of("subject", unique("Por internet"), "description", "d", "channel", "WEB")).post("/requests")
                .then().statusCode(201).body("channel", equalTo("WEB")).body("contactEmail", equalTo("ana@example.org"));
    }

    @Test
    void shouldRefuseAuditorsAndAdminsAndStaffFilingForThemselves() {
        String subject = unique("Sin permiso");

        assertForbidden(register(FEDE, registration(subject, "IN_PERSON")), null);
        assertForbidden(register(ADMIN, registration(subject, "IN_PERSON")), null);
        assertForbidden(register(CARLA, Map.of("subject", subject, "description", "Para mí.")), "send channel and requester");
        assertNothingStored(subject);
    }

    // ---- what a registration must say

    @Test
    void shouldKeepEveryRequesterFieldForThoseWhoMaySeeTheRequester() {
        Map<String, Object> requester = Map.of("name", "Rosa Ruiz", "email", "rosa@example.org",
                "postalAddress", POSTAL_ADDRESS, "phone", "+54 341 480-1234", "documentNumber", "20.123.456");
        String id = register(CARLA, with(registration(unique("Todos los datos"), "PHONE"), "requester", requester))
                .then().statusCode(201).extract().path("id");

        for (String token : List.of(CARLA, ELENA, FEDE)) {
            as(token).get("/requests/" + id).then().statusCode(200)
                    .body("requesterName", equalTo("Rosa Ruiz"))
                    .body("contactEmail", equalTo("rosa@example.org"))
                    .body("requesterPostalAddress", equalTo(POSTAL_ADDRESS))
                    .body("requesterPhone", equalTo("+54 341 480-1234"))
                    .body("requesterDocumentNumber", equalTo("20.123.456"));
        }
        as(ADMIN).get("/requests/" + id).then().statusCode(200)
                .body("channel", equalTo("PHONE"))
                .body("requesterName", nullValue())
                .body("contactEmail", nullValue())
                .body("requesterPostalAddress", nullValue())
                .body("requesterPhone", nullValue())
                .body("requesterDocumentNumber", nullValue());
        as(DIEGO).get("/requests/" + id).then().statusCode(404);
        as(ANA).get("/requests/" + id).then().statusCode(404);
    }

    @Test
    void shouldTakeOnlyAPhoneOrOnlyAnEmail() {
        register(CARLA, with(registration(unique("Teléfono"), "PHONE"), "requester", Map.of("name", "Rosa", "phone", "3414801234")))
                .then().statusCode(201).body("requesterPhone", equalTo("3414801234")).body("contactEmail", nullValue());
        register(CARLA, with(registration(unique("Correo"), "EMAIL"), "requester", Map.of("name", "Rosa", "email", "rosa@example.org")))
                .then().statusCode(201).body("contactEmail", equalTo("rosa@example.org"));
    }

    @Test
    void shouldRefuseARequesterWithoutName() {
        String subject = unique("Sin nombre");
        register(CARLA, with(registration(subject, "IN_PERSON"), "requester", Map.of("postalAddress", POSTAL_ADDRESS)))
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("requester.name"));
        register(CARLA, with(registration(subject, "IN_PERSON"), "requester", Map.of("name", "  ", "phone", "3414801234")))
                .then().statusCode(400).body("violations.field", hasItem("requester.name"));
        assertNothingStored(subject);
    }

    @Test
    void shouldRefuseRegistrationsThatLackWhatTheyNeed() {
        String subject = unique("Incompleta");
        Map<String, Object> body = registration(subject, "IN_PERSON");

        assertInvalid(register(CARLA, with(body, "requester", Map.of("name", "Rosa Ruiz"))), "requester", "e-mail, a postal address or a phone");
        assertInvalid(register(CARLA, with(body, "channel", null)), "channel", "is required");
        assertInvalid(register(CARLA, with(body, "channel", "WEB")), "channel", "files online");
        assertInvalid(register(CARLA, with(body, "channel", "FAX")), "channel", "IN_PERSON");
        assertInvalid(register(CARLA, with(body, "requester", null)), "requester", "is required");
        assertInvalid(register(CARLA, with(body, "contactEmail", "rosa@example.org")), "contactEmail", "requester.email");
        assertInvalid(register(CARLA, with(body, "requester", Map.of("name", "Rosa", "email", "no-es-un-correo"))),
                "requester.email", "e-mail");
        assertInvalid(register(CARLA, with(body, "requester", Map.of("name", "Rosa", "phone", "llamar a la tarde"))),
                "requester.phone", "phone");
        assertInvalid(register(CARLA, with(body, "requester", Map.of("name", "Rosa", "phone", "3414801234",
                "documentNumber", "<script>"))), "requester.documentNumber", "document");
        assertNothingStored(subject);
    }

    // ---- when it was received: the clock starts then

    @Test
    void shouldFileAtTheInstantItWasReceived() {
        OffsetDateTime received = OffsetDateTime.now(ZoneOffset.ofHours(-3)).minusDays(29).truncatedTo(ChronoUnit.SECONDS);

        register(CARLA, with(registration(unique("Llegó por correo"), "POST"), "receivedAt", received.toString()))
                .then().statusCode(201)
                .body("filedAt", equalTo(received.toInstant().toString()));
    }

    @Test
    void shouldFileNowWithoutReceivedAt() {
        Instant before = Instant.now();
        String filedAt = register(CARLA, registration(unique("Ahora"), "IN_PERSON")).then().statusCode(201).extract().path("filedAt");

        assertThat(Instant.parse(filedAt)).isBetween(before.minusSeconds(1), Instant.now());
    }

    @Test
    void shouldRefuseAReceivedAtInTheFutureOrBeyondTheLimit() {
        String subject = unique("Fechas");
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(-3));

        assertInvalid(register(CARLA, with(registration(subject, "POST"), "receivedAt", now.plusMinutes(5).toString())),
                "receivedAt", "future");
        assertInvalid(register(CARLA, with(registration(subject, "POST"), "receivedAt", now.minusDays(31).toString())),
                "receivedAt", "30 days");
        register(CARLA, with(registration(subject, "POST"), "receivedAt", "ayer")).then().statusCode(400)
                .body("violations.field", hasItem("receivedAt"));
        assertNothingStored(subject);
    }

    // ---- safe to retry

    @Test
    void shouldReplayARegistrationSentAgainWithItsKey() {
        String subject = unique("Dos veces");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = with(registration(subject, "IN_PERSON"), "receivedAt",
                OffsetDateTime.now(ZoneOffset.ofHours(-3)).minusHours(2).truncatedTo(ChronoUnit.SECONDS).toString());

        Response first = as(CARLA).header(RequestResource.IDEMPOTENCY_KEY, key).body(body).post("/requests");
        Response again = as(CARLA).header(RequestResource.IDEMPOTENCY_KEY, key).body(body).post("/requests");
        Response other = as(CARLA).header(RequestResource.IDEMPOTENCY_KEY, key)
                .body(with(body, "requester", Map.of("name", "Otra persona", "phone", "3414801234"))).post("/requests");

        first.then().statusCode(201).header(RequestResource.IDEMPOTENT_REPLAYED, nullValue());
        again.then().statusCode(201).header(RequestResource.IDEMPOTENT_REPLAYED, equalTo("true"))
                .header("Location", equalTo(first.header("Location")))
                .body("id", equalTo(first.<String>path("id")))
                .body("channel", equalTo("IN_PERSON"));
        other.then().statusCode(422).body("type", equalTo(DomainProblems.IDEMPOTENCY_KEY_REUSED));
        assertThat(count("SELECT count(*) FROM information_request WHERE subject = ?", subject)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM outbox_message WHERE type = 'RequestFiled' AND message_key = ?",
                first.<String>path("id"))).isEqualTo(1);
    }

    // ---- the event

    @Test
    void shouldPublishRequestFiledWithTheChannelTheFilingInstantAndNoAccount() {
        OffsetDateTime received = OffsetDateTime.now(ZoneOffset.ofHours(-3)).minusDays(2).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> requester = Map.of("name", "Rosa Ruiz", "email", "rosa@example.org", "postalAddress", POSTAL_ADDRESS,
                "phone", "+54 341 480-1234", "documentNumber", "20.123.456");
        var registered = register(CARLA, with(with(registration(unique("Evento"), "IN_PERSON"), "requester", requester),
                "receivedAt", received.toString())).then().statusCode(201).extract();
        String id = registered.path("id");

        ConsumerRecord<String, String> record = KafkaEvents.awaitRecords(Topics.REQUEST_EVENTS, id, 1, Duration.ofSeconds(60)).get(0);

        assertMatchesContract(record.value());
        Envelope envelope = EventCodec.read(record.value());
        RequestFiled event = EventCodec.payload(envelope, RequestFiled.class).orElseThrow();
        assertThat(event.trackingNumber()).isEqualTo(registered.<String>path("trackingNumber"));
        assertThat(event.channel()).isEqualTo("IN_PERSON");
        assertThat(event.registered()).isTrue();
        assertThat(event.imported()).isFalse();
        assertThat(event.filedAt()).isEqualTo(received.toInstant());
        assertThat(envelope.occurredAt()).isAfter(received.toInstant().plusSeconds(3600));
        assertThat(event.agencyCode()).isEqualTo("OBRAS");
        assertThat(event.requester().userId()).isNull();
        assertThat(event.requester().name()).isEqualTo("Rosa Ruiz");
        assertThat(event.requester().email()).isEqualTo("rosa@example.org");
        assertThat(record.value()).doesNotContain("Oroño").doesNotContain("480-1234").doesNotContain("20.123.456")
                .doesNotContain("carla");
    }

    // ---- helpers

    static void assertForbidden(Response response, String detail) {
        response.then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        if (detail != null) {
            response.then().body("detail", containsString(detail));
        }
    }

    static void assertInvalid(Response response, String field, String message) {
        response.then().statusCode(400).contentType("application/problem+json")
                .body("violations.find { it.field == '" + field + "' }.message", containsString(message));
    }

    void assertNothingStored(String subject) {
        assertThat(count("SELECT count(*) FROM information_request WHERE subject = ?", subject)).isZero();
        assertThat(count("SELECT count(*) FROM outbox_message WHERE payload LIKE ?", "%" + subject + "%")).isZero();
    }

    long count(String sql, Object... parameters) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
