package org.acceso.systemtests;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.acceso.systemtests.Mailbox.Mail;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.acceso.systemtests.Gateway.anonymous;
import static org.acceso.systemtests.Gateway.as;
import static org.acceso.systemtests.Gateway.assertProblem;
import static org.acceso.systemtests.Gateway.awaitOrFail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A resident's journey through the gateway, against the real system: Ana files a request, gets a tracking number
 * at once, and receives one e-mail with the tracking number and the legal due date in Spanish; the request then
 * shows that due date. Nobody without a token, and no other resident, can read it. A filing sent twice with one
 * {@code Idempotency-Key} (a client that got no answer and tries again) is one request with one receipt.
 */
@ExtendWith(SharedSystem.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the journey first, so it times filing -> e-mail itself
class ResidentFilesRequestIT {

    private static final String ANA = "ana";
    private static final String ANA_EMAIL = "ana@example.org";
    private static final String BEN = "ben";
    private static final String BEN_EMAIL = "ben@example.org";

    private static final String SUBJECT = "Contratos de recolección de residuos";
    private static final String DESCRIPTION = "Copia de los contratos vigentes y sus anexos.";
    private static final Map<String, String> FILE_REQUEST = Map.of(
            "subject", SUBJECT,
            "description", DESCRIPTION,
            "language", "es");

    private static final String TRACKING_NUMBER = "AIP-\\d{4}-\\d{6}";
    private static final String END_OF_DAY_IN_ARGENTINA = "T23:59:59-03:00";
    private static final ZoneOffset ARGENTINA = ZoneOffset.ofHours(-3);
    private static final DateTimeFormatter SPANISH_LONG_DATE =
            DateTimeFormatter.ofPattern("EEEE d 'de' MMMM 'de' yyyy", Locale.forLanguageTag("es-AR"));

    private static final Duration RECEIPT_WAIT = Duration.ofSeconds(60);
    private static final Duration DUE_DATE_WAIT = Duration.ofSeconds(30);
    private static final Duration NO_SECOND_RECEIPT_FOR = Duration.ofSeconds(5);

    private static Filing anasRequest;

    /** The gateway's answer to Ana's filing, and when she sent it. */
    private record Filing(Response response, long sentAtNanos) {

        String id() {
            return response.jsonPath().getString("id");
        }

        String trackingNumber() {
            return response.jsonPath().getString("trackingNumber");
        }
    }

    private static AccesoSystem system() {
        return SharedSystem.get();
    }

    @Test
    @Order(1)
    void residentFilesRequestAndIsEmailedTrackingNumberAndDueDateOnce() {
        Filing filing = anasRequest();
        Response created = filing.response();
        assertThat(created.statusCode()).as("POST /api/requests: %s", created.asString()).isEqualTo(201);
        assertThat(created.contentType()).startsWith("application/json");
        JsonPath body = created.jsonPath();
        String id = body.getString("id");
        String trackingNumber = body.getString("trackingNumber");
        assertThat(id).as("id in %s", created.asString()).isNotBlank();
        assertThat(trackingNumber).as("trackingNumber in %s", created.asString()).matches(TRACKING_NUMBER);
        assertThat(body.getString("status")).isEqualTo("RECEIVED");
        assertThat(body.getString("subject")).isEqualTo(SUBJECT);
        assertThat(body.getString("description")).isEqualTo(DESCRIPTION);
        assertThat(body.getString("language")).isEqualTo("es");
        assertThat(body.getString("filedAt")).as("filedAt in %s", created.asString()).isNotBlank();
        assertThat(created.header("Location")).as("Location header").isNotBlank().endsWith("/" + id);

        List<Mail> receipts = awaitOrFail("the receipt e-mail to " + ANA_EMAIL + " naming " + trackingNumber, RECEIPT_WAIT,
                () -> system().mailbox().to(ANA_EMAIL, trackingNumber), found -> !found.isEmpty());
        system().recordTiming("filing (POST sent) -> receipt e-mail received", AccesoSystem.millisSince(filing.sentAtNanos()));

        Response view = awaitOrFail("a due date on GET /api/requests/" + id, DUE_DATE_WAIT,
                () -> asAna().get("/api/requests/{id}", id),
                response -> response.statusCode() == 200 && response.jsonPath().getString("dueOn") != null);
        JsonPath request = view.jsonPath();
        assertThat(request.getString("id")).isEqualTo(id);
        assertThat(request.getString("trackingNumber")).isEqualTo(trackingNumber);
        LocalDate dueOn = LocalDate.parse(request.getString("dueOn"));
        String dueAt = request.getString("dueAt");
        assertThat(dueAt).as("dueAt in %s", view.asString()).endsWith(END_OF_DAY_IN_ARGENTINA);
        assertThat(OffsetDateTime.parse(dueAt).toLocalDate()).as("the day of dueAt").isEqualTo(dueOn);
        LocalDate filedOn = OffsetDateTime.parse(body.getString("filedAt")).withOffsetSameInstant(ARGENTINA).toLocalDate();
        assertThat(dueOn).as("dueOn, for a request filed on %s", filedOn).isAfter(filedOn).isBefore(filedOn.plusDays(60));

        Response mine = asAna().get("/api/requests/mine");
        assertThat(mine.statusCode()).as("GET /api/requests/mine: %s", mine.asString()).isEqualTo(200);
        assertThat(mine.jsonPath().getList("trackingNumber", String.class)).contains(trackingNumber);

        assertThat(receipts).as("receipts for %s", trackingNumber).hasSize(1);
        Mail receipt = receipts.get(0);
        System.out.printf("Receipt e-mail: from %s, subject \"%s\"%n", receipt.from(), receipt.subject());
        assertThat(receipt.to()).containsExactly(ANA_EMAIL);
        assertThat(receipt.from()).as("sender, from QUARKUS_MAILER_FROM").contains(AccesoSystem.MAIL_FROM_ADDRESS);
        assertThat(receipt.text())
                .as("the receipt's body should give the due date %s in Spanish", dueOn)
                .containsIgnoringCase(SPANISH_LONG_DATE.format(dueOn));

        try {
            await("no second receipt for " + trackingNumber)
                    .during(NO_SECOND_RECEIPT_FOR).atMost(NO_SECOND_RECEIPT_FOR.plusSeconds(3))
                    .until(() -> system().mailbox().to(ANA_EMAIL, trackingNumber).size() == 1);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("A request must be acknowledged by exactly one e-mail; " + ANA_EMAIL + " got "
                    + system().mailbox().to(ANA_EMAIL, trackingNumber), e);
        }
    }

    @Test
    void callerWithoutTokenGetsProblem401() {
        Filing filing = anasRequest();
        assertThat(filing.response().statusCode()).as("Ana's filing").isEqualTo(201);

        Response read = anonymous().get("/api/requests/{id}", filing.id());
        assertProblem(read, 401);
        assertThat(read.asString()).doesNotContain(filing.trackingNumber());

        assertProblem(anonymous().body(FILE_REQUEST).post("/api/requests"), 401);
    }

    @Test
    void otherResidentCannotSeeTheRequest() {
        Filing filing = anasRequest();
        assertThat(filing.response().statusCode()).as("Ana's filing").isEqualTo(201);

        Response read = as(BEN).get("/api/requests/{id}", filing.id());
        assertProblem(read, 404);
        assertThat(read.asString()).doesNotContain(filing.trackingNumber()).doesNotContain(SUBJECT);

        Response bensOwn = as(BEN).get("/api/requests/mine");
        assertThat(bensOwn.statusCode()).as("GET /api/requests/mine as ben: %s", bensOwn.asString()).isEqualTo(200);
        assertThat(bensOwn.jsonPath().getList("id", String.class)).doesNotContain(filing.id());
    }

    @Test
    void residentWhoSendsTheSameFilingTwiceWithOneIdempotencyKeyGetsOneRequestAndOneReceipt() {
        String key = UUID.randomUUID().toString();
        Map<String, String> filing = Map.of("subject", "Horarios del centro de salud del barrio",
                "description", "Horarios de atención de 2026.", "language", "es");

        Response first = as(BEN).header("Idempotency-Key", key).body(filing).post("/api/requests");
        Response again = as(BEN).header("Idempotency-Key", key).body(filing).post("/api/requests"); // "no answer? send again"

        assertThat(first.statusCode()).as("first: %s", first.asString()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(again.statusCode()).as("again: %s", again.asString()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        String trackingNumber = first.jsonPath().getString("trackingNumber");
        assertThat(again.jsonPath().getString("id")).isEqualTo(first.jsonPath().getString("id"));
        assertThat(again.jsonPath().getString("trackingNumber")).isEqualTo(trackingNumber);
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));

        Response other = as(BEN).header("Idempotency-Key", key)
                .body(Map.of("subject", "Otra cosa", "description", "Otra pregunta.", "language", "es")).post("/api/requests");
        assertProblem(other, 422);
        assertThat(other.jsonPath().getString("type")).endsWith("/problems/idempotency-key-reused");

        awaitOrFail("the receipt e-mail to " + BEN_EMAIL + " naming " + trackingNumber, RECEIPT_WAIT,
                () -> system().mailbox().to(BEN_EMAIL, trackingNumber), found -> !found.isEmpty());
        Response mine = as(BEN).get("/api/requests/mine");
        assertThat(mine.jsonPath().getList("trackingNumber", String.class)).containsOnlyOnce(trackingNumber);
        assertThat(mine.jsonPath().getList("subject", String.class)).doesNotContain("Otra cosa");
        try {
            await("no second receipt for " + trackingNumber)
                    .during(NO_SECOND_RECEIPT_FOR).atMost(NO_SECOND_RECEIPT_FOR.plusSeconds(3))
                    .until(() -> system().mailbox().to(BEN_EMAIL, trackingNumber).size() == 1);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("One filing, one receipt; " + BEN_EMAIL + " got "
                    + system().mailbox().to(BEN_EMAIL, trackingNumber), e);
        }
    }

    /** Ana's request, filed once for the whole class whichever test asks first. */
    private static synchronized Filing anasRequest() {
        if (anasRequest == null) {
            RequestSpecification ana = asAna();
            long sentAt = System.nanoTime();
            anasRequest = new Filing(ana.body(FILE_REQUEST).post("/api/requests"), sentAt);
        }
        return anasRequest;
    }

    private static RequestSpecification asAna() {
        return as(ANA);
    }
}
