package org.acceso.deadline.messaging;

import static io.restassured.RestAssured.given;
import static org.acceso.deadline.Events.local;
import static org.acceso.testsupport.ContractAssertions.assertMatchesContract;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.acceso.contracts.AppealWindowOpened;
import org.acceso.contracts.ClarificationProvided;
import org.acceso.contracts.ClarificationRequested;
import org.acceso.contracts.DeadlineEvent;
import org.acceso.contracts.DeadlineRescheduled;
import org.acceso.contracts.EventCodec;
import org.acceso.contracts.ExtensionGranted;
import org.acceso.contracts.RequestAnswered;
import org.acceso.contracts.RequestAssigned;
import org.acceso.contracts.Topics;
import org.acceso.deadline.Events;
import org.acceso.testsupport.KafkaEvents;
import org.acceso.testsupport.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The clock driven by request-events on the real broker, its events on deadline-events, its history over REST. */
@QuarkusTest
class ClockLifecycleTest {

    static final String CLERK_OBRAS = TestTokens.clerk("carla-sub", "carla@example.org", "OBRAS");

    @Test
    void shouldPauseResumeExtendAndStopTheClockAndOpenTheAppealWindow() {
        UUID id = UUID.randomUUID();
        // Filed Thu 26 Nov 2026 (day 0): due Mon 21 Dec.
        Events.send(id, Events.filed("AIP-2026-000501", "OBRAS", local("2026-11-26T14:20"), false));
        // Paused Wed 2 Dec with 11 business days left; the reply on Fri 11 Dec is day 0: due Tue 29 Dec.
        Events.send(id, new ClarificationRequested("AIP-2026-000501", "OBRAS", "¿Qué barrio?", local("2026-12-02T10:00")));
        Events.send(id, new ClarificationProvided("AIP-2026-000501", "OBRAS", "Pichincha.", local("2026-12-11T09:00")));
        // +15 business days from Tue 29 Dec: Wed 30(1) Thu 31(2), 1 Jan holiday, 4-8 Jan(7), 11-15(12), 18(13) 19(14) 20(15).
        Events.send(id, new ExtensionGranted("AIP-2026-000501", "OBRAS", "Tres direcciones.",
                OffsetDateTime.parse("2026-12-29T23:59:59-03:00"), local("2026-12-15T10:00")));
        Events.send(id, new RequestAnswered("AIP-2026-000501", "OBRAS", "DENIED", "No corresponde.",
                List.of("personal-data"), List.of(), local("2027-01-05T10:00")));

        List<DeadlineEvent> events = deadlineEvents(id, 6);

        assertThat(events).extracting(event -> EventCodec.typeOf(event)).containsExactly("DeadlineScheduled",
                "DeadlineRescheduled", "DeadlineRescheduled", "DeadlineRescheduled", "DeadlineRescheduled", "AppealWindowOpened");
        DeadlineRescheduled paused = (DeadlineRescheduled) events.get(1);
        assertThat(paused).isEqualTo(new DeadlineRescheduled("AIP-2026-000501", "RESPONSE", "PAUSED", LocalDate.parse("2026-12-21"),
                OffsetDateTime.parse("2026-12-21T23:59:59-03:00"), null, null, "CLARIFICATION_REQUESTED", null,
                "Clarification requested: the clock pauses with 11 business days left"));
        DeadlineRescheduled resumed = (DeadlineRescheduled) events.get(2);
        assertThat(resumed.status()).isEqualTo("RUNNING");
        assertThat(resumed.cause()).isEqualTo("CLARIFICATION_PROVIDED");
        assertThat(resumed.newDueOn()).isEqualTo(LocalDate.parse("2026-12-29"));
        assertThat(resumed.newDueAt()).isEqualTo(OffsetDateTime.parse("2026-12-29T23:59:59-03:00"));
        DeadlineRescheduled extended = (DeadlineRescheduled) events.get(3);
        assertThat(extended.cause()).isEqualTo("EXTENSION");
        assertThat(extended.oldDueOn()).isEqualTo(LocalDate.parse("2026-12-29"));
        assertThat(extended.newDueOn()).isEqualTo(LocalDate.parse("2027-01-20"));
        assertThat(extended.detail()).isEqualTo("Tres direcciones.");
        DeadlineRescheduled answered = (DeadlineRescheduled) events.get(4);
        assertThat(answered.status()).isEqualTo("STOPPED");
        assertThat(answered.cause()).isEqualTo("ANSWERED");
        assertThat(answered.newDueOn()).isNull();
        AppealWindowOpened appeal = (AppealWindowOpened) events.get(5);
        // Day 0 Tue 5 Jan 2027; 40 business days, carnival 8-9 Feb skipped: Thu 4 Mar 2027.
        assertThat(appeal).isEqualTo(new AppealWindowOpened("AIP-2026-000501", "DENIED", LocalDate.parse("2027-01-05"),
                LocalDate.parse("2027-03-04"), OffsetDateTime.parse("2027-03-04T23:59:59-03:00"), 40, "BUSINESS"));

        given().auth().oauth2(CLERK_OBRAS).get("/deadlines/" + id).then().statusCode(200)
                .body("status", equalTo("STOPPED"))
                .body("dueOn", equalTo("2027-01-20"))
                .body("extensions", equalTo(1))
                .body("outcome", equalTo("DENIED"))
                .body("appeal.status", equalTo("RUNNING"))
                .body("appeal.cause", equalTo("DENIED"))
                .body("appeal.dueOn", equalTo("2027-03-04"))
                .body("history", hasSize(6))
                .body("history.cause", contains("FILED", "CLARIFICATION_REQUESTED", "CLARIFICATION_PROVIDED", "EXTENSION",
                        "ANSWERED", "DENIED"))
                .body("history.clock", contains("RESPONSE", "RESPONSE", "RESPONSE", "RESPONSE", "RESPONSE", "APPEAL"))
                .body("history[3].oldDueOn", equalTo("2026-12-29"))
                .body("history[3].newDueOn", equalTo("2027-01-20"))
                .body("history[3].detail", equalTo("Tres direcciones."));
    }

