package org.acceso.deadline.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.acceso.contracts.PolicyInForce;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The same service started under Chile's profile ({@code DEADLINE_POLICY_PROFILE=cl}) announces and serves Chile's law. */
@QuarkusTest
@TestProfile(PolicyResourceChileTest.Chile.class)
class PolicyResourceChileTest {

    public static class Chile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("deadline.policy.profile", "cl");
        }
    }

    @Test
    void shouldAnnounceAndServeChilesPolicy() {
        PolicyInForce policy = PolicyResourceTest.announced("cl");

        assertThat(policy.jurisdiction()).isEqualTo("cl");
        assertThat(policy.law()).isEqualTo("Ley 20.285");
        assertThat(policy.zone()).isEqualTo("America/Santiago");
        assertThat(List.of(policy.responseDays(), policy.extensionDays(), policy.maxExtensions(), policy.appealDays()))
                .containsExactly(20, 10, 1, 15);
        assertThat(policy.clarification()).isEqualTo("RESTART");

        given().get("/policy").then().statusCode(200)
                .body("profile", equalTo("cl"))
                .body("responseDays", equalTo(20))
                .body("extensionDays", equalTo(10))
                .body("appealDays", equalTo(15))
                .body("announcedAt", equalTo(policy.announcedAt().toString()));
    }
}
