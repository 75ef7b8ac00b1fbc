package org.acceso.deadline.rest;

import io.quarkus.test.junit.QuarkusTest;
import org.acceso.contracts.EventCodec;
import org.acceso.contracts.Envelope;
import org.acceso.contracts.PolicyEvent;
import org.acceso.contracts.PolicyInForce;
import org.acceso.contracts.Topics;
import org.acceso.testsupport.KafkaEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.acceso.testsupport.ContractAssertions.assertMatchesContract;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The policy in force (the default profile, Rosario) is announced on policy-events at start and read by anyone at
 * {@code GET /policy}, no token needed; any shipped profile by name. {@link PolicyResourceChileTest} runs the same
 * service under the Chilean profile.
 */
@QuarkusTest
class PolicyResourceTest {

    static final Duration EVENTUALLY = Duration.ofSeconds(60);

    /** The latest PolicyInForce on policy-events (key {@code in-force}), as a consumer reading from the start sees it. */
    static PolicyInForce announced(String profile) {
        List<ConsumerRecord<String, String>> records = KafkaEvents.awaitRecords(Topics.POLICY_EVENTS,
                record -> PolicyEvent.KEY.equals(record.key()) && record.value().contains("\"profile\":\"" + profile + "\""),
                1, EVENTUALLY);
        ConsumerRecord<String, String> latest = records.get(records.size() - 1);
        assertMatchesContract(latest.value());
        Envelope envelope = EventCodec.read(latest.value());
        assertThat(envelope.requestId()).isNull();
        return EventCodec.decode(envelope, PolicyEvent.class).map(PolicyInForce.class::cast).orElseThrow();
    }

    @Test
    void shouldAnnounceRosariosPolicyOnPolicyEventsAtStart() {
        PolicyInForce policy = announced("ar-rosario");

        assertThat(policy.jurisdiction()).isEqualTo("rosario");
        assertThat(policy.law()).isEqualTo("Ley 27.275");
        assertThat(policy.zone()).isEqualTo("America/Argentina/Cordoba");
        assertThat(List.of(policy.responseDays(), policy.extensionDays(), policy.maxExtensions(), policy.appealDays()))
                .containsExactly(15, 15, 1, 40);
        assertThat(List.of(policy.dayUnit(), policy.extensionUnit(), policy.appealUnit()))
                .containsOnly("BUSINESS");
        assertThat(policy.clarification()).isEqualTo("PAUSE");
        assertThat(policy.reminderOffsets()).containsExactly(5, 2);
        assertThat(policy.announcedAt()).isNotNull();
    }

    @Test
    void shouldKeepPolicyEventsCompacted() {
        await().atMost(EVENTUALLY).until(() -> "compact".equals(KafkaEvents.topicConfig(Topics.POLICY_EVENTS, "cleanup.policy")));
    }

    @Test
    void shouldServeThePolicyInForceWithoutAToken() {
        PolicyInForce announced = announced("ar-rosario");

        given().get("/policy").then().statusCode(200)
                .body("profile", equalTo("ar-rosario"))
                .body("law", equalTo("Ley 27.275"))
                .body("responseDays", equalTo(15))
                .body("dayUnit", equalTo("BUSINESS"))
                .body("extensionDays", equalTo(15))
                .body("maxExtensions", equalTo(1))
                .body("appealDays", equalTo(40))
                .body("appealUnit", equalTo("BUSINESS"))
                .body("zone", equalTo("America/Argentina/Cordoba"))
                .body("cutoff", nullValue())
                .body("announcedAt", equalTo(announced.announcedAt().toString()));
    }

    @Test
    void shouldServeEveryShippedProfileByNameAndRefuseOthers() {
        given().get("/policy/profiles/cl").then().statusCode(200)
                .body("profile", equalTo("cl"))
                .body("law", equalTo("Ley 20.285"))
                .body("responseDays", equalTo(20))
                .body("extensionDays", equalTo(10))
                .body("maxExtensions", equalTo(1))
                .body("appealDays", equalTo(15))
                .body("clarification", equalTo("RESTART"))
                .body("zone", equalTo("America/Santiago"))
                .body("announcedAt", nullValue());
        given().get("/policy/profiles/es").then().statusCode(200)
                .body("responseDays", equalTo(1)).body("dayUnit", equalTo("MONTH"))
                .body("extensionDays", equalTo(1)).body("extensionUnit", equalTo("MONTH"))
                .body("appealDays", equalTo(1)).body("appealUnit", equalTo("MONTH"));
        given().get("/policy/profiles/uk").then().statusCode(200)
                .body("maxExtensions", equalTo(0)).body("extensionDays", equalTo(0))
                .body("reminderOffsets", contains(5, 2));
        given().get("/policy/profiles/ar-rosario").then().statusCode(200)
                .body("profile", equalTo("ar-rosario")).body("announcedAt", notNullValue());

        given().get("/policy/profiles/atlantis").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("No policy profile atlantis"));
        given().get("/policy/profiles/AR_ROSARIO").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
