package org.acceso.notification.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.MimeMessage;
import org.acceso.contracts.AgencyUpdated;
import org.acceso.contracts.StaffMemberUpdated;
import org.acceso.notification.domain.Agency;
import org.acceso.notification.support.Mailbox;
import org.acceso.notification.support.Story;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.acceso.notification.support.Mailbox.awaitSubject;
import static org.acceso.notification.support.Mailbox.html;
import static org.acceso.notification.support.Mailbox.subjects;
import static org.acceso.notification.support.Mailbox.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One test per line of {@link NoticeRules}: who gets the notice, its subject and what it must say. */
@QuarkusTest
class NoticeRulesTest {

    static final String AUDITOR_ONE = "auditor-one@example.org";
    static final String AUDITOR_TWO = "auditor-two@example.org";
    static final Duration QUIET = Duration.ofSeconds(3);

    @Test
    void shouldTellTheAgencyAndTheAssignedClerkOfAnAssignment() {
        Story story = Story.inSpanish().underWay();

        MimeMessage toClerk = awaitSubject(story.clerkEmail, "asignada");
        MimeMessage toAgency = awaitSubject(story.agencyContact, "asignada");

        String subject = "Solicitud " + story.trackingNumber + " asignada a Secretaría de Obras Públicas " + story.agency
                + " (Carla Gómez)";
        assertThat(Mailbox.subject(toClerk)).isEqualTo(subject);
        assertThat(Mailbox.subject(toAgency)).isEqualTo(subject);
        assertThat(text(toClerk))
                .contains("Hola Carla Gómez:")
                .contains("La solicitud " + story.trackingNumber + " fue asignada a Secretaría de Obras Públicas")
                .contains("La trabaja: Carla Gómez.")
                .contains("Asunto: Contratos de recolección de residuos 2025")
                .contains("Fecha límite de respuesta: lunes 21 de diciembre de 2026, 23:59 (hora de Argentina)");
        assertThat(html(toAgency)).contains("<html lang=\"es\">").contains(story.trackingNumber)
                .contains("lunes 21 de diciembre de 2026");
    }

    @Test
    void shouldAskTheRequesterTheClarificationQuestionAndSayWhatHappensToTheDeadline() {
        Story story = Story.inSpanish().underWay();

        story.send(story.clarificationRequested("¿De qué barrio son las obras que le interesan?"));

        MimeMessage mail = awaitSubject(story.requesterEmail, "Necesitamos que aclare su solicitud " + story.trackingNumber);
        assertThat(text(mail))
                .contains("Hola Ana Pérez:")
                .contains("¿De qué barrio son las obras que le interesan?")
                .contains("el plazo para responderle no corre")
                .contains("le avisaremos la nueva fecha límite");
    }

    @Test
    void shouldTellTheAssignedClerkTheRequestersClarification() {
        Story story = Story.inSpanish().underWay();

        story.send(story.clarificationProvided());

        MimeMessage mail = awaitSubject(story.clerkEmail, "Respondieron la aclaración de la solicitud " + story.trackingNumber);
        assertThat(text(mail))
                .contains("Las del barrio Pichincha, 2025.")
                .contains("el martes 1 de diciembre de 2026");
    }

