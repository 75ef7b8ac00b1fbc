package org.acceso.systemtests;

import io.restassured.path.json.JsonPath;
import org.acceso.systemtests.Mailbox.Mail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.acceso.systemtests.Gateway.as;
import static org.acceso.systemtests.Gateway.awaitOrFail;
import static org.acceso.systemtests.Gateway.ok;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Staff come from Keycloak, not from who happened to sign in: Elena (coordinator) assigns requests to clerks by their
 * account name before they ever signed in, and each clerk's mailbox gets the assignment notice, in their language.
 * Carla may already have signed in when this runs (the journeys share one system and run in any order), so a clerk
 * made here through Keycloak's admin API, who certainly never signed in, is assigned too; on a freshly started stack
 * Carla is one as well. Elena also hears of each new request that no agency holds.
 */
@ExtendWith(SharedSystem.class)
class StaffFromKeycloakIT {

    static final Duration MAIL_WAIT = Duration.ofSeconds(90);

    @Test
    void aCoordinatorAssignsClerksWhoNeverSignedInAndEachGetsTheAssignmentNotice() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String username = "nuevo-" + tag;
        String email = username + "@example.org";
        String userId = new SecurityIT.KeycloakAdmin().createUser(username, email, "Nora", "Quinn",
                Map.of("agency", List.of("OBRAS"), "locale", List.of("en")), "clerk");

        Filed toNora = fileWithoutAgency("Planos de la plaza del barrio " + tag);
        // the realm makes the e-mail the user name of every account it creates (registrationEmailAsUsername): Nora's
        // account is named by her address
        JsonPath assigned = ok(as("elena").body(Map.of("agencyCode", "OBRAS", "clerk", email))
                .post("/api/requests/{id}/assignment", toNora.id()));
        assertThat(assigned.getString("assignee.userId")).isEqualTo(userId);
        assertThat(assigned.getString("assignee.name")).isEqualTo("Nora Quinn");

        Mail notice = awaitOrFail("the assignment notice to " + email, MAIL_WAIT,
                () -> SharedSystem.get().mailbox().to(email, toNora.trackingNumber()), mails -> !mails.isEmpty()).get(0);
        assertThat(notice.subject()).isEqualTo("Request " + toNora.trackingNumber() + " assigned to Secretaría de Obras Públicas (Nora Quinn)");
        assertThat(notice.text()).contains("Hello Nora Quinn,").contains("Worked by: Nora Quinn.");

        // carla, who has not signed in on this fresh stack, by her account's user name as Keycloak's directory holds it
        String carla = ok(as("elena").get("/api/staff")).getString("members.find { it.name == 'Carla Gómez' }.username");
        assertThat(carla).as("carla in the staff directory").isNotNull();
        Filed toCarla = fileWithoutAgency("Planos de la plaza del barrio " + tag + " (segunda)");
        ok(as("elena").body(Map.of("agencyCode", "OBRAS", "clerk", carla)).post("/api/requests/{id}/assignment", toCarla.id()));
        Mail toCarlaNotice = awaitOrFail("the assignment notice to carla", MAIL_WAIT,
                () -> SharedSystem.get().mailbox().to("carla@example.org", toCarla.trackingNumber()), mails -> !mails.isEmpty()).get(0);
        assertThat(toCarlaNotice.subject()).isEqualTo("Solicitud " + toCarla.trackingNumber() + " asignada a Secretaría de Obras Públicas (Carla Gómez)");

        Mail unrouted = awaitOrFail("elena's notice of the request no agency held", MAIL_WAIT,
                () -> SharedSystem.get().mailbox().to("elena@example.org", toNora.trackingNumber()), mails -> !mails.isEmpty()).get(0);
        assertThat(unrouted.subject()).isEqualTo("Nueva solicitud sin organismo: " + toNora.trackingNumber());

        JsonPath staff = ok(as("elena").get("/api/staff"));
        assertThat(staff.getString("failure")).isNull();
        assertThat(staff.getString("members.find { it.userId == '" + userId + "' }.agencyCode")).isEqualTo("OBRAS");
        assertThat(staff.getString("members.find { it.userId == '" + userId + "' }.language")).isEqualTo("en");
        String nora = staff.getString("members.find { it.userId == '" + userId + "' }.username");
        assertThat(staff.getList("members.name", String.class)).contains("Carla Gómez", "Nora Quinn");
        assertThat(ok(as("elena").get("/api/agencies/OBRAS/clerks")).getList("username", String.class))
                .contains(carla, nora);
    }

    record Filed(String id, String trackingNumber) {
    }

    /** Ana files a request for the coordinators to route. */
    private static Filed fileWithoutAgency(String subject) {
        JsonPath filed = as("ana").body(Map.of("subject", subject, "description", "Copia de los planos aprobados."))
                .post("/api/requests").then().statusCode(201).extract().jsonPath();
        return new Filed(filed.getString("id"), filed.getString("trackingNumber"));
    }
}
