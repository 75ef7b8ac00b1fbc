package org.acceso.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins the wire format of every event type: each has an explicit wire name, a pinned example message, and
 * reading that example and writing it again gives the same JSON, field for field. Renaming a record or a
 * component without updating the example breaks this test.
 */
class EventContractsTest {

    static Stream<Class<? extends AccesoEvent>> eventTypes() {
        return EventCodec.types().values().stream();
    }

    static String example(String type) throws IOException {
        try (InputStream in = EventContractsTest.class.getResourceAsStream("/contracts/examples/" + type + ".json")) {
            assertThat(in).as("contracts/examples/%s.json", type).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void shouldKnowEveryMemberOfEverySealedFamily() {
        List<Class<?>> members = Arrays.stream(AccesoEvent.class.getPermittedSubclasses())
                .flatMap(family -> Arrays.stream(family.getPermittedSubclasses()))
                .toList();

        List<Class<?>> known = List.copyOf(EventCodec.types().values());
        assertThat(known).containsExactlyInAnyOrderElementsOf(members);
        assertThat(EventCodec.types().keySet()).contains("RequestFiled", "RequestAssigned", "ClarificationRequested",
                "ClarificationProvided", "RequestReferred", "ExtensionGranted", "RequestAnswered", "RequestWithdrawn",
                "RequestDeemedDenied", "AppealFiled", "AppealResolved", "DeadlineScheduled", "DeadlineRescheduled",
                "DeadlineApproaching", "DeadlineMissed", "DeadlineVeryOverdue", "AppealWindowOpened",
                "AppealWindowClosed", "AgencyUpdated", "RequestPublished", "PublicationWithdrawn", "PolicyInForce",
                "RequesterAnonymised", "StaffMemberUpdated");
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void shouldRoundTripThePinnedExampleFieldForField(Class<? extends AccesoEvent> type) throws IOException {
        String name = EventCodec.typeName(type);
        String json = example(name);
        Envelope envelope = EventCodec.read(json);

        AccesoEvent event = EventCodec.decode(envelope, AccesoEvent.class).orElseThrow();
        JsonNode rewritten = EventCodec.mapper().readTree(
                EventCodec.write(EventCodec.envelope(envelope.eventId(), envelope.requestId(), envelope.occurredAt(), event)));

        assertThat(event).isInstanceOf(type);
        assertThat(envelope.type()).isEqualTo(name);
        assertThat(rewritten).isEqualTo(EventCodec.mapper().readTree(json));
    }
}
