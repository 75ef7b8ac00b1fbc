package org.acceso.notification.support;

import org.acceso.contracts.AccesoEvent;
import org.acceso.contracts.AgencyUpdated;
import org.acceso.contracts.AppealFiled;
import org.acceso.contracts.AppealResolved;
import org.acceso.contracts.AppealWindowOpened;
import org.acceso.contracts.ClarificationProvided;
import org.acceso.contracts.ClarificationRequested;
import org.acceso.contracts.DeadlineApproaching;
import org.acceso.contracts.DeadlineMissed;
import org.acceso.contracts.DeadlineRescheduled;
import org.acceso.contracts.DeadlineScheduled;
import org.acceso.contracts.DeadlineVeryOverdue;
import org.acceso.contracts.Envelope;
import org.acceso.contracts.EventCodec;
import org.acceso.contracts.ExtensionGranted;
import org.acceso.contracts.Person;
import org.acceso.contracts.RequestAnswered;
import org.acceso.contracts.RequestAssigned;
import org.acceso.contracts.RequestFiled;
import org.acceso.contracts.RequestReferred;
import org.acceso.contracts.StaffEvent;
import org.acceso.contracts.StaffMemberUpdated;
import org.acceso.contracts.Topics;
import org.acceso.testsupport.KafkaEvents;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One request's life as events, with its own ids, tracking number, requester and agency, so that tests never
 * see each other's mail. Dates are those of the pinned contract examples: filed Thursday 26 November 2026, due
 * Monday 21 December 2026, extended to Wednesday 13 January 2027.
 */
public final class Story {

    public static final String ZONE = "America/Argentina/Cordoba";
    public static final LocalDate DUE_ON = LocalDate.parse("2026-12-21");
    public static final OffsetDateTime DUE_AT = OffsetDateTime.parse("2026-12-21T23:59:59-03:00");
    public static final LocalDate EXTENDED_ON = LocalDate.parse("2027-01-13");
    public static final OffsetDateTime EXTENDED_AT = OffsetDateTime.parse("2027-01-13T23:59:59-03:00");
    public static final Instant FILED_AT = Instant.parse("2026-11-26T17:20:00.123Z");

    public final UUID requestId = UUID.randomUUID();
    public final String trackingNumber = "AIP-2026-" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    public final String requesterId = UUID.randomUUID().toString();
    public final String requesterEmail;
    public final String language;
    public final String agency;
    public final String agencyContact;
    public final String agencyBackup;
    private final String agencyName;
    public final String clerkId = UUID.randomUUID().toString();
    public final String clerkEmail;
    private String clerkLanguage;

    private Story(String language) {
        this(language, null);
    }

    private Story(String language, Story sameAgency) {
        String tag = requestId.toString().substring(0, 8);
        this.language = language;
        this.requesterEmail = "ana-" + tag + "@example.org";
        this.clerkEmail = "carla-" + tag + "@example.org";
        String agencyTag = sameAgency == null ? tag : sameAgency.agency.substring("OBRAS".length()).toLowerCase();
        this.agency = "OBRAS" + agencyTag.toUpperCase();
        this.agencyName = "Secretaría de Obras Públicas " + agency;
        this.agencyContact = "obras-" + agencyTag + "@rosario.example.org";
        this.agencyBackup = "obras-mesa-" + agencyTag + "@rosario.example.org";
    }

    /** The clerk's notices are written in {@code language} (their Keycloak locale, carried by RequestAssigned). */
    public Story clerkReads(String language) {
        this.clerkLanguage = language;
        return this;
    }

    /** Another request (its own requester and clerk) of this story's agency. */
    public Story anotherOfItsAgency() {
        return new Story(language, this);
    }

    public static Story inSpanish() {
        return new Story("es");
    }

    public static Story inEnglish() {
        return new Story("en");
    }

    // ---- events (values from the pinned examples, ids and people of this story) ----

    public AgencyUpdated agencyUpdated() {
        return new AgencyUpdated(agency, agencyName, agencyContact, agencyBackup, true,
                Instant.parse("2026-11-27T09:00:00Z"));
    }

    public RequestFiled filed() {
        return filed(false);
    }

    public RequestFiled filed(boolean imported) {
        return new RequestFiled(trackingNumber, "Contratos de recolección de residuos 2025", null, language, FILED_AT,
                new Person(requesterId, "Ana Pérez", requesterEmail), imported);
    }

    public DeadlineScheduled scheduled() {
        return new DeadlineScheduled(trackingNumber, "rosario", FILED_AT, LocalDate.parse("2026-11-26"), DUE_ON, DUE_AT,
                15, "BUSINESS", ZONE);
    }

    public RequestAssigned assigned() {
        return new RequestAssigned(trackingNumber, agency, null, clerk(), Instant.parse("2026-11-27T12:00:00Z"));
    }

    public Person clerk() {
        return new Person(clerkId, "Carla Gómez", clerkEmail, clerkLanguage);
    }

    /** A coordinator of the staff directory (staff-events), active or gone, writing in {@code language}. */
    public static StaffMemberUpdated coordinator(String userId, String name, String email, String language, boolean active) {
        return new StaffMemberUpdated(userId, userId, name, email, language, active ? List.of("coordinator") : List.of(),
                null, active, Instant.now());
    }

