package org.acceso.deadline.rest;

import static io.restassured.RestAssured.given;
import static org.acceso.deadline.Events.local;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.acceso.contracts.AppealFiled;
import org.acceso.contracts.AppealResolved;
import org.acceso.contracts.ClarificationProvided;
import org.acceso.contracts.ClarificationRequested;
import org.acceso.contracts.ExtensionGranted;
import org.acceso.contracts.RequestAnswered;
import org.acceso.contracts.RequestEvent;
import org.acceso.contracts.RequestReferred;
import org.acceso.contracts.RequestWithdrawn;
import org.acceso.deadline.Events;
import org.acceso.deadline.MutableClock;
import org.acceso.deadline.service.SweepService;
import org.acceso.testsupport.TestTokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A known set of requests received in June-August 2025 (Rosario), seeded through request-events, swept as of
 * Mon 1 Sep 2025 12:00; every figure of docs/compliance.md checked in JSON and CSV. Due dates counted by hand:
 * filed Mon 2 Jun → due Wed 25 Jun (16 and 20 Jun holidays); filed Mon 21 Jul → due Mon 11 Aug;
 * filed Mon 4 Aug → due Tue 26 Aug (15 Aug bridge day).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplianceResourceTest {

    static final String AUDITOR = TestTokens.token("fede-sub", "fede@example.org", "auditor");
    static final String PERIOD = "from=2025-06-01&to=2025-08-31";

    @Inject
    SweepService sweep;

    @Inject
    EntityManager em;

    private final List<UUID> eventIds = new ArrayList<>();

    @BeforeAll
    void seed() {
        // R1 AUDITA, imported, answered on time after 6 business days (3-6, 9-10 Jun): GRANTED.
        request("R1", "AUDITA", "2025-06-02T10:00", true,
                new RequestAnswered("R1", "AUDITA", "GRANTED", "Sí.", List.of(), List.of(), local("2025-06-10T10:00")));
        // R2 AUDITA, answered late on Fri 27 Jun after 17 business days: GRANTED.
        request("R2", "AUDITA", "2025-06-02T10:00", false,
                new RequestAnswered("R2", "AUDITA", "GRANTED", "Sí.", List.of(), List.of(), local("2025-06-27T10:00")));
        // R3 AUDITA, extended on Thu 19 Jun (before expiry) to Thu 17 Jul, answered Thu 10 Jul (25 business days):
        // PARTIALLY_GRANTED on personal-data.
        request("R3", "AUDITA", "2025-06-02T10:00", false,
                new ExtensionGranted("R3", "AUDITA", "Volumen.", null, local("2025-06-19T10:00")),
                new RequestAnswered("R3", "AUDITA", "PARTIALLY_GRANTED", "En parte.", List.of("personal-data"), List.of(),
                        local("2025-07-10T10:00")));
        // R4 AUDITA, paused Wed 4 Jun (2 days counted), reply Wed 11 Jun, denied Fri 13 Jun (2 more): 4 business days;
        // DENIED on two grounds, appealed and upheld.
        request("R4", "AUDITA", "2025-06-02T10:00", false,
                new ClarificationRequested("R4", "AUDITA", "¿Cuál?", local("2025-06-04T10:00")),
                new ClarificationProvided("R4", "AUDITA", "Esta.", local("2025-06-11T10:00")),
                new RequestAnswered("R4", "AUDITA", "DENIED", "No.", List.of("personal-data", "security"), List.of(),
                        local("2025-06-13T10:00")),
                new AppealFiled("R4", "AUDITA", "DENIED", "Quiero.", local("2025-06-23T10:00")),
                new AppealResolved("R4", "AUDITA", "UPHELD", "Entréguese.", local("2025-07-15T10:00")));
        // R5 AUDITB, never answered: deemed denied, 16+ business days past due on 1 Sep.
        request("R5", "AUDITB", "2025-06-02T10:00", false);
        // R6 AUDITB, due Tue 26 Aug: 4 business days past due on Mon 1 Sep.
        request("R6", "AUDITB", "2025-08-04T10:00", false);
        // R7 AUDITB, due Mon 11 Aug: 14 business days past due on Mon 1 Sep (15 Aug bridge skipped).
        request("R7", "AUDITB", "2025-07-21T10:00", false);
        // R8 AUDITB, withdrawn.
        request("R8", "AUDITB", "2025-06-02T10:00", false,
                new RequestWithdrawn("R8", "AUDITB", "Ya no.", local("2025-06-05T10:00")));
        // R9 AUDITA, referred to AUDITB on Tue 3 Jun (the clock continues), NOT_HELD on Tue 17 Jun: 10 business days.
        request("R9", "AUDITA", "2025-06-02T10:00", false,
                new RequestReferred("R9", "AUDITB", "AUDITA", null, "Es de B.", local("2025-06-03T10:00")),
                new RequestAnswered("R9", "AUDITB", "NOT_HELD", "No la tenemos.", List.of(), List.of(), local("2025-06-17T10:00")));

        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("SELECT count(*) FROM processed_event WHERE event_id IN (:ids)")
                        .setParameter("ids", eventIds).getSingleResult()).intValue()) == eventIds.size());
        // Figures are as of Mon 1 Sep 2025 12:00 for the whole class (reset after it).
        MutableClock.set(local("2025-09-01T12:00"));
        sweep.sweep();
    }

    @org.junit.jupiter.api.AfterAll
    void realTime() {
        MutableClock.reset();
    }

    @Test
    void shouldComputeEveryFigureOfTheSummary() {
        given().auth().oauth2(AUDITOR).get("/compliance/summary?" + PERIOD).then().statusCode(200)
                .body("agency", nullValue())
                .body("from", equalTo("2025-06-01"))
                .body("to", equalTo("2025-08-31"))
                .body("received", equalTo(9))
                .body("answered", equalTo(5))
                .body("answeredWithinInitialDeadline", equalTo(3))
                .body("answeredWithinExtendedDeadline", equalTo(1))
                .body("answeredLate", equalTo(1))
                .body("extended", equalTo(1))
                .body("extensionRate", equalTo(0.1111f))
                .body("extensionsGranted", equalTo(1))
                .body("extensionsGrantedBeforeExpiry", equalTo(1))
                .body("businessDaysToAnswer.mean", equalTo(12.40f))
                .body("businessDaysToAnswer.median", equalTo(10))
                .body("businessDaysToAnswer.p90", equalTo(25))
                .body("outcomes.GRANTED", equalTo(2))
                .body("outcomes.PARTIALLY_GRANTED", equalTo(1))
                .body("outcomes.DENIED", equalTo(1))
                .body("outcomes.NOT_HELD", equalTo(1))
                .body("denialsByGround.'personal-data'", equalTo(2))
                .body("denialsByGround.security", equalTo(1))
                .body("referredRequests", equalTo(1))
                .body("referrals", equalTo(1))
                .body("deemedDenials", equalTo(3))
                .body("withdrawn", equalTo(1))
                .body("appealsFiled", equalTo(1))
                .body("appealsResolved", equalTo(1))
                .body("appealDecisions.UPHELD", equalTo(1))
                .body("openPastDue.'1-5'", equalTo(1))
                .body("openPastDue.'6-15'", equalTo(1))
                .body("openPastDue.'16+'", equalTo(1));
    }

    @Test
    void shouldComputeTheFiguresPerAgency() {
        given().auth().oauth2(AUDITOR).get("/compliance/agencies?" + PERIOD).then().statusCode(200)
                .body("agency", contains("AUDITA", "AUDITB"))
                .body("received", contains(4, 5))
                .body("answered", contains(4, 1))
                .body("answeredWithinInitialDeadline", contains(2, 1))
                .body("answeredWithinExtendedDeadline", contains(1, 0))
                .body("answeredLate", contains(1, 0))
                .body("extensionRate", contains(0.25f, 0.0f))
                .body("businessDaysToAnswer.mean", contains(13.00f, 10.00f))
                .body("businessDaysToAnswer.median", contains(6, 10))
                .body("businessDaysToAnswer.p90", contains(25, 10))
                .body("[0].denialsByGround.'personal-data'", equalTo(2))
                .body("[1].denialsByGround.size()", equalTo(0))
                .body("referredRequests", contains(0, 1))
                .body("deemedDenials", contains(0, 3))
                .body("withdrawn", contains(0, 1))
                .body("appealsFiled", contains(1, 0))
                .body("[1].openPastDue.'16+'", equalTo(1));
    }

    @Test
    void shouldComputeTheFiguresPerAgencyAndMonthForThePublicRegister() {
        // the register's client-credentials token: role register, no agency claim
        String register = TestTokens.token("service-account-acceso-register", null, "register");
        given().auth().oauth2(register).get("/compliance/agencies?" + PERIOD + "&per=month").then().statusCode(200)
                .body("agency", contains("AUDITA", "AUDITB", "AUDITB", "AUDITB"))
                .body("from", contains("2025-06-01", "2025-06-01", "2025-07-01", "2025-08-01"))
                .body("to", contains("2025-06-30", "2025-06-30", "2025-07-31", "2025-08-31"))
                .body("received", contains(4, 3, 1, 1))
                .body("answered", contains(4, 1, 0, 0))
                .body("answeredWithinInitialDeadline", contains(2, 1, 0, 0))
                .body("answeredWithinExtendedDeadline", contains(1, 0, 0, 0))
                .body("answeredLate", contains(1, 0, 0, 0))
                .body("deemedDenials", contains(0, 1, 1, 1))
                .body("businessDaysToAnswer.median", contains(6, 10, null, null))
                .body("[0].denialsByGround.'personal-data'", equalTo(2))
                .body("[0].denialsByGround.security", equalTo(1))
                .body("[1].denialsByGround.size()", equalTo(0))
                .body("openPastDue.'16+'", contains(0, 1, 0, 0))
                .body("openPastDue.'6-15'", contains(0, 0, 1, 0))
                .body("openPastDue.'1-5'", contains(0, 0, 0, 1));
        // a period that starts and ends inside months: each entry is clamped to it
        given().auth().oauth2(AUDITOR).get("/compliance/agencies?from=2025-06-02&to=2025-07-21&per=month").then()
                .statusCode(200)
                .body("agency", contains("AUDITA", "AUDITB", "AUDITB"))
                .body("from", contains("2025-06-02", "2025-06-02", "2025-07-01"))
                .body("to", contains("2025-06-30", "2025-06-30", "2025-07-21"));
        given().auth().oauth2(AUDITOR).accept("text/csv").get("/compliance/agencies?" + PERIOD + "&per=month").then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.containsString("AUDITB,2025-07-01,2025-07-31,received,,1\n"));
        given().auth().oauth2(AUDITOR).get("/compliance/agencies?" + PERIOD + "&per=week").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("per"));
    }

    @Test
    void shouldWriteEveryFigureAsCsv() {
        String csv = given().auth().oauth2(AUDITOR).accept("text/csv").get("/compliance/summary?" + PERIOD).then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .extract().asString();

        String row = "ALL,2025-06-01,2025-08-31,";
        assertThat(csv.lines().toList()).containsExactly(
                "agency,from,to,figure,key,value",
                row + "received,,9",
                row + "answered,,5",
                row + "answered_within_initial_deadline,,3",
                row + "answered_within_extended_deadline,,1",
                row + "answered_late,,1",
                row + "extended,,1",
                row + "extension_rate,,0.1111",
                row + "extensions_granted,,1",
                row + "extensions_granted_before_expiry,,1",
                row + "business_days_to_answer,mean,12.40",
                row + "business_days_to_answer,median,10",
                row + "business_days_to_answer,p90,25",
                row + "outcome,GRANTED,2",
                row + "outcome,PARTIALLY_GRANTED,1",
                row + "outcome,DENIED,1",
                row + "outcome,NOT_HELD,1",
                row + "denials_by_ground,personal-data,2",
                row + "denials_by_ground,security,1",
                row + "referred_requests,,1",
                row + "referrals,,1",
                row + "deemed_denials,,3",
                row + "withdrawn,,1",
                row + "appeals_filed,,1",
                row + "appeals_resolved,,1",
                row + "appeal_decision,UPHELD,1",
                row + "open_past_due,1-5,1",
                row + "open_past_due,6-15,1",
                row + "open_past_due,16+,1");

        String agencies = given().auth().oauth2(AUDITOR).accept("text/csv").get("/compliance/agencies?" + PERIOD).then()
                .statusCode(200).extract().asString();
        assertThat(agencies.lines()).contains("AUDITA,2025-06-01,2025-08-31,received,,4",
                "AUDITB,2025-06-01,2025-08-31,received,,5", "AUDITB,2025-06-01,2025-08-31,deemed_denials,,3");
    }

    @Test
    void shouldShowAClerkTheirOwnAgencyOnly() {
        String clerkB = TestTokens.clerk("diego-sub", "diego@example.org", "AUDITB");
        given().auth().oauth2(clerkB).get("/compliance/summary?" + PERIOD).then().statusCode(200)
                .body("agency", equalTo("AUDITB"))
                .body("received", equalTo(5));
        given().auth().oauth2(clerkB).get("/compliance/summary?" + PERIOD + "&agency=AUDITA").then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo("A clerk sees the figures of their own agency only"));
        given().auth().oauth2(clerkB).get("/compliance/agencies?" + PERIOD).then().statusCode(200)
                .body("agency", contains("AUDITB"));
        given().auth().oauth2(TestTokens.resident("ana-sub", "ana@example.org")).get("/compliance/summary?" + PERIOD)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(AUDITOR).get("/compliance/summary?from=2025-09-01&to=2025-06-01").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(AUDITOR).get("/compliance/summary?" + PERIOD + "&agency=NOBODY").then().statusCode(200)
                .body("received", equalTo(0))
                .body("outcomes.GRANTED", equalTo(0))
                .body("denialsByGround.size()", equalTo(0));
    }

    private void request(String tracking, String agency, String filedLocal, boolean imported, RequestEvent... then) {
        UUID id = UUID.randomUUID();
        eventIds.add(Events.send(id, Events.filed(tracking, agency, local(filedLocal), imported)));
        for (RequestEvent event : then) {
            eventIds.add(Events.send(id, event));
        }
    }
}
