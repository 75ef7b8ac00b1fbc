package org.acceso.notification.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import org.acceso.notification.support.Mailbox;
import org.acceso.notification.support.Story;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sender and a database that refuses commits: an e-mail the mail server accepted is not sent again because
 * recording it failed. The refusal is a trigger on the real table, for one request's rows only.
 */
@QuarkusTest
class MailSenderTest {

    @Inject
    EntityManager em;

    @AfterEach
    void databaseBack() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("DROP TRIGGER IF EXISTS refuse_sent ON notification").executeUpdate();
            em.createNativeQuery("DROP TABLE IF EXISTS outage").executeUpdate();
        });
    }

    @Test
    void shouldSendOnceWhenTheDatabaseRefusesToRecordTheSendingForAWhile() {
        Story story = Story.inSpanish();
        story.send(story.filed(true)); // imported: no receipt; the questions are all the requester gets
        refuseMarkingSent(story.requestId);

        story.send(story.clarificationRequested("¿Qué período le interesa?"));
        story.send(story.clarificationRequested("¿En qué formato?"));

        MimeMessage first = Mailbox.await(story.requesterEmail, 1).get(0); // the mail server has it ...
        Mailbox.assertStays(story.requesterEmail, 1, Duration.ofSeconds(3)); // ... and the sender waits for the database
        List<Object[]> waiting = emails(story.requestId);
        assertThat(waiting).extracting(row -> row[1]).containsExactly("PENDING", "PENDING");

        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM outage").executeUpdate());

        List<MimeMessage> mails = Mailbox.await(story.requesterEmail, 2);
        Mailbox.assertStays(story.requesterEmail, 2, Duration.ofSeconds(3));
        await().atMost(Mailbox.WAIT).until(() -> emails(story.requestId).stream().allMatch(row -> "SENT".equals(row[1])));
        List<Object[]> sent = emails(story.requestId);
        assertThat(sent).extracting(row -> ((Number) row[2]).intValue()).containsExactly(1, 1); // one attempt each
        assertThat(Mailbox.text(mails.get(0))).contains("¿Qué período le interesa?");
        assertThat(Mailbox.text(mails.get(1))).contains("¿En qué formato?");
        assertThat(mails).extracting(this::messageId).containsExactly(
                MailSender.messageId(((Number) sent.get(0)[0]).longValue()),
                MailSender.messageId(((Number) sent.get(1)[0]).longValue()));
        assertThat(messageId(first)).isEqualTo(messageId(mails.get(0)));
    }

    /** While table {@code outage} names the request, its e-mails cannot be marked SENT: the commit fails. */
    private void refuseMarkingSent(UUID requestId) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("CREATE TABLE outage (request_id uuid)").executeUpdate();
            em.createNativeQuery("INSERT INTO outage VALUES (?1)").setParameter(1, requestId).executeUpdate();
            em.createNativeQuery("""
                    CREATE OR REPLACE FUNCTION refuse_sent() RETURNS trigger AS $$
                    BEGIN
                      IF NEW.status = 'SENT' AND EXISTS (SELECT 1 FROM outage WHERE request_id = NEW.request_id) THEN
                        RAISE EXCEPTION 'the database is unavailable (test)';
                      END IF;
                      RETURN NEW;
                    END $$ LANGUAGE plpgsql""").executeUpdate();
            em.createNativeQuery("CREATE TRIGGER refuse_sent BEFORE UPDATE ON notification FOR EACH ROW "
                    + "EXECUTE FUNCTION refuse_sent()").executeUpdate();
        });
    }

    /** The request's e-mails in order: id, status, attempts. */
    @SuppressWarnings("unchecked")
    private List<Object[]> emails(UUID requestId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT id, status, attempts FROM notification WHERE request_id = ?1 AND channel = 'EMAIL' ORDER BY id")
                .setParameter(1, requestId).getResultList());
    }

    private String messageId(MimeMessage mail) {
        try {
            return mail.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
