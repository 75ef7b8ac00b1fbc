package org.acceso.request.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.acceso.contracts.Topics;
import org.acceso.request.Fixture;
import org.acceso.request.Law;
import org.acceso.request.domain.Move;
import org.acceso.request.domain.RequestStatus;
import org.acceso.request.service.LawInForce;
import org.acceso.testsupport.KafkaEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.acceso.request.Fixture.CARLA;
import static org.acceso.request.Fixture.ELENA;
import static org.acceso.request.Fixture.EVENTUALLY;
import static org.acceso.request.Fixture.get;
import static org.acceso.request.Fixture.post;
import static org.acceso.testsupport.ContractAssertions.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/**
 * The extension limit and the zone are not settings of this service: they follow the policy deadline-service announces
 * on policy-events (PolicyInForce). Each test leaves Rosario's policy in force, as every other test expects.
 */
@QuarkusTest
class PolicyEventsConsumerTest {

    @Inject
    LawInForce law;

    @Inject
    EntityManager em;

    @AfterEach
    void rosarioAgain() {
        Instant now = Law.now();
        Law.announce(Law.rosario(now));
        Law.awaitFollowed("ar-rosario", now);
    }

    @Test
    void shouldAllowNoExtensionUnderAPolicyThatAllowsNoneAndOneUnderRosarios() {
        Instant uk = Law.now();
        Law.announce(Law.unitedKingdom(uk));
        Law.awaitFollowed("uk", uk);
        String id = Fixture.inStatus(RequestStatus.ASSIGNED);

        post(CARLA, id, "/extension", Map.of("reason", "Hay que reunir tres expedientes.")).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/rule-violation"))
                .body("detail", equalTo("The law in force allows no extension of the deadline"));
        get(CARLA, id).then().body("status", equalTo("ASSIGNED")).body("extensions", equalTo(0));
        get(CARLA, id + "/history").then().body("action", not(hasItem("extend")));

        Instant rosario = Law.now();
        Law.announce(Law.rosario(rosario));
        Law.awaitFollowed("ar-rosario", rosario);

        Fixture.make(Move.EXTEND, id).then().statusCode(200).body("status", equalTo("EXTENDED")).body("extensions", equalTo(1));
    }

    @Test
    void shouldShowTimesInTheZoneOfThePolicyInForce() {
        String id = Fixture.file("OBRAS");
        KafkaEvents.send(Topics.DEADLINE_EVENTS, id, example("DeadlineScheduled")
                .replace("0b6e3f57-2a43-4c1b-8d0e-3c6a1f2b7d44", id)
                .replace("a3d4e5f6-1b2c-4d3e-8f90-112233445566", UUID.randomUUID().toString()));
        await().atMost(EVENTUALLY).untilAsserted(() ->
                get(ELENA, id).then().body("dueAt", equalTo("2026-12-21T23:59:59-03:00")));

        Instant uk = Law.now();
        Law.announce(Law.unitedKingdom(uk));
        Law.awaitFollowed("uk", uk);

        get(ELENA, id).then().statusCode(200).body("dueOn", equalTo("2026-12-21"))
                .body("dueAt", equalTo("2026-12-22T02:59:59Z")); // the same instant, in London
    }

    @Test
    void shouldKeepTheLatestAnnouncementWhenAnOlderOneIsReplayed() {
        Instant rosario = Law.now();
        Law.announce(Law.rosario(rosario));
        Law.awaitFollowed("ar-rosario", rosario);

        String older = Law.announce(Law.unitedKingdom(rosario.minusSeconds(60)));
        await().atMost(EVENTUALLY).until(() -> processed(older));

        assertThat(Law.followed()).contains("ar-rosario");
        assertThat(law.maxExtensions()).isEqualTo(1);
    }

    @Test
    void shouldRefuseAnExtensionUntilThePolicyIsKnownAndStoreNothing() {
        String id = Fixture.inStatus(RequestStatus.ASSIGNED);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM policy_in_force").executeUpdate());
        await().atMost(EVENTUALLY).until(() -> law.known().isEmpty());

        post(CARLA, id, "/extension", Map.of("reason", "Hay que reunir tres expedientes.")).then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("/problems/policy-not-known"))
                .body("detail", containsString("not known yet"));
        get(CARLA, id).then().body("status", equalTo("ASSIGNED")).body("extensions", equalTo(0));
        get(CARLA, id + "/history").then().body("action", not(hasItem("extend")));
        assertThat(law.zone()).isEqualTo(ZoneOffset.UTC);
        Fixture.file("OBRAS"); // filing does not wait for the law

        Instant rosario = Law.now();
        Law.announce(Law.rosario(rosario));
        Law.awaitFollowed("ar-rosario", rosario);
        Fixture.make(Move.EXTEND, id).then().statusCode(200).body("extensions", equalTo(1));
    }

    private boolean processed(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM processed_event WHERE event_id = ?1").setParameter(1, UUID.fromString(eventId))
                .getSingleResult()).intValue() == 1);
    }
}
