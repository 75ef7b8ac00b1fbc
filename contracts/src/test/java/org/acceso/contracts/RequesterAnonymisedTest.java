package org.acceso.contracts;

import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The anonymisation event tells the other services what to do without repeating what they must forget. */
class RequesterAnonymisedTest {

    @Test
    void shouldCarryOnlyIdsAndThePseudonym() {
        assertThat(Arrays.stream(RequesterAnonymised.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactly("trackingNumber", "agencyCode", "pseudonym", "anonymisedAt");
        assertThat(Arrays.stream(RequesterAnonymised.class.getRecordComponents()).map(RecordComponent::getType))
                .doesNotContain(Person.class);
    }

    @Test
    void shouldTravelOnRequestEventsKeyedByTheRequest() {
        RequesterAnonymised event = new RequesterAnonymised("AIP-2026-000123", "OBRAS", "anon-3f9a1c0d7e2b4a61",
                Instant.parse("2031-12-02T03:00:00Z"));
        UUID requestId = UUID.fromString("0b6e3f57-2a43-4c1b-8d0e-3c6a1f2b7d44");

        Envelope envelope = EventCodec.read(EventCodec.write(EventCodec.envelope(UUID.randomUUID(), requestId,
                event.anonymisedAt(), event)));

        assertThat(Topics.of(event)).isEqualTo(Topics.REQUEST_EVENTS);
        assertThat(envelope.type()).isEqualTo("RequesterAnonymised");
        assertThat(EventCodec.decode(envelope, RequestEvent.class)).contains(event);
    }
}
