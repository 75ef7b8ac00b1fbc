package org.acceso.notification.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.acceso.notification.domain.Category;
import org.acceso.notification.domain.Channel;
import org.acceso.notification.domain.Notification;
import org.acceso.notification.domain.NotificationStatus;
import org.acceso.notification.support.Mailbox;
import org.acceso.notification.support.Story;
import org.acceso.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.acceso.notification.support.Mailbox.awaitSubject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/** The in-app feed, preferences, the delivery log and retries, and who may see what. */
@QuarkusTest
class NotificationResourceTest {

    static final String PROBLEM = "application/problem+json";

    String requester(Story story) {
        return TestTokens.resident(story.requesterId, story.requesterEmail);
    }

    String clerk(Story story) {
        return TestTokens.clerk(story.clerkId, story.clerkEmail, story.agency);
    }

    static String auditor() {
        return TestTokens.token("fede-" + UUID.randomUUID(), "fede@example.org", "auditor");
    }

    static String admin() {
        return TestTokens.token("admin-" + UUID.randomUUID(), "admin@example.org", "admin");
    }

    ValidatableResponse feed(String token) {
        return given().auth().oauth2(token).get("/notifications/mine").then();
    }

    @Test
    void shouldShowTheRequesterTheirOwnNoticesWithTheUnreadCount() {
        Story story = Story.inSpanish().underWay();
        story.send(story.clarificationRequested("¿Qué barrio?"));
        awaitSubject(story.requesterEmail, "Necesitamos");

        feed(requester(story)).statusCode(200)
                .body("total", equalTo(2))
                .body("unread", equalTo(2))
                .body("page", equalTo(0))
                .body("items.title", contains("Necesitamos que aclare su solicitud " + story.trackingNumber,
                        "Recibimos su solicitud " + story.trackingNumber))
                .body("items[0].kind", equalTo("clarification_requested"))
                .body("items[0].category", equalTo("REQUEST_UPDATES"))
                .body("items[0].trackingNumber", equalTo(story.trackingNumber))
                .body("items[0].requestId", equalTo(story.requestId.toString()))
                .body("items[0].text", containsString("¿Qué barrio?"))
                .body("items[0].read", equalTo(false));
    }

    @Test
    void shouldPageTheFeed() {
        Story story = Story.inSpanish().underWay();
        story.send(story.clarificationRequested("¿Qué barrio?"));
        awaitSubject(story.requesterEmail, "Necesitamos");

        given().auth().oauth2(requester(story)).queryParam("page", 1).queryParam("size", 1)
                .get("/notifications/mine").then().statusCode(200)
                .body("total", equalTo(2))
                .body("size", equalTo(1))
                .body("items.kind", contains("receipt"));
    }

    @Test
    void shouldMarkANoticeReadOnlyForItsRecipient() {
        Story story = Story.inSpanish().underWay();
        int id = feed(requester(story)).extract().path("items[0].id");
        String otherResident = TestTokens.resident(UUID.randomUUID().toString(), "ben@example.org");

        given().auth().oauth2(otherResident).post("/notifications/" + id + "/read").then()
                .statusCode(404).contentType(PROBLEM)
                .body("title", equalTo("Not Found"))
                .body("detail", equalTo("No notification " + id + " among yours"));
        given().auth().oauth2(clerk(story)).post("/notifications/" + id + "/read").then().statusCode(404).contentType(PROBLEM);
        feed(requester(story)).body("unread", equalTo(1));

        given().auth().oauth2(requester(story)).post("/notifications/" + id + "/read").then()
                .statusCode(200).body("id", equalTo(id)).body("read", equalTo(true));
        feed(requester(story)).body("unread", equalTo(0)).body("items[0].read", equalTo(true));
        given().auth().oauth2(requester(story)).post("/notifications/not-a-number/read").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void shouldShowAnotherResidentNoneOfTheRequestersNotices() {
        Story story = Story.inSpanish().underWay();

        feed(TestTokens.resident(UUID.randomUUID().toString(), "ben@example.org")).statusCode(200)
                .body("items", empty()).body("total", equalTo(0)).body("unread", equalTo(0));
    }

    @Test
    void shouldShowAClerkTheNoticesAddressedToThemOnly() {
        Story story = Story.inSpanish().underWay();

        feed(clerk(story)).statusCode(200)
                .body("total", equalTo(1))
                .body("items.kind", contains("assignment"))
                .body("items[0].title", containsString(story.trackingNumber));
        feed(TestTokens.clerk(UUID.randomUUID().toString(), "diego@example.org", "SALUD")).statusCode(200)
                .body("items", empty());
    }

    @Test
    void shouldRefuseTheFeedWithoutAToken() {
        given().get("/notifications/mine").then()
                .statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));
        given().auth().oauth2("not-a-token").get("/notifications/mine").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void shouldRefuseABadPage() {
        given().auth().oauth2(TestTokens.resident(UUID.randomUUID().toString(), "x@example.org"))
                .queryParam("size", 1000).get("/notifications/mine").then()
                .statusCode(400).contentType(PROBLEM)
                .body("violations.field", contains("size"))
                .body("violations.message", contains("must be a whole number from 1 to 100"));
    }

