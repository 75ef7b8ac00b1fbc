package org.acceso.request.service;

import io.quarkus.test.junit.QuarkusTest;
import org.acceso.contracts.EventCodec;
import org.acceso.contracts.RequestAssigned;
import org.acceso.contracts.RequestEvent;
import org.acceso.contracts.StaffEvent;
import org.acceso.contracts.StaffMemberUpdated;
import org.acceso.contracts.Topics;
import org.acceso.request.Fixture;
import org.acceso.request.KeycloakAdminFake;
import org.acceso.request.KeycloakAdminFake.User;
import org.acceso.testsupport.KafkaEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.acceso.request.Fixture.ADMIN;
import static org.acceso.request.Fixture.ANA;
import static org.acceso.request.Fixture.ELENA;
import static org.acceso.request.Fixture.EVENTUALLY;
import static org.acceso.request.Fixture.as;
import static org.acceso.request.Fixture.post;
import static org.acceso.testsupport.ContractAssertions.assertMatchesContract;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

/**
 * The staff directory comes from Keycloak's admin API (here its fake, {@link KeycloakAdminFake}), not from the tokens of
 * staff who called: a coordinator assigns a clerk who never signed in; each member is announced on staff-events; someone
 * who leaves Keycloak leaves the directory; while Keycloak is away the last directory stays in force.
 */
@QuarkusTest
class StaffDirectoryTest {

    @AfterEach
    void keycloakAsTheFixtureHasIt() {
        KeycloakAdminFake.users(KeycloakAdminFake.fixtureStaff());
        as(ADMIN).post("/staff/refresh").then().statusCode(200);
    }

    /** A clerk of OBRAS who exists only in Keycloak: no token of theirs ever reached Acceso. */
    static User newcomer(String locale) {
        String id = UUID.randomUUID().toString();
        return User.clerk(id, "nuevo-" + id.substring(0, 8), "Nicolás", "Vera", "OBRAS", locale);
    }

    static List<User> fixtureStaffAnd(User... more) {
        List<User> users = new ArrayList<>(KeycloakAdminFake.fixtureStaff());
        users.addAll(List.of(more));
        return users;
    }

    static List<StaffMemberUpdated> staffEvents(String userId, int count) {
        List<ConsumerRecord<String, String>> records = KafkaEvents.awaitRecords(Topics.STAFF_EVENTS, userId, count, EVENTUALLY);
        assertThat(records).hasSize(count);
        return records.stream().map(record -> {
            assertMatchesContract(record.value());
            return (StaffMemberUpdated) EventCodec.decode(EventCodec.read(record.value()), StaffEvent.class).orElseThrow();
        }).toList();
    }

    @Test
    void shouldAssignAClerkWhoHasNeverSignedInByTheirAccountName() {
        User nicolas = newcomer("en");
        KeycloakAdminFake.users(fixtureStaffAnd(nicolas));
        String id = Fixture.file(null);

        post(ELENA, id, "/assignment", Map.of("agencyCode", "OBRAS", "clerk", nicolas.username())).then().statusCode(200)
                .body("status", equalTo("ASSIGNED"))
                .body("assignee.userId", equalTo(nicolas.id()))
                .body("assignee.name", equalTo("Nicolás Vera"));

        List<ConsumerRecord<String, String>> records = KafkaEvents.awaitRecords(Topics.REQUEST_EVENTS, id, 2, EVENTUALLY);
        RequestAssigned assigned = (RequestAssigned) EventCodec.decode(EventCodec.read(records.get(1).value()),
                RequestEvent.class).orElseThrow();
        assertThat(assigned.assignee().userId()).isEqualTo(nicolas.id());
        assertThat(assigned.assignee().email()).isEqualTo(nicolas.email());
        assertThat(assigned.assignee().language()).isEqualTo("en");
        assertThat(staffEvents(nicolas.id(), 1).get(0)).isEqualTo(new StaffMemberUpdated(nicolas.id(), nicolas.username(),
                "Nicolás Vera", nicolas.email(), "en", List.of("clerk"), "OBRAS", true,
                staffEvents(nicolas.id(), 1).get(0).updatedAt()));
    }

