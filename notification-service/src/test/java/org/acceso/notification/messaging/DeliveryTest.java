package org.acceso.notification.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import org.acceso.contracts.Envelope;
import org.acceso.contracts.Topics;
import org.acceso.notification.support.Mailbox;
import org.acceso.notification.support.Story;
import org.acceso.testsupport.GreenMailResource;
import org.acceso.testsupport.KafkaEvents;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.acceso.notification.support.Mailbox.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Nothing lost, nothing twice: mail outages, redeliveries and messages that are not events. */
@QuarkusTest
class DeliveryTest {

    @Inject
    EntityManager em;

    @AfterEach
    void mailServerBack() {
        if (!GreenMailResource.greenMail().isRunning()) {
            GreenMailResource.restartServer();
        }
    }

    @Test
    void shouldSendEachOfTwentyNoticesExactlyOnceWhenTheMailServerComesBack() {
        Story story = Story.inSpanish();
        story.send(story.filed(true)); // imported: no receipt, so the 20 questions are all the requester gets
        GreenMailResource.stopServer();

        IntStream.rangeClosed(1, 20).forEach(i -> story.send(story.clarificationRequested("Pregunta número " + i + ".")));

        await().atMost(Mailbox.WAIT).until(() -> emails(story.requestId, "PENDING") == 20 && maxAttempts(story.requestId) >= 1);
        GreenMailResource.restartServer();

        List<MimeMessage> mails = Mailbox.await(story.requesterEmail, 20);
        Mailbox.assertStays(story.requesterEmail, 20, Duration.ofSeconds(5));
        assertThat(mails).extracting(mail -> text(mail).lines().filter(l -> l.startsWith("Pregunta número")).findFirst()
                        .orElseThrow())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 20).mapToObj(i -> "Pregunta número " + i + ".").toList());
        assertThat(emails(story.requestId, "SENT")).isEqualTo(20);
    }

    @Test
    void shouldSendOneEmailWhenTheSameEventIsDeliveredThreeTimes() {
        Story story = Story.inSpanish();
        story.send(story.filed(true));
        Envelope question = story.send(story.clarificationRequested("¿Qué período le interesa?"));
        story.resend(question);
        story.resend(question);

        Mailbox.await(story.requesterEmail, 1);
        Mailbox.assertStays(story.requesterEmail, 1, Duration.ofSeconds(3));
        assertThat(emails(story.requestId, "SENT")).isEqualTo(1);
    }

    @Test
    void shouldDeadLetterWhatIsNotAnEventAndKeepConsumingThePartition() {
        Story story = Story.inSpanish();
        String key = story.requestId.toString();
        KafkaEvents.send(Topics.REQUEST_EVENTS, key, "this is not an event");
        KafkaEvents.send(Topics.REQUEST_EVENTS, key, "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"RequestFiled\","
                + "\"requestId\":\"" + key + "\",\"payload\":{\"filedAt\":\"not an instant\"}}");
        story.send(story.filed(true));
        story.send(story.clarificationRequested("¿Sigue ahí?"));

        Mailbox.await(story.requesterEmail, 1);
        List<ConsumerRecord<String, String>> parked = KafkaEvents.awaitRecords(
                Topics.deadLetter("notification-service", Topics.REQUEST_EVENTS), key, 2, Mailbox.WAIT);
        assertThat(parked).extracting(ConsumerRecord::value)
                .containsExactly("this is not an event", parked.get(1).value());
        assertThat(parked.get(1).value()).contains("not an instant");
    }

    long emails(UUID requestId, String status) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM notification WHERE request_id = ?1 AND channel = 'EMAIL' AND status = ?2")
                .setParameter(1, requestId).setParameter(2, status).getSingleResult()).longValue());
    }

    int maxAttempts(UUID requestId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "SELECT coalesce(max(attempts), 0) FROM notification WHERE request_id = ?1 AND channel = 'EMAIL'")
                .setParameter(1, requestId).getSingleResult()).intValue());
    }
}
