package org.acceso.notification.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import org.acceso.contracts.Topics;
import org.acceso.testsupport.GreenMailResource;
import org.acceso.testsupport.KafkaEvents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.acceso.testsupport.GreenMailResource.text;
import static org.acceso.testsupport.ContractAssertions.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class ReceiptEmailTest {

    @Inject
    EntityManager em;

    /** One request's pair of events, from the pinned contract examples, with its own ids and recipient. */
    record Filing(String requestId, String email, String requestFiled, String deadlineScheduled) {

        static Filing of(String language) {
            String requestId = UUID.randomUUID().toString();
            String email = "ana-" + requestId.substring(0, 8) + "@example.org";
            String filed = example("RequestFiled")
                    .replace("0b6e3f57-2a43-4c1b-8d0e-3c6a1f2b7d44", requestId)
                    .replace("6f1c2b1e-4d4a-4b8e-9a57-0c2f6a3d9e10", UUID.randomUUID().toString())
                    .replace("ana@example.org", email)
                    .replace("\"language\": \"es\"", "\"language\": \"" + language + "\"");
            String scheduled = example("DeadlineScheduled")
                    .replace("0b6e3f57-2a43-4c1b-8d0e-3c6a1f2b7d44", requestId)
                    .replace("a3d4e5f6-1b2c-4d3e-8f90-112233445566", UUID.randomUUID().toString());
            return new Filing(requestId, email, filed, scheduled);
        }

        /** The same filing registered by a clerk: received in person from someone without an account. */
        Filing registeredInPerson(String email) {
            String registered = requestFiled
                    .replace("\"5f0c7d0e-8a8e-4a53-9d8e-2f1f3c9b7a10\"", "null")
                    .replace("\"Ana Pérez\"", "\"Rosa Ruiz\"")
                    .replace("\"" + this.email + "\"", email == null ? "null" : "\"" + email + "\"")
                    .replace("\"channel\": \"WEB\"", "\"channel\": \"IN_PERSON\"");
            return new Filing(requestId, email, registered, deadlineScheduled);
        }

        void sendFiled() {
            KafkaEvents.send(Topics.REQUEST_EVENTS, requestId, requestFiled);
        }

        void sendScheduled() {
            KafkaEvents.send(Topics.DEADLINE_EVENTS, requestId, deadlineScheduled);
        }
    }

    @AfterEach
    void mailServerBack() {
        if (!GreenMailResource.greenMail().isRunning()) {
            GreenMailResource.restartServer();
        }
    }

    @Test
    void shouldEmailTheReceiptInSpanishWithTheDueDateWrittenOut() throws MessagingException {
        Filing filing = Filing.of("es");

        filing.sendFiled();
        filing.sendScheduled();

        MimeMessage mail = awaitMailsTo(filing.email(), 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("Recibimos su solicitud AIP-2026-000123");
        assertThat(mail.getFrom()[0].toString()).contains("no-reply@acceso.local");
        String body = text(mail);
        assertThat(body)
                .contains("Hola Ana Pérez:")
                .contains("Número de seguimiento: AIP-2026-000123")
                .contains("Asunto: Contratos de recolección de residuos 2025")
                .contains("Presentada el: jueves 26 de noviembre de 2026")
                .contains("Fecha límite de respuesta: lunes 21 de diciembre de 2026, 23:59 (hora de Argentina)")
                .contains("dentro de 15 días hábiles");
    }

    @Test
    void shouldEmailTheReceiptInEnglishWhenTheRequesterChoseIt() throws MessagingException {
        Filing filing = Filing.of("en");

        filing.sendFiled();
        filing.sendScheduled();

        MimeMessage mail = awaitMailsTo(filing.email(), 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("We received your request AIP-2026-000123");
        assertThat(text(mail))
                .contains("Tracking number: AIP-2026-000123")
                .contains("Answer due by: Monday, 21 December 2026, 23:59 (Argentina Time)")
                .contains("within 15 business days");
    }

    /** The term is said in the unit of the request's own policy, as the clock's event states it (Spain counts months). */
    @Test
    void shouldSayTheTermInTheUnitOfTheRequestsPolicy() throws MessagingException {
        Filing filing = Filing.of("es");
        String inMonths = filing.deadlineScheduled().replace("\"responseDays\": 15", "\"responseDays\": 1")
                .replace("\"dayUnit\": \"BUSINESS\"", "\"dayUnit\": \"MONTH\"");
        assertThat(inMonths).contains("\"dayUnit\": \"MONTH\"");

        filing.sendFiled();
        KafkaEvents.send(Topics.DEADLINE_EVENTS, filing.requestId(), inMonths);

        assertThat(text(awaitMailsTo(filing.email(), 1).get(0))).contains("debe responderle dentro de 1 mes.")
                .doesNotContain("hábil", "unit.");
    }

    @Test
    void shouldEmailTheReceiptWhicheverEventArrivesFirst() throws MessagingException {
        Filing filing = Filing.of("es");

        filing.sendScheduled();
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> true);
        filing.sendFiled();

        MimeMessage mail = awaitMailsTo(filing.email(), 1).get(0);
        assertThat(text(mail)).contains("lunes 21 de diciembre de 2026").contains("AIP-2026-000123");
    }

    @Test
    void shouldSendOneEmailWhenEventsAreRedelivered() {
        Filing filing = Filing.of("es");

        filing.sendFiled();
        filing.sendScheduled();
        filing.sendFiled();
        filing.sendScheduled();

        awaitMailsTo(filing.email(), 1);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                .until(() -> mailsTo(filing.email()).size() == 1);
        assertThat(notificationCount(filing.requestId())).isEqualTo(1);
    }

    @Test
    void shouldKeepTheReceiptThroughAMailOutageAndSendItAfterwards() {
        Filing filing = Filing.of("es");
        GreenMailResource.stopServer();

        filing.sendFiled();
        filing.sendScheduled();

        await().atMost(Duration.ofSeconds(60)).until(() -> attempts(filing.requestId()) >= 1);
        assertThat(status(filing.requestId())).isEqualTo("PENDING");

        GreenMailResource.restartServer();

        awaitMailsTo(filing.email(), 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(status(filing.requestId())));
    }

    @Test
    void shouldEmailTheReceiptOfARegisteredRequestToTheAddressTheRequesterGave() throws MessagingException {
        Filing filing = Filing.of("es");
        Filing registered = filing.registeredInPerson("rosa-" + filing.requestId().substring(0, 8) + "@example.org");

        registered.sendFiled();
        registered.sendScheduled();

        MimeMessage mail = awaitMailsTo(registered.email(), 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("Recibimos su solicitud AIP-2026-000123");
        assertThat(text(mail))
                .contains("Hola Rosa Ruiz:")
                .contains("Presentada el: jueves 26 de noviembre de 2026 (en persona)")
                .contains("Fecha límite de respuesta: lunes 21 de diciembre de 2026, 23:59 (hora de Argentina)")
                .contains("en la oficina de acceso a la información")
                .doesNotContain("http");
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(status(registered.requestId())));
        assertThat(notifications(registered.requestId(), "IN_APP")).isZero(); // no account, no feed
        assertThat(notifications(registered.requestId(), "EMAIL")).isEqualTo(1);
    }

    @Test
    void shouldSendNoReceiptToARegisteredRequesterWithoutEmail() {
        Filing registered = Filing.of("es").registeredInPerson(null);

        registered.sendFiled();
        registered.sendScheduled();

        await().atMost(Duration.ofSeconds(60)).until(() -> bothApplied(registered.requestId()));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> notifications(registered.requestId(), "EMAIL") + notifications(registered.requestId(), "IN_APP") == 0);
        assertThat(QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("SELECT filed, recipient_name, recipient_email, requester_user_id FROM tracked_request WHERE request_id = ?1")
                .setParameter(1, UUID.fromString(registered.requestId())).getSingleResult()))
                .isEqualTo(new Object[] {true, "Rosa Ruiz", null, null});
    }

    static List<MimeMessage> awaitMailsTo(String email, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo(email).size() >= count);
        return mailsTo(email);
    }

    static List<MimeMessage> mailsTo(String email) {
        return Arrays.stream(GreenMailResource.greenMail().getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(email));
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    long notificationCount(String requestId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM notification WHERE request_id = ?1 AND channel = 'EMAIL'")
                .setParameter(1, UUID.fromString(requestId)).getSingleResult()).longValue());
    }

    long notifications(String requestId, String channel) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM notification WHERE request_id = ?1 AND channel = ?2")
                .setParameter(1, UUID.fromString(requestId)).setParameter(2, channel).getSingleResult()).longValue());
    }

    /** Whether notification-service has applied both the request's RequestFiled and its DeadlineScheduled. */
    boolean bothApplied(String requestId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM tracked_request WHERE request_id = ?1 AND filed AND due_on IS NOT NULL")
                .setParameter(1, UUID.fromString(requestId)).getSingleResult()).longValue() == 1);
    }

    int attempts(String requestId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT coalesce(max(attempts), 0) FROM notification WHERE request_id = ?1 AND channel = 'EMAIL'")
                .setParameter(1, UUID.fromString(requestId)).getSingleResult()).intValue());
    }

    String status(String requestId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em
                .createNativeQuery("SELECT status FROM notification WHERE request_id = ?1 AND channel = 'EMAIL'")
                .setParameter(1, UUID.fromString(requestId)).getSingleResult());
    }
}
