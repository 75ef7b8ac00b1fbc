package org.acceso.notification.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.persistence.EntityManager;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.acceso.notification.support.Mailbox;
import org.acceso.notification.support.Story;
import org.acceso.notification.support.TestClock;
import org.acceso.testsupport.TestTokens;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.acceso.notification.support.Mailbox.awaitSubject;
import static org.acceso.notification.support.Mailbox.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The daily digests: what they count, who gets them, and that each goes out once per day. */
@QuarkusTest
class DigestsTest {

    static final String AUDITOR = "auditor-one@example.org";

    @Inject
    Digests digests;

    @Inject
    TestClock clock;

    @Inject
    EntityManager em;

    /** Once the digests written at the shifted time went out (else they would wait for that time to come). */
    @AfterEach
    void realTime() {
        try {
            await().atMost(Mailbox.WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                    "SELECT count(*) FROM notification WHERE status = 'PENDING' AND kind LIKE 'digest%'").getSingleResult())
                    .longValue() == 0));
        } finally {
            clock.reset(); // whatever happened, the next tests run in real time
        }
    }

    /** One agency with a request due soon, one overdue (its deadline missed) and one answered. */
    static Story agencyWithThreeRequests() {
        Story dueSoon = Story.inSpanish().underWay();
        Story overdue = dueSoon.anotherOfItsAgency().underWay();
        overdue.send(overdue.missed());
        awaitSubject(overdue.requesterEmail, "no fue respondida a tiempo");
        Story answered = dueSoon.anotherOfItsAgency().underWay();
        answered.send(answered.answered("GRANTED", List.of()));
        awaitSubject(answered.requesterEmail, "Respuesta");
        return dueSoon;
    }

    @Test
    void shouldSendEachAgencyItsOpenDueSoonAndOverdueRequestsAndTheDirectorateEveryAgency() {
        Story story = agencyWithThreeRequests();
        clock.setNow(Instant.parse("2026-12-17T11:05:00Z")); // 08:05 in Rosario, Thursday 17 December

        assertThat(digests.runDue()).isEqualTo(3);

        MimeMessage agencyDigest = awaitSubject(story.agencyContact, "Resumen del jueves 17 de diciembre de 2026");
        assertThat(Mailbox.subject(agencyDigest)).isEqualTo("Resumen del jueves 17 de diciembre de 2026 de Secretaría de "
                + "Obras Públicas " + story.agency + ": 1 vencidas, 1 por vencer");
        assertThat(text(agencyDigest))
                .contains("Abiertas: 1")
                .contains("Vencen en los próximos 5 días: 1")
                .contains("Vencidas sin respuesta: 1")
                .contains("- " + story.trackingNumber + ", vence el lunes 21 de diciembre de 2026: Contratos de recolección");

        MimeMessage directorate = awaitSubject(AUDITOR, "Resumen de cumplimiento del jueves 17 de diciembre de 2026");
        assertThat(text(directorate))
                .contains("- Secretaría de Obras Públicas " + story.agency + ": 1 abiertas, 1 por vencer, 1 vencidas")
                .contains("(Secretaría de Obras Públicas " + story.agency + "), venció el lunes 21 de diciembre de 2026");
    }

    @Test
    void shouldSendTheDayDigestsOnceWhateverTheRunsAndInstances() throws Exception {
        Story story = Story.inSpanish().underWay();
        clock.setNow(Instant.parse("2026-12-18T11:30:00Z"));

        ExecutorService twoInstances = Executors.newFixedThreadPool(2);
        Callable<Integer> run = digests::runDue;
        List<Future<Integer>> runs = twoInstances.invokeAll(List.of(run, run));
        twoInstances.shutdown();
        int ran = runs.get(0).get() + runs.get(1).get();
        int ranAgain = digests.runDue(); // e.g. after a restart, later the same day

        assertThat(ran).isEqualTo(3);
        assertThat(ranAgain).isZero();
        awaitSubject(story.agencyContact, "Resumen del viernes 18 de diciembre de 2026");
        awaitSubject(AUDITOR, "Resumen de cumplimiento del viernes 18 de diciembre de 2026");
        Mailbox.assertStays(story.agencyContact, 2, Duration.ofSeconds(3)); // the assignment and one digest
        assertThat(Mailbox.subjects(AUDITOR).stream().filter(s -> s.contains("viernes 18 de diciembre de 2026"))).hasSize(1);
    }

    @Test
    void shouldWaitForTheConfiguredHour() {
        clock.setNow(Instant.parse("2026-12-19T10:59:00Z")); // 07:59 in Rosario

        assertThat(digests.runDue()).isZero();

        clock.setNow(Instant.parse("2026-12-19T11:00:00Z"));
        assertThat(digests.runDue()).isEqualTo(3);
    }

    @Test
    void shouldGatherTheCoordinationNoticesOfACoordinatorWhoChoseTheDailyDigest() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String daily = "owen-" + tag;
        String immediate = "elena-" + tag;
        Story story = Story.inSpanish();
        story.send(Story.coordinator(daily, "Owen Hart", daily + "@example.org", "en", true));
        story.send(Story.coordinator(immediate, "Elena Ruiz", immediate + "@example.org", "es", true));
        given().auth().oauth2(TestTokens.token(daily, daily + "@example.org", "coordinator")).contentType(ContentType.JSON)
                .body("{\"categories\":[{\"category\":\"COORDINATION\",\"email\":true,\"inApp\":true,\"dailyDigest\":true}]}")
                .put("/notifications/preferences").then().statusCode(200)
                .body("categories.find { it.category == 'COORDINATION' }.dailyDigest", equalTo(true))
                .body("categories.find { it.category == 'ASSIGNMENTS' }.dailyDigest", equalTo(false));
        try {
            story.send(story.agencyUpdated());
            story.send(story.filed());
            story.send(story.scheduled());
            story.send(story.appealFiled("DEEMED_DENIED"));
            awaitSubject(immediate + "@example.org", "Nueva solicitud sin organismo: " + story.trackingNumber);
            awaitSubject(immediate + "@example.org", "Reclamo presentado: solicitud " + story.trackingNumber);
            await().atMost(Mailbox.WAIT).until(() -> kept(daily) >= 2);
            assertThat(Mailbox.to(daily + "@example.org")).isEmpty(); // nothing one by one
            await().atMost(Mailbox.WAIT).untilAsserted(() -> given()
                    .auth().oauth2(TestTokens.token(daily, daily + "@example.org", "coordinator"))
                    .get("/notifications/mine").then().statusCode(200)
                    .body("items.kind", org.hamcrest.Matchers.hasItems("unrouted_request", "appeal_filed"))); // in the app at once
            story.send(Story.coordinator(daily, "Owen Hart", daily + "@example.org", "en", false));
            story.send(Story.coordinator(immediate, "Elena Ruiz", immediate + "@example.org", "es", false));

            clock.setNow(Instant.parse("2026-12-22T11:05:00Z")); // 08:05 in Rosario, Tuesday 22 December
            assertThat(digests.runDue()).isEqualTo(3);
            assertThat(digests.runDue()).isZero();

            MimeMessage digest = awaitSubject(daily + "@example.org", "Coordination digest of Tuesday, 22 December 2026");
            assertThat(text(digest)).startsWith("Hello Owen Hart,")
                    .contains("- New request that no agency holds: " + story.trackingNumber + " (") // (the day it was kept)
                    .contains("- Appeal filed: request " + story.trackingNumber + " of Secretaría de Obras Públicas " + story.agency);
            assertThat(kept(daily)).isZero(); // carried by today's digest: not again tomorrow
            clock.setNow(Instant.parse("2026-12-23T11:05:00Z"));
            assertThat(digests.runDue()).isEqualTo(3);
            Mailbox.assertStays(daily + "@example.org", 1, Duration.ofSeconds(3));
            assertThat(Mailbox.subjects(immediate + "@example.org")).noneMatch(subject -> subject.startsWith("Resumen de coordinación"));
        } finally {
            story.send(Story.coordinator(daily, "Owen Hart", daily + "@example.org", "en", false));
            story.send(Story.coordinator(immediate, "Elena Ruiz", immediate + "@example.org", "es", false));
        }
    }

    @Test
    void shouldOfferTheDailyDigestForCoordinationNoticesOnly() {
        String user = UUID.randomUUID().toString();
        given().auth().oauth2(TestTokens.token(user, "x@example.org", "clerk")).contentType(ContentType.JSON)
                .body("{\"categories\":[{\"category\":\"DEADLINE_ALERTS\",\"email\":true,\"inApp\":true,\"dailyDigest\":true}]}")
                .put("/notifications/preferences").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", org.hamcrest.Matchers.contains("categories.dailyDigest"))
                .body("violations.message", org.hamcrest.Matchers.contains("is offered for COORDINATION only"));
    }

    /** The notices kept for a recipient's next digest. */
    private long kept(String userId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM digest_entry WHERE recipient_user_id = ?1 AND digested_in IS NULL")
                .setParameter(1, userId).getSingleResult()).longValue());
    }
}