    @Test
    void shouldRefuseAClerkKeycloakDoesNotListAndNotAssignAClerkToAnotherAgency() {
        User nicolas = newcomer("es");
        KeycloakAdminFake.users(fixtureStaffAnd(nicolas));
        String id = Fixture.file(null);

        post(ELENA, id, "/assignment", Map.of("agencyCode", "SALUD", "clerk", nicolas.username())).then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("clerk"))
                .body("violations[0].message", containsString("is not a clerk of SALUD in Keycloak's staff directory"));
        post(ELENA, id, "/assignment", Map.of("agencyCode", "OBRAS", "clerk", "nadie-" + UUID.randomUUID())).then().statusCode(400)
                .body("violations[0].field", equalTo("clerk"));
        given().auth().oauth2(ANA).get("/requests/" + id).then().body("status", equalTo("RECEIVED"));
    }

    @Test
    void shouldAnnounceEveryMemberAndTheirDepartureOnStaffEvents() {
        User nicolas = newcomer("es");
        KeycloakAdminFake.users(fixtureStaffAnd(nicolas));
        as(ADMIN).post("/staff/refresh").then().statusCode(200)
                .body("clerks", equalTo(4))
                .body("coordinators", equalTo(1))
                .body("changed", equalTo(1));
        as(ADMIN).post("/staff/refresh").then().statusCode(200).body("changed", equalTo(0));
        as(ELENA).get("/staff").then().statusCode(200)
                .body("refreshedAt", notNullValue())
                .body("failure", nullValue())
                .body("members.find { it.userId == '" + nicolas.id() + "' }.roles", equalTo(List.of("clerk")))
                .body("members.find { it.userId == 'elena-sub' }.roles", equalTo(List.of("coordinator")))
                .body("members.find { it.userId == 'diego-sub' }.agencyCode", equalTo("SALUD"))
                .body("members.find { it.userId == 'diego-sub' }.language", equalTo("en"));

        KeycloakAdminFake.users(fixtureStaffAnd(nicolas.disabled()));
        as(ELENA).post("/staff/refresh").then().statusCode(200).body("clerks", equalTo(3)).body("changed", equalTo(1));

        List<StaffMemberUpdated> events = staffEvents(nicolas.id(), 2);
        assertThat(events.get(0).active()).isTrue();
        assertThat(events.get(1).active()).isFalse();
        assertThat(events.get(1).roles()).isEmpty();
        as(ELENA).get("/staff").then().body("members.userId", not(hasItem(nicolas.id())));
        String id = Fixture.file(null);
        post(ELENA, id, "/assignment", Map.of("agencyCode", "OBRAS", "clerk", nicolas.id())).then().statusCode(400)
                .body("violations[0].field", equalTo("clerk"));
    }

    @Test
    void shouldReadEveryPageOfARoleWithManyMembers() {
        List<User> many = new ArrayList<>(KeycloakAdminFake.fixtureStaff());
        for (int i = 0; i < 150; i++) {
            many.add(User.clerk("many-" + i, "muchos" + i, "Agente", String.valueOf(i), "SALUD", null));
        }
        KeycloakAdminFake.users(many);

        as(ADMIN).post("/staff/refresh").then().statusCode(200).body("clerks", equalTo(153));

        assertThat(KeycloakAdminFake.pageReads("clerk")).isEqualTo(2);
        as(ELENA).get("/agencies/SALUD/clerks").then().statusCode(200).body("$", hasSize(151))
                .body("userId", hasItem("many-149"));
    }

    @Test
    void shouldKeepTheLastDirectoryWhileKeycloakIsAway() {
        as(ADMIN).post("/staff/refresh").then().statusCode(200);
        KeycloakAdminFake.down();

        as(ELENA).post("/staff/refresh").then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "30")
                .body("type", equalTo("/problems/staff-directory-unavailable"))
                .body("detail", containsString("Keycloak could not be reached"))
                .body("detail", not(containsString("Exception")));
        as(ELENA).get("/staff").then().statusCode(200)
                .body("failure", equalTo("Keycloak could not be reached"))
                .body("members.userId", hasItem("carla-sub"));
        String id = Fixture.file(null);
        post(ELENA, id, "/assignment", Map.of("agencyCode", "OBRAS", "clerk", "carla")).then().statusCode(200)
                .body("assignee.userId", equalTo("carla-sub"));
        post(ELENA, id, "/assignment", Map.of("agencyCode", "OBRAS", "clerk", "nadie")).then().statusCode(400)
                .body("violations[0].field", equalTo("clerk"));
    }
}
