package org.acceso.notification.messaging;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.acceso.contracts.Envelope;
import org.acceso.contracts.Person;
import org.acceso.contracts.RequestFiled;
import org.acceso.contracts.RequesterAnonymised;
import org.acceso.notification.domain.Agency;
import org.acceso.notification.domain.TrackedRequest;
import org.acceso.notification.support.Mailbox;
import org.acceso.notification.support.Story;
import org.acceso.testsupport.PersonalDataScan;
import org.acceso.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/**
 * Law 25.326: RequesterAnonymised makes this service forget the requester of a closed request everywhere it kept them
 * (the read model, every notice's recipient, subject and bodies, the clerk's notices that named them), idempotently
 * (the same event twice, a second event, a replay of the request's filing change nothing more); and
 * {@code GET /me/personal-data} shows a person what this service holds about them.
 */
@QuarkusTest
class RequesterAnonymisationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    AgroalDataSource db;

    @Test
    void shouldForgetTheRequesterEverywhereOnceAndForAll() throws Exception {
        Story story = Story.inSpanish();
        String name = "Rita Olvido " + story.requestId.toString().substring(0, 6);
        String token = TestTokens.token(story.requesterId, story.requesterEmail, Map.of("name", name), "resident");
        story.send(story.agencyUpdated());
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> Agency.findById(story.agency) != null));
        Envelope filing = story.send(new RequestFiled(story.trackingNumber, "Contratos de alumbrado 2025", null, "es",
                Story.FILED_AT, new Person(story.requesterId, name, story.requesterEmail), false));
        story.send(story.scheduled());
        story.send(story.assigned());
        story.send(story.answered("GRANTED", List.of()));
        Mailbox.await(story.requesterEmail, 2);
        Mailbox.await(story.clerkEmail, 1);
        List<String> data = List.of(name, story.requesterEmail, story.requesterId);
        assertThat(scan(data)).as("before").anyMatch(hit -> hit.startsWith("tracked_request.recipient_name"))
                .anyMatch(hit -> hit.startsWith("notification.recipient"))
                .anyMatch(hit -> hit.startsWith("notification.body"));
        given().auth().oauth2(token).get("/me/personal-data").then().statusCode(200)
                .body("requests.trackingNumber", hasItem(story.trackingNumber))
                .body("requests[0].name", equalTo(name))
                .body("requests[0].email", equalTo(story.requesterEmail))
                .body("notices.kind", hasItem("receipt"))
                .body("notices.recipient", hasItem(story.requesterEmail))
                .body("notices.body", hasItem(org.hamcrest.Matchers.containsString(name)))
                .body("preferences.categories", not(empty()));

        String pseudonym = "anon-" + story.requestId.toString().replace("-", "").substring(0, 16);
        RequesterAnonymised anonymised = new RequesterAnonymised(story.trackingNumber, story.agency, pseudonym,
                Instant.parse("2031-12-18T03:00:00Z"));
        Envelope first = story.send(anonymised);
        awaitProcessed(first.eventId());

        assertThat(scan(data)).as("after").isEmpty();
        TrackedRequest tracked = QuarkusTransaction.requiringNew().call(() -> TrackedRequest.findById(story.requestId));
        assertThat(tracked.recipientName).isEqualTo(pseudonym);
        assertThat(tracked.recipientEmail).isNull();
        assertThat(tracked.requesterUserId).isNull();
        assertThat(noticesOf(story.requestId)).contains(pseudonym + " | Recibimos su solicitud " + story.trackingNumber)
                .contains(story.clerkEmail + " | ");

        // the same event again, a second one, and a replay of the filing: nothing of theirs comes back
        story.resend(first);
        story.resend(filing);
        Envelope second = story.send(anonymised);
        awaitProcessed(second.eventId());
        assertThat(scan(data)).as("after replays").isEmpty();
        Mailbox.assertStays(story.requesterEmail, 2, Duration.ofSeconds(1));
        given().auth().oauth2(token).get("/me/personal-data").then().statusCode(200)
                .body("requests", hasSize(0))
                .body("notices", hasSize(0));
    }

    private void awaitProcessed(UUID eventId) {
        await().atMost(WAIT).until(() -> {
            try (Connection connection = db.getConnection();
                 PreparedStatement statement = connection.prepareStatement(
                         "SELECT count(*) FROM processed_event WHERE event_id = ?")) {
                statement.setObject(1, eventId);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getLong(1) > 0;
                }
            }
        });
    }

    /** Each notice of the request, as recipient and subject, one per line. */
    private String noticesOf(UUID requestId) throws Exception {
        StringBuilder notices = new StringBuilder();
        try (Connection connection = db.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT recipient, subject, body FROM notification WHERE request_id = ? ORDER BY id")) {
            statement.setObject(1, requestId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    notices.append(rows.getString(1)).append(" | ").append(rows.getString(2)).append('\n');
                }
            }
        }
        return notices.toString();
    }

    private List<String> scan(List<String> data) throws Exception {
        try (Connection connection = db.getConnection()) {
            return PersonalDataScan.find(connection, data);
        }
    }
}
