package org.acceso.deadline.messaging;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.acceso.contracts.Person;
import org.acceso.contracts.RequestAnswered;
import org.acceso.contracts.RequestFiled;
import org.acceso.contracts.RequesterAnonymised;
import org.acceso.deadline.Events;
import org.acceso.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Law 25.326: deadline-service holds one datum of the requester, the account id on each clock (which lets them read
 * it). RequesterAnonymised replaces it with the pseudonym, idempotently, and leaves the clock and the compliance
 * figures exactly as they were.
 */
@QuarkusTest
class RequesterAnonymisedTest {

    static final String AUDITOR = TestTokens.token("fede-sub", "fede@example.org", "auditor");
    static final String AGENCY = "PRIVACIDAD";

    @Inject
    EntityManager em;

    @Test
    void shouldReplaceTheRequestersAccountIdAndKeepClockAndFigures() {
        UUID requestId = UUID.randomUUID();
        String subject = "rita-" + requestId.toString().substring(0, 8);
        String rita = TestTokens.resident(subject, "rita@example.org");
        Instant filedAt = Events.local("2026-11-26T14:20");
        Events.send(requestId, new RequestFiled("AIP-2026-000901", "Contratos", AGENCY, "es", filedAt,
                new Person(subject, "Rita Olvido", "rita@example.org"), false));
        Events.send(requestId, new RequestAnswered("AIP-2026-000901", AGENCY, "GRANTED", "Se adjunta.", List.of(),
                List.of(), Events.local("2026-12-01T10:00")));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(rita)
                .get("/deadlines/" + requestId).then().statusCode(200).body("status", equalTo("STOPPED")));
        String clockBefore = given().auth().oauth2(AUDITOR).get("/deadlines/" + requestId).then().statusCode(200)
                .extract().asString();
        Map<String, Object> figuresBefore = figures();

        RequesterAnonymised anonymised = new RequesterAnonymised("AIP-2026-000901", AGENCY, "anon-0123456789abcdef",
                Instant.parse("2031-12-01T03:00:00Z"));
        Events.send(requestId, anonymised);
        Events.send(requestId, anonymised); // a second event (the relay retried): nothing more happens

        await().atMost(Duration.ofSeconds(60)).until(() -> "anon-0123456789abcdef".equals(requesterOf(requestId)));
        given().auth().oauth2(rita).get("/deadlines/" + requestId).then().statusCode(404);
        assertThat(given().auth().oauth2(AUDITOR).get("/deadlines/" + requestId).then().statusCode(200)
                .extract().asString()).isEqualTo(clockBefore);
        assertThat(figures()).isEqualTo(figuresBefore);
    }

    /** The agency's figures, without the instant they were computed at. */
    private static Map<String, Object> figures() {
        Map<String, Object> figures = new HashMap<>(given().auth().oauth2(AUDITOR).queryParam("agency", AGENCY)
                .queryParam("from", "2026-11-01").queryParam("to", "2026-12-31").get("/compliance/summary").then()
                .statusCode(200).extract().jsonPath().getMap("$"));
        assertThat(figures.remove("asOf")).isNotNull();
        return figures;
    }

    private String requesterOf(UUID requestId) {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> (String) em
                .createNativeQuery("SELECT requester_user_id FROM legal_clock WHERE request_id = ?1")
                .setParameter(1, requestId).getSingleResult());
    }
}
