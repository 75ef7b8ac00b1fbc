package org.acceso.contracts;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventCodecTest {

    static String example(String type) throws IOException {
        try (InputStream in = EventCodecTest.class.getResourceAsStream("/contracts/examples/" + type + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void shouldReadTheRequestFiledExample() throws IOException {
        Envelope envelope = EventCodec.read(example("RequestFiled"));

        RequestFiled filed = EventCodec.payload(envelope, RequestFiled.class).orElseThrow();

        assertThat(envelope.requestId()).isEqualTo(UUID.fromString("0b6e3f57-2a43-4c1b-8d0e-3c6a1f2b7d44"));
        assertThat(filed.trackingNumber()).isEqualTo("AIP-2026-000123");
        assertThat(filed.language()).isEqualTo("es");
        assertThat(filed.filedAt()).isEqualTo(Instant.parse("2026-11-26T17:20:00.123Z"));
        assertThat(filed.requester().email()).isEqualTo("ana@example.org");
    }

    @Test
    void shouldKeepTheLocalOffsetOfTheDueInstant() throws IOException {
        Envelope envelope = EventCodec.read(example("DeadlineScheduled"));

        DeadlineScheduled scheduled = EventCodec.payload(envelope, DeadlineScheduled.class).orElseThrow();

        assertThat(scheduled.dueOn()).isEqualTo(LocalDate.of(2026, 12, 21));
        assertThat(scheduled.dueAt()).isEqualTo(OffsetDateTime.parse("2026-12-21T23:59:59-03:00"));
        assertThat(EventCodec.write(envelope)).contains("\"dueAt\":\"2026-12-21T23:59:59-03:00\"");
    }

    @Test
    void shouldNotReadAPayloadOfAnotherType() throws IOException {
        Envelope envelope = EventCodec.read(example("DeadlineScheduled"));

        assertThat(EventCodec.payload(envelope, RequestFiled.class)).isEmpty();
    }

    @Test
    void shouldIgnoreFieldsItDoesNotKnow() throws IOException {
        String withExtra = example("RequestFiled").replace("\"language\": \"es\",", "\"language\": \"es\", \"priority\": \"high\",");

        RequestFiled filed = EventCodec.payload(EventCodec.read(withExtra), RequestFiled.class).orElseThrow();

        assertThat(filed.subject()).isEqualTo("Contratos de recolección de residuos 2025");
    }

    @Test
    void shouldRoundTripAnEventItWrote() {
        UUID requestId = UUID.randomUUID();
        RequestFiled filed = new RequestFiled("AIP-2026-000001", "s", null, "en", Instant.parse("2026-01-02T10:00:00Z"),
                new Person("bo-sub", "Bo", "bo@example.org"), false);

        String json = EventCodec.write(EventCodec.envelope(UUID.randomUUID(), requestId, Instant.now(), filed));

        Envelope read = EventCodec.read(json);
        assertThat(read.type()).isEqualTo("RequestFiled");
        assertThat(read.requestId()).isEqualTo(requestId);
        assertThat(EventCodec.payload(read, RequestFiled.class)).contains(filed);
    }

    @Test
    void shouldCarryARegisteredRequesterWithoutAccountOrEmail() {
        RequestFiled filed = new RequestFiled("AIP-2026-000002", "Expedientes de obra", "OBRAS", "es",
                Instant.parse("2026-11-26T12:00:00Z"), new Person(null, "Rosa Ruiz", null), false, "IN_PERSON");

        String json = EventCodec.write(EventCodec.envelope(UUID.randomUUID(), UUID.randomUUID(), Instant.now(), filed));

        RequestFiled read = EventCodec.payload(EventCodec.read(json), RequestFiled.class).orElseThrow();
        assertThat(read).isEqualTo(filed);
        assertThat(read.registered()).isTrue();
        assertThat(read.requester().userId()).isNull();
        assertThat(json).contains("\"channel\":\"IN_PERSON\"").doesNotContain("registered");
    }

    @Test
    void shouldReadAFilingWithoutChannelAsNotRegistered() throws IOException {
        String earlier = example("RequestFiled").replace(",\n    \"channel\": \"WEB\"", "");

        RequestFiled filed = EventCodec.payload(EventCodec.read(earlier), RequestFiled.class).orElseThrow();

        assertThat(earlier).doesNotContain("channel");
        assertThat(filed.channel()).isNull();
        assertThat(filed.registered()).isFalse();
    }

    @Test
    void shouldRejectTextThatIsNoEnvelope() {
        assertThatThrownBy(() -> EventCodec.read("not json")).isInstanceOf(EventCodec.MalformedEventException.class);
        assertThatThrownBy(() -> EventCodec.read("{\"type\":\"RequestFiled\"}")).isInstanceOf(EventCodec.MalformedEventException.class);
    }

    @Test
    void shouldRefuseARequestEventThatNamesNoRequest() throws IOException {
        Envelope envelope = EventCodec.read(example("RequestAssigned").replace("\"0b6e3f57-2a43-4c1b-8d0e-3c6a1f2b7d44\"", "null"));

        assertThatThrownBy(() -> EventCodec.decode(envelope, RequestEvent.class))
                .isInstanceOf(EventCodec.MalformedEventException.class)
                .hasMessageContaining("names no request");
    }

    @Test
    void shouldSkipATypeItDoesNotKnowAndATypeOfAnotherFamily() throws IOException {
        Envelope unknown = EventCodec.read(example("RequestAssigned").replace("\"RequestAssigned\"", "\"RequestTeleported\""));
        Envelope deadline = EventCodec.read(example("DeadlineMissed"));

        assertThat(EventCodec.decode(unknown, RequestEvent.class)).isEmpty();
        assertThat(EventCodec.decode(deadline, RequestEvent.class)).isEmpty();
        assertThat(EventCodec.decode(deadline, DeadlineEvent.class)).containsInstanceOf(DeadlineMissed.class);
    }

    @Test
    void shouldReadAnAgencyEventWithoutARequest() throws IOException {
        Envelope envelope = EventCodec.read(example("AgencyUpdated"));

        AgencyEvent event = EventCodec.decode(envelope, AgencyEvent.class).orElseThrow();

        assertThat(envelope.requestId()).isNull();
        assertThat(event).isEqualTo(new AgencyUpdated("OBRAS", "Secretaría de Obras Públicas", "obras@rosario.example.org",
                "obras.mesa@rosario.example.org", true, Instant.parse("2026-11-27T09:00:00Z")));
        assertThat(Topics.of(event)).isEqualTo("agency-events");
    }

    @Test
    void shouldReadThePolicyInForceWithoutARequest() throws IOException {
        Envelope envelope = EventCodec.read(example("PolicyInForce"));

        PolicyEvent event = EventCodec.decode(envelope, PolicyEvent.class).orElseThrow();

        assertThat(envelope.requestId()).isNull();
        assertThat(event).isEqualTo(new PolicyInForce("ar-rosario", "rosario", "Ley 27.275", "America/Argentina/Cordoba",
                15, "BUSINESS", null, 15, "BUSINESS", 1, "PAUSE", "CONTINUE", 5, java.util.List.of(5, 2), 15, 40, "BUSINESS",
                Instant.parse("2026-11-27T08:59:30Z")));
        assertThat(Topics.of(event)).isEqualTo("policy-events");
        assertThat(EventCodec.decode(envelope, RequestEvent.class)).isEmpty();
    }

    @Test
    void shouldReadAStaffEventWithoutARequest() throws IOException {
        Envelope envelope = EventCodec.read(example("StaffMemberUpdated"));

        StaffEvent event = EventCodec.decode(envelope, StaffEvent.class).orElseThrow();

        assertThat(envelope.requestId()).isNull();
        assertThat(event).isEqualTo(new StaffMemberUpdated("9b2d1c3e-0f4a-4b5c-8d6e-7f8091a2b3c4", "carla", "Carla Gómez",
                "carla@example.org", "es", java.util.List.of("clerk"), "OBRAS", true, Instant.parse("2026-11-27T09:00:00Z")));
        assertThat(Topics.of(event)).isEqualTo("staff-events");
    }

    @Test
    void shouldCarryTheLanguageOfEachPersonsNotices() throws IOException {
        RequestAssigned assigned = EventCodec.payload(EventCodec.read(example("RequestAssigned")), RequestAssigned.class)
                .orElseThrow();
        RequestFiled filed = EventCodec.payload(EventCodec.read(example("RequestFiled")), RequestFiled.class).orElseThrow();

        assertThat(assigned.assignee().language()).isEqualTo("es");
        assertThat(filed.requester().language()).isEqualTo(filed.language());
        assertThat(new Person("u-1", "Ana Pérez", "ana@example.org").language()).isNull();
    }

    @Test
    void shouldPutEachFamilyOnItsOwnTopic() throws IOException {
        assertThat(Topics.of(EventCodec.decode(EventCodec.read(example("RequestAnswered")), RequestEvent.class).orElseThrow()))
                .isEqualTo("request-events");
        assertThat(Topics.of(EventCodec.decode(EventCodec.read(example("DeadlineMissed")), DeadlineEvent.class).orElseThrow()))
                .isEqualTo("deadline-events");
    }
}
