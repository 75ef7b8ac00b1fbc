package org.acceso.systemtests;

import io.restassured.path.json.JsonPath;
import org.acceso.systemtests.Mailbox.Mail;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.acceso.systemtests.Gateway.as;
import static org.acceso.systemtests.Gateway.awaitOrFail;
import static org.acceso.systemtests.Gateway.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Notices people can rely on, from the events alone: a request goes file → extension → answer, and the requester's
 * mailbox holds exactly the receipt, the extension notice and the answer notice, in that order, in Spanish, with the
 * dates deadline-service computed; the clerk who took the request got the assignment notice.
 */
@ExtendWith(SharedSystem.class)
class NoticesIT {

    static final DateTimeFormatter SPANISH_LONG_DATE =
            DateTimeFormatter.ofPattern("EEEE d 'de' MMMM 'de' yyyy", Locale.forLanguageTag("es-AR"));
    static final Duration MAIL_WAIT = Duration.ofSeconds(90);

    @Test
    void residentGetsReceiptExtensionAndAnswerInOrderAndTheClerkTheAssignment() {
        JsonPath filed = as("ana").body(Map.of("subject", "Horas extra del personal de Obras Públicas",
                        "description", "Horas extra pagadas por mes en 2025.", "agencyCode", "OBRAS"))
                .post("/api/requests").then().statusCode(201).extract().jsonPath();
        String id = filed.getString("id");
        String trackingNumber = filed.getString("trackingNumber");
        awaitOrFail("the receipt for " + trackingNumber, MAIL_WAIT,
                () -> SharedSystem.get().mailbox().to("ana@example.org", trackingNumber), mails -> mails.size() == 1);

        ok(as("carla").body(Map.of("agencyCode", "OBRAS")).post("/api/requests/{id}/assignment", id));
        ok(as("carla").body(Map.of("reason", "Las planillas están en el archivo central."))
                .post("/api/requests/{id}/extension", id));
        JsonPath extended = awaitOrFail("the extended due date on the request", MAIL_WAIT,
                () -> ok(as("ana").get("/api/requests/{id}", id)),
                view -> "RUNNING".equals(view.getString("clockStatus")) && view.getInt("extensions") == 1
                        && !view.getString("dueOn").equals(filedDueOn(id)));
        ok(as("carla").body(Map.of("outcome", "PARTIALLY_GRANTED",
                        "text", "Se entregan los totales por mes; se testaron los nombres de los agentes.",
                        "grounds", List.of("personal-data")))
                .post("/api/requests/{id}/answer", id));

        List<Mail> mails = awaitOrFail("three e-mails to ana about " + trackingNumber, MAIL_WAIT,
                () -> SharedSystem.get().mailbox().to("ana@example.org", trackingNumber), found -> found.size() >= 3);
        JsonPath answered = awaitOrFail("the appeal window on the request", MAIL_WAIT,
                () -> ok(as("ana").get("/api/requests/{id}", id)), view -> view.getString("appealDueOn") != null);

        assertThat(mails).extracting(Mail::subject).containsExactly(
                "Recibimos su solicitud " + trackingNumber,
                "Se prorrogó el plazo de su solicitud " + trackingNumber,
                "Respuesta a su solicitud " + trackingNumber);
        Mail extension = mails.get(1);
        assertThat(extension.text()).contains("Las planillas están en el archivo central.")
                .contains("Nueva fecha límite: " + spanish(LocalDate.parse(extended.getString("dueOn"))));
        Mail answer = mails.get(2);
        assertThat(answer.text()).contains("Se entregan los totales por mes")
                .contains("reclamo hasta el " + spanish(LocalDate.parse(answered.getString("appealDueOn"))))
                .containsIgnoringCase("datos personales");
        try {
            await("no fourth e-mail to ana about " + trackingNumber).during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(8))
                    .until(() -> SharedSystem.get().mailbox().to("ana@example.org", trackingNumber).size() == 3);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("Exactly three notices expected: " + SharedSystem.get().mailbox().to("ana@example.org", trackingNumber), e);
        }

        List<Mail> toCarla = awaitOrFail("the assignment notice to carla", MAIL_WAIT,
                () -> SharedSystem.get().mailbox().to("carla@example.org", trackingNumber), found -> !found.isEmpty());
        assertThat(toCarla).extracting(Mail::subject).anySatisfy(subject ->
                assertThat(subject).startsWith("Solicitud " + trackingNumber + " asignada a"));
    }

    /** The first due date, from the clock's history (the extension moved it since). */
    private static String filedDueOn(String id) {
        JsonPath clock = ok(as("fede").get("/api/deadlines/{id}", id));
        List<String> dates = clock.getList("history.newDueOn", String.class);
        return dates.isEmpty() ? "" : dates.get(0);
    }

    private static String spanish(LocalDate date) {
        return SPANISH_LONG_DATE.format(date);
    }
}