    @Test
    void shouldKeepPreferencesButAlwaysSendLegallySignificantNotices() {
        Story story = Story.inSpanish().underWay();
        given().auth().oauth2(requester(story)).get("/notifications/preferences").then().statusCode(200)
                .body("categories.category", contains("REQUEST_UPDATES", "ASSIGNMENTS", "DEADLINE_ALERTS", "DIGESTS",
                        "COORDINATION"))
                .body("categories.email", everyItem(equalTo(true)))
                .body("categories.inApp", everyItem(equalTo(true)))
                .body("categories.dailyDigest", everyItem(equalTo(false)))
                .body("alwaysSent", hasItem("receipt"))
                .body("alwaysSent", hasItem("extension"))
                .body("alwaysSent", hasItem("answer"))
                .body("alwaysSent", hasItem("deemed_denial"))
                .body("alwaysSent", hasItem("reschedule"));

        given().auth().oauth2(requester(story)).contentType(ContentType.JSON)
                .body("{\"categories\":[{\"category\":\"REQUEST_UPDATES\",\"email\":false,\"inApp\":false}]}")
                .put("/notifications/preferences").then().statusCode(200)
                .body("categories[0].email", equalTo(false))
                .body("categories[0].inApp", equalTo(false))
                .body("categories[1].email", equalTo(true));
        story.send(story.clarificationRequested("¿Qué barrio?"));

        awaitSubject(story.requesterEmail, "Necesitamos"); // legally significant: sent anyway
    }

    @Test
    void shouldStopRoutineNoticesTheClerkSwitchedOffAndKeepTheOthers() {
        Story story = Story.inSpanish().underWay();
        given().auth().oauth2(clerk(story)).contentType(ContentType.JSON)
                .body("{\"categories\":[{\"category\":\"DEADLINE_ALERTS\",\"email\":false,\"inApp\":true}]}")
                .put("/notifications/preferences").then().statusCode(200);

        story.send(story.approaching());

        awaitSubject(story.agencyBackup, "Vence pronto");
        Mailbox.assertStays(story.clerkEmail, 1, Duration.ofSeconds(2)); // the assignment only
        await().atMost(Mailbox.WAIT).untilAsserted(() -> feed(clerk(story)).body("items.kind", contains(
                "deadline_approaching", "assignment")));
    }