    @Test
    void shouldTellTheRequesterOfAReferralToAnotherAgencyWithTheDueDate() {
        Story story = Story.inSpanish().underWay();
        String ambiente = "AMB" + story.agency;
        story.send(new AgencyUpdated(ambiente, "Secretaría de Ambiente", "ambiente-" + story.agencyContact, null, true,
                Instant.parse("2026-11-27T09:00:00Z")));
        // agency-events and request-events are two topics: Kafka keeps no order between them, so the referral is sent
        // once the new agency is known (the notice names it; an agency still unknown would be named by its code)
        await().atMost(Duration.ofSeconds(60))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> Agency.findById(ambiente) != null));

        story.send(story.referredTo(ambiente));

        MimeMessage mail = awaitSubject(story.requesterEmail, "pasó a");
        assertThat(Mailbox.subject(mail)).isEqualTo("Su solicitud " + story.trackingNumber + " pasó a Secretaría de Ambiente");
        assertThat(text(mail))
                .contains("derivó su solicitud " + story.trackingNumber)
                .contains("Motivo: La información la tiene la Secretaría de Ambiente.")
                .contains("Fecha límite de respuesta vigente: lunes 21 de diciembre de 2026, 23:59 (hora de Argentina)");
    }

    @Test
    void shouldTellTheRequesterOfAReferralOutsideTheBody() {
        Story story = Story.inSpanish().underWay();

        story.send(story.referredOutside("Gobierno de la Provincia de Santa Fe"));

        MimeMessage mail = awaitSubject(story.requesterEmail, "corresponde a");
        assertThat(Mailbox.subject(mail))
                .isEqualTo("Su solicitud " + story.trackingNumber + " corresponde a Gobierno de la Provincia de Santa Fe");
        assertThat(text(mail))
                .contains("Motivo: Los contratos los firma la provincia.")
                .contains("Su solicitud queda cerrada aquí. Puede presentarla ante Gobierno de la Provincia de Santa Fe.")
                .doesNotContain("Fecha límite");
    }

    @Test
    void shouldTellTheRequesterTheExtensionsReasonAndNewDueDateInOneNotice() {
        Story story = Story.inSpanish().underWay();

        story.send(story.extensionGranted());
        story.send(story.extended());

        MimeMessage mail = awaitSubject(story.requesterEmail, "Se prorrogó el plazo de su solicitud " + story.trackingNumber);
        assertThat(text(mail))
                .contains("Razones: Hay que reunir expedientes de tres direcciones.")
                .contains("Fecha límite anterior: lunes 21 de diciembre de 2026, 23:59 (hora de Argentina)")
                .contains("Nueva fecha límite: miércoles 13 de enero de 2027, 23:59 (hora de Argentina)");
        Mailbox.assertStays(story.requesterEmail, 2, QUIET); // the receipt and this; no separate "new date" notice
    }

    @Test
    void shouldSendTheExtensionNoticeOnceWhenItsNewDateArrivesFirst() {
        Story story = Story.inSpanish().underWay();

        story.send(story.extended());
        Mailbox.assertStays(story.requesterEmail, 1, Duration.ofSeconds(1));
        story.send(story.extensionGranted());

        MimeMessage mail = awaitSubject(story.requesterEmail, "Se prorrogó");
        assertThat(text(mail)).contains("miércoles 13 de enero de 2027");
        Mailbox.assertStays(story.requesterEmail, 2, QUIET);
    }

    @Test
    void shouldExplainAPartialGrantWithGroundsInPlainWordsAndTheAppealDeadline() {
        Story story = Story.inSpanish().underWay();

        story.send(story.answered("PARTIALLY_GRANTED", List.of("personal-data", "a-ground-nobody-described")));
        story.send(story.appealWindow("PARTIALLY_GRANTED"));

        MimeMessage mail = awaitSubject(story.requesterEmail, "Respuesta a su solicitud " + story.trackingNumber);
        assertThat(text(mail))
                .contains("el viernes 18 de diciembre de 2026: se le entrega una parte de la información pedida.")
                .contains("Se adjuntan los contratos; se testaron los datos personales de los empleados.")
                .contains("- datos personales de otras personas que no se pueden separar del resto")
                .contains("- a-ground-nobody-described")
                .contains("la respuesta trae 1 documento(s)")
                .contains("tiene derecho a presentar un reclamo hasta el viernes 19 de febrero de 2027, 23:59 (hora de Argentina)")
                .contains("el plazo es de 40 días hábiles desde el viernes 18 de diciembre de 2026");
    }

    @Test
    void shouldWaitForTheAppealDeadlineBeforeSendingADenial() {
        Story story = Story.inSpanish().underWay();

        story.send(story.answered("DENIED", List.of("classified-defence")));
        Mailbox.assertStays(story.requesterEmail, 1, Duration.ofSeconds(2));
        story.send(story.appealWindow("DENIED"));

        MimeMessage mail = awaitSubject(story.requesterEmail, "Respuesta a su solicitud");
        assertThat(text(mail))
                .contains("se le niega la información pedida")
                .contains("- información clasificada como reservada o secreta por razones de defensa o de política exterior")
                .contains("reclamo hasta el viernes 19 de febrero de 2027");
    }

    @Test
    void shouldSendAGrantedAnswerWithoutAnAppealDeadline() {
        Story story = Story.inSpanish().underWay();

        story.send(story.answered("GRANTED", List.of()));

        MimeMessage mail = awaitSubject(story.requesterEmail, "Respuesta a su solicitud");
        assertThat(text(mail))
                .contains("se le entrega toda la información pedida")
                .contains("Puede descargarlos desde su cuenta en http://127.0.0.1:8080")
                .doesNotContain("reclamo")
                .doesNotContain("La ley permite no entregar");
    }

    @Test
    void shouldKeepTheRequestersNoticesInOrderWhenTheAnswerOvertakesTheExtensionsNewDate() {
        Story story = Story.inSpanish().underWay();

        story.send(story.extensionGranted());
        story.send(story.answered("GRANTED", List.of()));
        Mailbox.assertStays(story.requesterEmail, 1, Duration.ofSeconds(2)); // the answer waits behind the extension
        story.send(story.extended());

        Mailbox.await(story.requesterEmail, 3);
        assertThat(subjects(story.requesterEmail)).containsExactly(
                "Recibimos su solicitud " + story.trackingNumber,
                "Se prorrogó el plazo de su solicitud " + story.trackingNumber,
                "Respuesta a su solicitud " + story.trackingNumber);
    }

    @Test
    void shouldWarnTheClerkAndTheAgencyBackupThatTheDeadlineApproaches() {
        Story story = Story.inSpanish().underWay();

        story.send(story.approaching());

        String subject = "Vence pronto: solicitud " + story.trackingNumber + ", quedan 5 días hábiles";
        MimeMessage toClerk = awaitSubject(story.clerkEmail, "Vence pronto");
        MimeMessage toBackup = awaitSubject(story.agencyBackup, "Vence pronto");
        assertThat(Mailbox.subject(toClerk)).isEqualTo(subject);
        assertThat(Mailbox.subject(toBackup)).isEqualTo(subject);
        assertThat(text(toClerk)).contains("Vence el lunes 21 de diciembre de 2026, 23:59 (hora de Argentina).");
        assertThat(Mailbox.subjects(story.agencyContact)).noneMatch(s -> s.startsWith("Vence pronto"));
    }

    @Test
    void shouldTellTheRequesterThatSilenceCountsAsDenialAndUntilWhenToAppeal() {
        Story story = Story.inSpanish().underWay();

        story.send(story.missed());

        MimeMessage mail = awaitSubject(story.requesterEmail, "no fue respondida a tiempo");
        assertThat(Mailbox.subject(mail))
                .isEqualTo("Su solicitud " + story.trackingNumber + " no fue respondida a tiempo: puede reclamar");
        assertThat(text(mail))
                .contains("venció el lunes 21 de diciembre de 2026, 23:59 (hora de Argentina)")
                .contains("ese silencio equivale a una denegatoria")
                .contains("puede presentar un reclamo hasta el martes 23 de febrero de 2027, 23:59 (hora de Argentina)");
    }

    @Test
    void shouldAlertTheAgencyItsBackupTheAssignedClerkAndTheAuditorsOfAMissedDeadline() {
        Story story = Story.inSpanish().underWay();

        story.send(story.missed());

        String subject = "Vencida sin respuesta: solicitud " + story.trackingNumber + " de Secretaría de Obras Públicas "
                + story.agency;
        for (String address : List.of(story.agencyContact, story.agencyBackup, story.clerkEmail, AUDITOR_ONE, AUDITOR_TWO)) {
            MimeMessage mail = awaitSubject(address, story.trackingNumber + " de");
            assertThat(Mailbox.subject(mail)).isEqualTo(subject);
            assertThat(text(mail)).contains("el solicitante puede reclamar hasta el martes 23 de febrero de 2027");
        }
        assertThat(text(awaitSubject(story.clerkEmail, "Vencida"))).startsWith("Hola Carla Gómez:");
    }

    @Test
    void shouldAlertTheAgencyItsBackupTheAssignedClerkAndTheAuditorsOfAVeryOverdueRequest() {
        Story story = Story.inSpanish().underWay();

        story.send(story.veryOverdue());

        for (String address : List.of(story.agencyContact, story.agencyBackup, story.clerkEmail, AUDITOR_ONE, AUDITOR_TWO)) {
            MimeMessage mail = awaitSubject(address, "Muy atrasada: solicitud " + story.trackingNumber);
            assertThat(Mailbox.subject(mail)).endsWith("15 días hábiles de atraso");
            assertThat(text(mail)).contains("lleva 15 días hábiles sin respuesta desde que venció, el lunes 21 de diciembre de 2026");
        }
    }

    @Test
    void shouldWriteToTheAssignedClerkInTheirLanguageAndToTheAgencyInTheStaffLanguage() {
        Story story = Story.inSpanish().clerkReads("en").underWay();

        story.send(story.missed());
        story.send(story.veryOverdue());

        MimeMessage missed = awaitSubject(story.clerkEmail, "Missed: request " + story.trackingNumber);
        assertThat(Mailbox.subject(missed)).isEqualTo("Missed: request " + story.trackingNumber + " of Secretaría de Obras "
                + "Públicas " + story.agency + " was not answered in time");
        assertThat(text(missed)).startsWith("Hello Carla Gómez,")
                .contains("passed its deadline on Monday, 21 December 2026, 23:59 (Argentina Time)")
                .contains("the requester may appeal until Tuesday, 23 February 2027");
        assertThat(html(missed)).contains("<html lang=\"en\">");
        assertThat(Mailbox.subject(awaitSubject(story.clerkEmail, "Very overdue"))).contains(story.trackingNumber);
        assertThat(Mailbox.subject(awaitSubject(story.agencyBackup, "Vencida sin respuesta"))).contains(story.trackingNumber);
        assertThat(Mailbox.subjects(story.clerkEmail)).containsExactly(
                "Request " + story.trackingNumber + " assigned to Secretaría de Obras Públicas " + story.agency + " (Carla Gómez)",
                Mailbox.subject(missed), Mailbox.subject(awaitSubject(story.clerkEmail, "Very overdue")));
    }

    @Test
    void shouldWriteToTheClerkInTheLanguageOfTheStaffDirectoryWhenTheAssignmentDoesNotSayIt() {
        Story story = Story.inSpanish();
        story.send(story.clerkInDirectory("en"));
        story.underWay();

        story.send(story.approaching());

        MimeMessage mail = awaitSubject(story.clerkEmail, "Due soon");
        assertThat(text(mail)).startsWith("Hello Carla Gómez,").contains("Monday, 21 December 2026");
        assertThat(Mailbox.subject(awaitSubject(story.agencyBackup, "Vence pronto"))).contains(story.trackingNumber);
    }

    @Test
    void shouldTellTheRequesterTheDecisionOnTheirAppeal() {
        Story story = Story.inSpanish().underWay();
        story.send(story.answered("DENIED", List.of("personal-data")));
        story.send(story.appealWindow("DENIED"));
        awaitSubject(story.requesterEmail, "Respuesta a su solicitud");

        story.send(story.appealFiled("DENIED"));
        story.send(story.appealResolved("PARTIALLY_UPHELD"));

        MimeMessage mail = awaitSubject(story.requesterEmail, "Decisión sobre su reclamo");
        assertThat(Mailbox.subject(mail)).isEqualTo("Decisión sobre su reclamo por la solicitud " + story.trackingNumber);
        assertThat(text(mail))
                .startsWith("Hola Ana Pérez:")
                .contains("El miércoles 20 de enero de 2027 se decidió el reclamo que presentó por su solicitud "
                        + story.trackingNumber + " (\"Contratos de recolección de residuos 2025\"): se hizo lugar a su reclamo en parte.")
                .contains("Se ordena entregar los nombres de los funcionarios.");
        assertThat(Mailbox.subjects(story.requesterEmail)).hasSize(3); // receipt, answer, decision: nothing for the appeal filed
    }

    @Test
    void shouldTellAnEnglishRequesterTheDecisionOnTheirAppealInEnglish() {
        Story story = Story.inEnglish().underWay();

        story.send(story.appealResolved("DISMISSED"));

        MimeMessage mail = awaitSubject(story.requesterEmail, "Decision on your appeal about request " + story.trackingNumber);
        assertThat(text(mail)).startsWith("Hello Ana Pérez,")
                .contains("On Wednesday, 20 January 2027 the appeal you filed about your request " + story.trackingNumber)
                .contains("was decided: your appeal was dismissed.");
        assertThat(html(mail)).contains("<html lang=\"en\">");
    }

    @Test
    void shouldTellEveryCoordinatorOfANewRequestNoAgencyHoldsEachInTheirLanguage() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Story story = Story.inSpanish();
        List<StaffMemberUpdated> coordinators = List.of(
                Story.coordinator("elena-" + tag, "Elena Ruiz", "elena-" + tag + "@example.org", "es", true),
                Story.coordinator("emma-" + tag, "Emma Stone", "emma-" + tag + "@example.org", null, true),
                Story.coordinator("owen-" + tag, "Owen Hart", "owen-" + tag + "@example.org", "en", true));
        coordinators.forEach(story::send);
        try {
            story.send(story.agencyUpdated());
            story.send(story.filed());

            MimeMessage toElena = awaitSubject("elena-" + tag + "@example.org", story.trackingNumber);
            assertThat(Mailbox.subject(toElena)).isEqualTo("Nueva solicitud sin organismo: " + story.trackingNumber);
            assertThat(text(toElena)).startsWith("Hola Elena Ruiz:")
                    .contains("Asunto: Contratos de recolección de residuos 2025")
                    .contains("Presentada el: jueves 26 de noviembre de 2026")
                    .contains("hay que asignarla a uno");
            assertThat(Mailbox.subject(awaitSubject("emma-" + tag + "@example.org", story.trackingNumber)))
                    .isEqualTo("Nueva solicitud sin organismo: " + story.trackingNumber); // no locale: the staff language
            MimeMessage toOwen = awaitSubject("owen-" + tag + "@example.org", story.trackingNumber);
            assertThat(Mailbox.subject(toOwen)).isEqualTo("New request that no agency holds: " + story.trackingNumber);
            assertThat(text(toOwen)).startsWith("Hello Owen Hart,").contains("Filed on: Thursday, 26 November 2026");

            Story routed = Story.inSpanish();
            routed.send(routed.agencyUpdated());
            routed.send(new org.acceso.contracts.RequestFiled(routed.trackingNumber, "Con organismo", routed.agency, "es",
                    Story.FILED_AT, new org.acceso.contracts.Person(routed.requesterId, "Ana Pérez", routed.requesterEmail), false));
            routed.send(routed.scheduled());
            Mailbox.await(routed.requesterEmail, 1);
            Mailbox.assertStays("owen-" + tag + "@example.org", 1, QUIET); // a request filed for an agency: nothing
        } finally {
            coordinators.forEach(c -> story.send(Story.coordinator(c.userId(), c.name(), c.email(), c.language(), false)));
        }
    }

    @Test
    void shouldTellTheCoordinatorsOfAnAppealAndNotThoseWhoLeft() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Story story = Story.inSpanish().underWay();
        StaffMemberUpdated elena = Story.coordinator("elena-" + tag, "Elena Ruiz", "elena-" + tag + "@example.org", "es", true);
        StaffMemberUpdated gone = Story.coordinator("gone-" + tag, "Gonzalo Ido", "gone-" + tag + "@example.org", "es", false);
        story.send(elena);
        story.send(gone);
        try {
            story.send(story.appealFiled("DEEMED_DENIED"));

            MimeMessage mail = awaitSubject("elena-" + tag + "@example.org", "Reclamo presentado");
            assertThat(Mailbox.subject(mail)).isEqualTo("Reclamo presentado: solicitud " + story.trackingNumber
                    + " de Secretaría de Obras Públicas " + story.agency);
            assertThat(text(mail))
                    .contains("el solicitante presentó un reclamo contra la falta de respuesta en plazo")
                    .contains("Motivo del reclamo: Los nombres de funcionarios públicos no son datos protegidos.")
                    .contains("Asunto: Contratos de recolección de residuos 2025");
            Mailbox.assertStays("gone-" + tag + "@example.org", 0, QUIET);
        } finally {
            story.send(Story.coordinator(elena.userId(), elena.name(), elena.email(), "es", false));
        }
    }

    @Test
    void shouldTellTheRequesterOfANewDueDateWithItsLegalInstrument() {
        Story story = Story.inSpanish().underWay();

        story.send(story.movedByCalendar());

        MimeMessage mail = awaitSubject(story.requesterEmail, "Nueva fecha límite para su solicitud " + story.trackingNumber);
        assertThat(text(mail))
                .contains("cambió por un cambio en el calendario de días hábiles")
                .contains("Fecha anterior: lunes 21 de diciembre de 2026, 23:59 (hora de Argentina)")
                .contains("Nueva fecha: martes 22 de diciembre de 2026, 23:59 (hora de Argentina)")
                .contains("Norma: Decreto 1234/2026")
                .contains("Detalle: Asueto administrativo del 9 de diciembre");
    }

    @Test
    void shouldNotWriteWhenTheAnswerStopsTheClock() {
        Story story = Story.inSpanish().underWay();

        story.send(story.stoppedByAnswer());

        Mailbox.assertStays(story.requesterEmail, 1, QUIET);
    }

    @Test
    void shouldWriteInEnglishWhenTheRequesterChoseIt() {
        Story story = Story.inEnglish().underWay();

        story.send(story.missed());

        MimeMessage mail = awaitSubject(story.requesterEmail, "was not answered in time");
        assertThat(text(mail))
                .contains("Hello Ana Pérez,")
                .contains("passed on Monday, 21 December 2026, 23:59 (Argentina Time)")
                .contains("that silence counts as a denial")
                .contains("until Tuesday, 23 February 2027, 23:59 (Argentina Time)");
        assertThat(html(mail)).contains("<html lang=\"en\">");
    }

    @Test
    void shouldSendNoReceiptForAnImportedRequestButTellItsLaterNews() {
        Story story = Story.inSpanish();
        story.send(story.agencyUpdated());
        story.send(story.filed(true));
        story.send(story.scheduled());
        Mailbox.assertStays(story.requesterEmail, 0, QUIET);

        story.send(story.missed());

        MimeMessage mail = awaitSubject(story.requesterEmail, "no fue respondida a tiempo");
        assertThat(text(mail)).contains(story.trackingNumber);
        assertThat(Mailbox.to(story.requesterEmail)).hasSize(1);
    }

    @Test
    void shouldWriteToTheAgencyOnceItsContactIsKnown() {
        Story story = Story.inSpanish();
        story.send(story.filed());
        story.send(story.scheduled());
        Mailbox.await(story.requesterEmail, 1);

        story.send(story.assigned());
        awaitSubject(story.clerkEmail, "asignada");
        await().pollDelay(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> true);
        assertThat(Mailbox.to(story.agencyContact)).isEmpty();

        story.send(story.agencyUpdated());

        MimeMessage mail = awaitSubject(story.agencyContact, "asignada");
        assertThat(text(mail)).contains("Hola Secretaría de Obras Públicas " + story.agency + ":");
        Mailbox.assertStays(story.clerkEmail, 1, Duration.ofSeconds(1));
    }
}