    @Test
    void shouldApplyAnEventThatArrivedBeforeItsClock() {
        UUID id = UUID.randomUUID();
        Events.send(id, new ExtensionGranted("AIP-2026-000502", "OBRAS", "Antes de tiempo.", null, local("2026-12-01T10:00")));
        Events.send(id, Events.filed("AIP-2026-000502", "OBRAS", local("2026-11-26T14:20"), false));

        List<DeadlineEvent> events = deadlineEvents(id, 2);

        assertThat(events.get(0)).extracting(EventCodec::typeOf).isEqualTo("DeadlineScheduled");
        DeadlineRescheduled extended = (DeadlineRescheduled) events.get(1);
        assertThat(extended.cause()).isEqualTo("EXTENSION");
        assertThat(extended.oldDueOn()).isEqualTo(LocalDate.parse("2026-12-21"));
        assertThat(extended.newDueOn()).isEqualTo(LocalDate.parse("2027-01-13"));
    }

    @Test
    void shouldRefuseSecondExtensionAndFollowTheAgencyThatHoldsTheRequest() {
        UUID id = UUID.randomUUID();
        Events.send(id, Events.filed("AIP-2026-000503", null, local("2026-11-26T14:20"), false));
        Events.send(id, new ExtensionGranted("AIP-2026-000503", null, "Primera.", null, local("2026-12-01T10:00")));
        Events.send(id, new ExtensionGranted("AIP-2026-000503", null, "Segunda.", null, local("2026-12-02T10:00")));
        Events.send(id, new RequestAssigned("AIP-2026-000503", "SALUD", null, null, local("2026-12-03T10:00")));

        // Once the assignment (sent last) shows, both extensions have been consumed.
        String clerkSalud = TestTokens.clerk("diego-sub", "diego@example.org", "SALUD");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                given().auth().oauth2(clerkSalud).get("/deadlines/" + id).statusCode() == 200);

        given().auth().oauth2(clerkSalud).get("/deadlines/" + id).then().statusCode(200)
                .body("agencyCode", equalTo("SALUD"))
                .body("extensions", equalTo(1))
                .body("dueOn", equalTo("2027-01-13"))
                .body("history.cause", contains("FILED", "EXTENSION"));
    }

    static List<DeadlineEvent> deadlineEvents(UUID requestId, int count) {
        List<ConsumerRecord<String, String>> records = KafkaEvents.awaitRecords(Topics.DEADLINE_EVENTS, requestId.toString(),
                count, Duration.ofSeconds(60));
        records.forEach(record -> assertMatchesContract(record.value()));
        return records.stream()
                .map(record -> EventCodec.decode(EventCodec.read(record.value()), DeadlineEvent.class).orElseThrow())
                .toList();
    }
}
