package org.acceso.notification.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import org.acceso.notification.domain.Agency;
import org.acceso.notification.support.Mailbox;
import org.acceso.notification.support.Story;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.acceso.notification.support.Mailbox.html;
import static org.acceso.notification.support.Mailbox.subjects;
import static org.acceso.notification.support.Mailbox.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole-system journey (file → assignment → extension → answer) from its events alone, with every event the
 * other services publish on the way, as fast as they can come: the requester's mailbox holds exactly the
 * receipt, the extension notice and the answer notice, in that order, in Spanish; the clerk's the assignment,
 * naming the agency from the catalogue.
 */
@QuarkusTest
class JourneyTest {

    @Test
    void shouldGiveTheRequesterReceiptExtensionAndAnswerInOrderAndTheClerkTheAssignment() {
        Story story = Story.inSpanish();
        story.send(story.agencyUpdated());
        // the catalogue comes on its own topic; a real catalogue is known long before its requests are assigned
        await().atMost(Duration.ofSeconds(30)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> Agency.findById(story.agency) != null));
        story.send(story.filed());
        story.send(story.assigned());
        story.send(story.extensionGranted());
        story.send(story.answered("PARTIALLY_GRANTED", List.of("personal-data")));
        // deadline-service's side, later than request-service's (the topics interleave)
        story.send(story.scheduled());
        story.send(story.extended());
        story.send(story.stoppedByAnswer());
        story.send(story.appealWindow("PARTIALLY_GRANTED"));

        List<MimeMessage> toRequester = Mailbox.await(story.requesterEmail, 3);
        Mailbox.assertStays(story.requesterEmail, 3, Duration.ofSeconds(3));
        assertThat(subjects(story.requesterEmail)).containsExactly(
                "Recibimos su solicitud " + story.trackingNumber,
                "Se prorrogó el plazo de su solicitud " + story.trackingNumber,
                "Respuesta a su solicitud " + story.trackingNumber);
        assertThat(text(toRequester.get(0))).contains("Fecha límite de respuesta: lunes 21 de diciembre de 2026");
        assertThat(text(toRequester.get(1))).contains("Nueva fecha límite: miércoles 13 de enero de 2027");
        assertThat(text(toRequester.get(2))).contains("se le entrega una parte de la información pedida")
                .contains("reclamo hasta el viernes 19 de febrero de 2027");
        assertThat(toRequester).allSatisfy(mail -> assertThat(html(mail)).contains("<html lang=\"es\">"));

        Mailbox.assertStays(story.clerkEmail, 1, Duration.ofSeconds(1));
        assertThat(subjects(story.clerkEmail)).containsExactly("Solicitud " + story.trackingNumber
                + " asignada a Secretaría de Obras Públicas " + story.agency + " (Carla Gómez)");
    }
}