    @Test
    void shouldRefuseInvalidPreferencesWithTheirViolations() {
        String token = TestTokens.resident(UUID.randomUUID().toString(), "x@example.org");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"categories\":[{\"category\":\"SPAM\",\"email\":true}]}")
                .put("/notifications/preferences").then()
                .statusCode(400).contentType(PROBLEM)
                .body("violations.field", contains("categories.category", "categories.inApp"))
                .body("violations.message", contains(
                        "must be one of REQUEST_UPDATES, ASSIGNMENTS, DEADLINE_ALERTS, DIGESTS, COORDINATION", "is required"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"categories\":").put("/notifications/preferences")
                .then().statusCode(400).contentType(PROBLEM).body("detail", equalTo("The request body is not well-formed JSON"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"categories\":[{\"category\":\"DIGESTS\","
                        + "\"email\":\"maybe\",\"inApp\":true}]}").put("/notifications/preferences")
                .then().statusCode(400).contentType(PROBLEM);
        given().auth().oauth2(token).contentType(ContentType.JSON).put("/notifications/preferences")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void shouldShowAuditorsTheDeliveryLogAndAdminsItWithAddressesMasked() {
        Story story = Story.inSpanish().underWay();
        String today = java.time.LocalDate.now(java.time.ZoneId.of(Story.ZONE)).toString();

        given().auth().oauth2(auditor()).queryParam("status", "SENT").queryParam("from", today).queryParam("size", 100)
                .get("/notifications").then().statusCode(200)
                .body("total", greaterThanOrEqualTo(3))
                .body("items.status", everyItem(equalTo("SENT")))
                .body("items.trackingNumber", hasItem(story.trackingNumber))
                .body("items.find { it.trackingNumber == '" + story.trackingNumber + "' && it.kind == 'receipt' "
                        + "&& it.channel == 'EMAIL' }.recipient", equalTo(story.requesterEmail))
                .body("items.find { it.trackingNumber == '" + story.trackingNumber + "' && it.kind == 'receipt' "
                        + "&& it.channel == 'EMAIL' }.legallySignificant", equalTo(true));
        // admins run the mail, not the requests: they see the delivery, the requester's address masked
        String masked = story.requesterEmail.charAt(0) + "***" + story.requesterEmail.substring(story.requesterEmail.indexOf('@'));
        given().auth().oauth2(admin()).queryParam("status", "SENT").queryParam("from", today).queryParam("size", 100)
                .get("/notifications").then().statusCode(200)
                .body("items.find { it.trackingNumber == '" + story.trackingNumber + "' && it.kind == 'receipt' "
                        + "&& it.channel == 'EMAIL' }.recipient", equalTo(masked))
                .body("items.recipient", not(hasItem(story.requesterEmail)));
        given().auth().oauth2(auditor()).queryParam("to", "2000-01-01").get("/notifications").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void shouldRefuseTheDeliveryLogToResidentsAndClerks() {
        Story story = Story.inSpanish();
        for (String token : new String[]{requester(story), clerk(story),
                TestTokens.token(UUID.randomUUID().toString(), "elena@example.org", "coordinator")}) {
            given().auth().oauth2(token).get("/notifications").then()
                    .statusCode(403).contentType(PROBLEM).body("title", equalTo("Forbidden"));
        }
        given().get("/notifications").then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void shouldRefuseABadDeliveryLogQueryWithItsViolations() {
        given().auth().oauth2(auditor()).queryParam("status", "LOST").queryParam("from", "yesterday")
                .get("/notifications").then()
                .statusCode(400).contentType(PROBLEM)
                .body("violations.field", contains("from", "status"))
                .body("violations.message", contains("must be a date (2026-12-01) or an instant (2026-12-01T12:00:00Z)",
                        "must be one of PENDING, SENT, FAILED"));
        given().auth().oauth2(auditor()).queryParam("from", "2026-12-10").queryParam("to", "2026-12-01")
                .get("/notifications").then()
                .statusCode(400).contentType(PROBLEM)
                .body("violations.field", contains("to"))
                .body("violations.message", contains("must not be before from"));
        given().auth().oauth2(auditor()).queryParam("from", "2026-13-45").get("/notifications").then()
                .statusCode(400).contentType(PROBLEM).body("violations.field", contains("from"));
    }

    @Test
    void shouldLetAnAdminRetryAFailedEmailAndThenSendIt() {
        String address = "retry-" + UUID.randomUUID() + "@example.org";
        long id = failedEmailTo(address);

        given().auth().oauth2(auditor()).post("/notifications/" + id + "/retry").then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(TestTokens.resident(UUID.randomUUID().toString(), address))
                .post("/notifications/" + id + "/retry").then().statusCode(403).contentType(PROBLEM);

        given().auth().oauth2(admin()).post("/notifications/" + id + "/retry").then()
                .statusCode(200)
                .body("id", equalTo((int) id))
                .body("status", equalTo("PENDING"))
                .body("attempts", equalTo(0))
                .body("lastError", equalTo("550 mailbox unavailable"));

        assertThat(Mailbox.subject(Mailbox.await(address, 1).get(0))).isEqualTo("Aviso reintentado");
        await().atMost(Mailbox.WAIT).untilAsserted(() -> given().auth().oauth2(admin()).post("/notifications/" + id + "/retry")
                .then().statusCode(409).contentType(PROBLEM)
                .body("detail", equalTo("Notification " + id + " has not failed: only a FAILED notification can be retried")));
        given().auth().oauth2(admin()).post("/notifications/999999999/retry").then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(admin()).post("/notifications/abc/retry").then().statusCode(404).contentType(PROBLEM);
    }

    static long failedEmailTo(String address) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Notification n = new Notification();
            n.eventId = UUID.randomUUID();
            n.recipient = address;
            n.channel = Channel.EMAIL;
            n.kind = "receipt";
            n.category = Category.REQUEST_UPDATES;
            n.legal = true;
            n.language = "es";
            n.subject = "Aviso reintentado";
            n.body = "Texto del aviso.";
            n.htmlBody = "<p>Texto del aviso.</p>";
            n.status = NotificationStatus.FAILED;
            n.attempts = 8;
            n.lastError = "550 mailbox unavailable";
            n.createdAt = Instant.now();
            n.nextAttemptAt = Instant.now();
            n.persist();
            return n.id;
        });
    }
}