    /** A clerk of this story's agency in the staff directory, writing in {@code language}. */
    public StaffMemberUpdated clerkInDirectory(String language) {
        return new StaffMemberUpdated(clerkId, "carla-" + clerkId.substring(0, 8), "Carla Gómez", clerkEmail, language,
                List.of("clerk"), agency, true, Instant.now());
    }

    public ClarificationRequested clarificationRequested(String question) {
        return new ClarificationRequested(trackingNumber, agency, question, Instant.parse("2026-11-30T13:00:00Z"));
    }

    public ClarificationProvided clarificationProvided() {
        return new ClarificationProvided(trackingNumber, agency, "Las del barrio Pichincha, 2025.",
                Instant.parse("2026-12-01T14:00:00Z"));
    }

    public RequestReferred referredTo(String otherAgency) {
        return new RequestReferred(trackingNumber, otherAgency, agency, null,
                "La información la tiene la Secretaría de Ambiente.", Instant.parse("2026-12-01T15:00:00Z"));
    }

    public RequestReferred referredOutside(String body) {
        return new RequestReferred(trackingNumber, null, agency, body,
                "Los contratos los firma la provincia.", Instant.parse("2026-12-01T15:00:00Z"));
    }

    public ExtensionGranted extensionGranted() {
        return new ExtensionGranted(trackingNumber, agency, "Hay que reunir expedientes de tres direcciones.", DUE_AT,
                Instant.parse("2026-12-10T16:00:00Z"));
    }

    public DeadlineRescheduled extended() {
        return new DeadlineRescheduled(trackingNumber, "RESPONSE", "RUNNING", DUE_ON, DUE_AT, EXTENDED_ON, EXTENDED_AT,
                "EXTENSION", null, "Hay que reunir expedientes de tres direcciones.");
    }

    public DeadlineRescheduled movedByCalendar() {
        return new DeadlineRescheduled(trackingNumber, "RESPONSE", "RUNNING", DUE_ON, DUE_AT,
                LocalDate.parse("2026-12-22"), OffsetDateTime.parse("2026-12-22T23:59:59-03:00"), "CALENDAR_CHANGE",
                "Decreto 1234/2026", "Asueto administrativo del 9 de diciembre");
    }

    public DeadlineRescheduled stoppedByAnswer() {
        return new DeadlineRescheduled(trackingNumber, "RESPONSE", "STOPPED", DUE_ON, DUE_AT, null, null, "ANSWERED",
                null, null);
    }

    public RequestAnswered answered(String outcome, List<String> grounds) {
        return new RequestAnswered(trackingNumber, agency, outcome,
                "Se adjuntan los contratos; se testaron los datos personales de los empleados.", grounds,
                List.of(UUID.fromString("c7f1a2b3-4d5e-4f60-8a9b-0c1d2e3f4a5b")), Instant.parse("2026-12-18T17:00:00Z"));
    }

    public AppealWindowOpened appealWindow(String cause) {
        return new AppealWindowOpened(trackingNumber, cause, LocalDate.parse("2026-12-18"), LocalDate.parse("2027-02-19"),
                OffsetDateTime.parse("2027-02-19T23:59:59-03:00"), 40, "BUSINESS");
    }

    public DeadlineApproaching approaching() {
        return new DeadlineApproaching(trackingNumber, DUE_ON, DUE_AT, 5, "BUSINESS");
    }

    public DeadlineMissed missed() {
        return new DeadlineMissed(trackingNumber, DUE_ON, DUE_AT, LocalDate.parse("2027-02-23"),
                OffsetDateTime.parse("2027-02-23T23:59:59-03:00"));
    }

    public DeadlineVeryOverdue veryOverdue() {
        return new DeadlineVeryOverdue(trackingNumber, DUE_ON, DUE_AT, 15);
    }

    public AppealFiled appealFiled(String against) {
        return new AppealFiled(trackingNumber, agency, against, "Los nombres de funcionarios públicos no son datos protegidos.",
                Instant.parse("2027-01-05T13:00:00Z"));
    }

    public AppealResolved appealResolved(String decision) {
        return new AppealResolved(trackingNumber, agency, decision, "Se ordena entregar los nombres de los funcionarios.",
                Instant.parse("2027-01-20T12:00:00Z"));
    }

    // ---- sending ----

    /** Publishes the event in a fresh envelope on its topic (key = request id; agency and staff events keyed by their own). */
    public Envelope send(AccesoEvent event) {
        boolean aboutNoRequest = event instanceof AgencyUpdated || event instanceof StaffEvent;
        Envelope envelope = EventCodec.envelope(UUID.randomUUID(), aboutNoRequest ? null : requestId, Instant.now(), event);
        resend(envelope);
        return envelope;
    }

    /** Publishes an envelope again, as a broker redelivery or a relay retry would. */
    public void resend(Envelope envelope) {
        AccesoEvent event = EventCodec.decode(envelope, AccesoEvent.class).orElseThrow();
        String key = event instanceof AgencyUpdated agency ? agency.code()
                : event instanceof StaffEvent staff ? staff.userId() : envelope.requestId().toString();
        KafkaEvents.send(Topics.of(event), key, EventCodec.write(envelope));
    }

    /**
     * The agency, the filing and its clock (waiting for the receipt, so the due date is known), then the
     * assignment to the story's clerk (waiting for the clerk's notice): a request being worked.
     */
    public Story underWay() {
        send(agencyUpdated());
        send(filed());
        send(scheduled());
        Mailbox.await(requesterEmail, 1);
        send(assigned());
        Mailbox.await(clerkEmail, 1);
        return this;
    }
}
