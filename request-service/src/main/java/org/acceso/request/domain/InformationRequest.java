package org.acceso.request.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.acceso.contracts.AppealFiled;
import org.acceso.contracts.AppealResolved;
import org.acceso.contracts.ClarificationProvided;
import org.acceso.contracts.ClarificationRequested;
import org.acceso.contracts.ExtensionGranted;
import org.acceso.contracts.Person;
import org.acceso.contracts.RequestAnswered;
import org.acceso.contracts.RequestAssigned;
import org.acceso.contracts.RequestDeemedDenied;
import org.acceso.contracts.RequestFiled;
import org.acceso.contracts.RequestReferred;
import org.acceso.contracts.RequestWithdrawn;
import org.acceso.contracts.RequesterAnonymised;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.OptimisticLock;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A request for public information: the aggregate. Its status changes only through the intention-revealing moves
 * below; each checks the status ({@link RequestStatus#moves()}) and the legal rules, applies the change and returns
 * the event it causes. The caller ({@code LifecycleService}) writes the history line and the outbox row in the same
 * transaction. Fields are public for Panache and for reading; nothing outside this class assigns {@code status}.
 * <p>
 * The {@code version} guards the lifecycle: two people's moves on the same request conflict (409). What the legal clock
 * says (due date, clock status, the appeal window's dates) is deadline-service's projection and does not bump it, so a
 * move never fails because a due date arrived at the same moment; {@code @DynamicUpdate} writes only the columns a
 * transaction changed, so neither write undoes the other. The appeal window's closing does bump it: an appeal racing
 * the closure is decided on the closed window.
 */
@Entity
@Table(name = "information_request")
@DynamicUpdate
public class InformationRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "tracking_number", nullable = false, unique = true)
    public String trackingNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RequestStatus status;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String description;

    @Column(name = "agency_code")
    public String agencyCode;

    @Column(nullable = false)
    public String language;

    @Column(name = "requester_subject", nullable = false)
    public String requesterSubject;

    @Column(name = "requester_name")
    public String requesterName;

    @Column(name = "contact_email", nullable = false)
    public String contactEmail;

    @Column(name = "filed_at", nullable = false)
    public Instant filedAt;

    /** How it arrived; null for an import (the earlier register did not say). */
    @Enumerated(EnumType.STRING)
    private Channel channel;

    @Column(name = "requester_postal_address")
    private String requesterPostalAddress;

    @Column(name = "requester_phone")
    private String requesterPhone;

    @Column(name = "requester_document_number")
    private String requesterDocumentNumber;

    @Column(nullable = false)
    public boolean imported;

    @Column(name = "assignee_user_id")
    public String assigneeUserId;

    @Column(name = "assignee_name")
    public String assigneeName;

    @Column(name = "assignee_email")
    public String assigneeEmail;

    @Column(name = "pending_question")
    public String pendingQuestion;

    @Column(nullable = false)
    public int extensions;

    @Enumerated(EnumType.STRING)
    public Outcome outcome;

    @Column(name = "answer_text")
    public String answerText;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "grounds", columnDefinition = "varchar(64)[]")
    public List<String> grounds = new ArrayList<>();

    @Column(name = "answered_at")
    public Instant answeredAt;

    @Column(name = "external_body")
    public String externalBody;

    @Column(name = "appeal_against")
    public String appealAgainst;

    @Column(name = "appeal_reason")
    public String appealReason;

    @Column(name = "appealed_at")
    public Instant appealedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "appeal_decision")
    public AppealDecision appealDecision;

    @Column(name = "appeal_text")
    public String appealText;

    @Column(name = "appeal_resolved_at")
    public Instant appealResolvedAt;

    @OptimisticLock(excluded = true)
    @Column(name = "due_on")
    public LocalDate dueOn;

    @OptimisticLock(excluded = true)
    @Column(name = "due_at")
    public Instant dueAt;

    @Enumerated(EnumType.STRING)
    @OptimisticLock(excluded = true)
    @Column(name = "clock_status")
    public ClockStatus clockStatus;

    @OptimisticLock(excluded = true)
    @Column(name = "deadline_updated_at")
    public Instant deadlineUpdatedAt;

    @OptimisticLock(excluded = true)
    @Column(name = "appeal_due_on")
    public LocalDate appealDueOn;

    @OptimisticLock(excluded = true)
    @Column(name = "appeal_due_at")
    public Instant appealDueAt;

    @Column(name = "appeal_window_closed", nullable = false)
    public boolean appealWindowClosed;

    /** False when the requester asked at filing that nothing of theirs be published beyond the statistics. */
    @Column(name = "publication_consent", nullable = false)
    public boolean publicationConsent = true;

    /** When the requester's personal data was replaced by a pseudonym (Law 25.326); null while it is kept. */
    @Column(name = "anonymised_at")
    private Instant anonymisedAt;

    @Version
    public long version;

    /** The prefix of the requester subject of a registered request: no token's subject looks like it. */
    static final String REGISTERED = "registered:";

    /** A new request filed online by {@code requester}, RECEIVED at {@code filedAt}. */
    public static InformationRequest file(UUID id, String trackingNumber, Actor requester, String contactEmail,
                                          String subject, String description, String agencyCode, Language language,
                                          Instant filedAt) {
        InformationRequest request = create(id, trackingNumber, requester.userId(), requester.name(), contactEmail,
                subject, description, agencyCode, language, filedAt, false);
        request.channel = Channel.WEB;
        return request;
    }

    /**
     * A request that arrived by {@code channel} (not the web) at {@code receivedAt}, registered by staff for someone
     * without an account: RECEIVED at the instant it was received, so its legal clock counts from then. Its requester
     * subject is {@code registered:<tracking number>}, which no person's token carries, so no resident can read it.
     */
    public static InformationRequest register(UUID id, String trackingNumber, Channel channel,
                                              RegisteredRequester requester, String subject, String description,
                                              String agencyCode, Language language, Instant receivedAt) {
        if (!channel.registeredByStaff()) {
            throw new InvalidInput("channel", "a request registered by staff arrived IN_PERSON, by POST, EMAIL or PHONE");
        }
        if (!requester.reachable()) {
            throw new InvalidInput("requester", "needs an e-mail, a postal address or a phone number to send the answer to");
        }
        InformationRequest request = create(id, trackingNumber, REGISTERED + trackingNumber, requester.name(),
                requester.email(), subject, description, agencyCode, language, receivedAt, false);
        request.channel = channel;
        request.requesterPostalAddress = requester.postalAddress();
        request.requesterPhone = requester.phone();
        request.requesterDocumentNumber = requester.documentNumber();
        return request;
    }

    /** A request filed before Acceso existed, as the earlier register had it: RECEIVED at its real filing instant. */
    public static InformationRequest imported(UUID id, String trackingNumber, String requesterUserId, String requesterName,
                                              String contactEmail, String subject, String description, String agencyCode,
                                              Language language, Instant filedAt) {
        return create(id, trackingNumber, requesterUserId, requesterName, contactEmail, subject, description, agencyCode,
                language, filedAt, true);
    }

    private static InformationRequest create(UUID id, String trackingNumber, String requesterUserId, String requesterName,
                                             String contactEmail, String subject, String description, String agencyCode,
                                             Language language, Instant filedAt, boolean imported) {
        InformationRequest request = new InformationRequest();
        request.id = id;
        request.trackingNumber = trackingNumber;
        request.status = RequestStatus.RECEIVED;
        request.subject = subject;
        request.description = description;
        request.agencyCode = agencyCode;
        request.language = language.code();
        request.requesterSubject = requesterUserId;
        request.requesterName = requesterName;
        request.contactEmail = contactEmail;
        request.filedAt = filedAt;
        request.imported = imported;
        return request;
    }

    /**
     * The event announcing this request's filing, registration or import. A registered requester has no account: the
     * event names no user id for them (and carries only their name and e-mail, never their other contact data).
     */
    public RequestFiled filed() {
        return new RequestFiled(trackingNumber, subject, agencyCode, language, filedAt,
                new Person(isRegistered() ? null : requesterSubject, requesterName, contactEmail, language), imported,
                channel == null ? null : channel.name());
    }

    public RequestStatus status() {
        return status;
    }

    /** How the request arrived; null for an import. */
    public Channel channel() {
        return channel;
    }

    /** Whether staff registered it for someone who did not file it online. */
    public boolean isRegistered() {
        return channel != null && channel.registeredByStaff();
    }

    /** The contact data of a registered requester beyond name and e-mail (null fields for anyone else). */
    public RegisteredRequester registeredRequester() {
        return new RegisteredRequester(requesterName, contactEmail, requesterPostalAddress, requesterPhone,
                requesterDocumentNumber);
    }

    public boolean isFiledBy(String userId) {
        return requesterSubject.equals(userId);
    }

    // ---- the moves ----

    /**
     * Routes the request to {@code agency}, optionally to one of its clerks; a second assignment while the request is
     * worked reassigns it and keeps its status.
     */
    public RequestAssigned assign(String agency, Person clerk, Instant at) {
        Objects.requireNonNull(agency, "agency");
        RequestStatus next = target(Move.ASSIGN);
        String previous = agencyCode;
        agencyCode = agency;
        assigneeUserId = clerk == null ? null : clerk.userId();
        assigneeName = clerk == null ? null : clerk.name();
        assigneeEmail = clerk == null ? null : clerk.email();
        status = next;
        return new RequestAssigned(trackingNumber, agencyCode, previous, clerk, at);
    }

    public ClarificationRequested requestClarification(String question, Instant at) {
        status = target(Move.REQUEST_CLARIFICATION);
        pendingQuestion = question;
        return new ClarificationRequested(trackingNumber, agencyCode, question, at);
    }

    /** The requester's reply resumes the request: ASSIGNED, or EXTENDED if it had been extended. */
    public ClarificationProvided provideClarification(String reply, Instant at) {
        RequestStatus next = target(Move.PROVIDE_CLARIFICATION);
        status = extensions > 0 ? RequestStatus.EXTENDED : next;
        pendingQuestion = null;
        return new ClarificationProvided(trackingNumber, agencyCode, reply, at);
    }

    /** Sends the request to another agency of the same body: same tracking number, waiting in that agency's inbox. */
    public RequestReferred refer(String toAgency, String reason, Instant at) {
        RequestStatus next = target(Move.REFER);
        if (toAgency.equals(agencyCode)) {
            throw new RuleViolation(trackingNumber + " is already held by " + toAgency);
        }
        String from = agencyCode;
        agencyCode = toAgency;
        clearAssignee();
        status = next;
        return new RequestReferred(trackingNumber, agencyCode, from, null, reason, at);
    }

    /**
     * Closes the request by pointing the requester to the competent body outside that holds the information. The
     * request stays in the records of the agency that referred it; the event names no holder here any more.
     */
    public RequestReferred referOut(String competentBody, String reason, Instant at) {
        status = target(Move.REFER_OUT);
        externalBody = competentBody;
        return new RequestReferred(trackingNumber, null, agencyCode, competentBody, reason, at);
    }

    /**
     * Extends the deadline, with written reasons: at most {@code maxExtensions} times, and only while the deadline in
     * force (as deadline-service last said) has not passed.
     */
    public ExtensionGranted extend(String reason, int maxExtensions, ZoneId zone, Instant at) {
        RequestStatus next = target(Move.EXTEND);
        if (maxExtensions == 0) {
            throw new RuleViolation("The law in force allows no extension of the deadline");
        }
        if (extensions >= maxExtensions) {
            throw new RuleViolation(trackingNumber + " was already extended " + extensions
                    + (extensions == 1 ? " time" : " times") + "; the policy allows " + maxExtensions);
        }
        if (dueAt != null && !at.isBefore(dueAt)) {
            throw new RuleViolation(trackingNumber + "'s deadline passed at " + dueAt.atZone(zone).toOffsetDateTime()
                    + "; an extension must be notified before it expires");
        }
        status = next;
        extensions++;
        return new ExtensionGranted(trackingNumber, agencyCode, reason,
                dueAt == null ? null : dueAt.atZone(zone).toOffsetDateTime(), at);
    }

    /** Answers the request. Grounds are required for denials and partial grants, and refused for the rest. */
    public RequestAnswered answer(Outcome result, String text, List<String> citedGrounds, List<UUID> documentIds, Instant at) {
        RequestStatus next = target(Move.ANSWER);
        if (result.needsGrounds() && citedGrounds.isEmpty()) {
            throw new InvalidInput("grounds", result + " needs at least one exemption ground");
        }
        if (!result.needsGrounds() && !citedGrounds.isEmpty()) {
            throw new InvalidInput("grounds", result + " withholds nothing: it cites no exemption ground");
        }
        status = next;
        outcome = result;
        answerText = text;
        grounds = new ArrayList<>(citedGrounds);
        answeredAt = at;
        pendingQuestion = null;
        return new RequestAnswered(trackingNumber, agencyCode, result.name(), text, List.copyOf(citedGrounds),
                List.copyOf(documentIds), at);
    }

    public RequestWithdrawn withdraw(String reason, Instant at) {
        status = target(Move.WITHDRAW);
        pendingQuestion = null;
        return new RequestWithdrawn(trackingNumber, agencyCode, reason, at);
    }

    /** Silence is denial: the deadline passed while the clock ran. */
    public RequestDeemedDenied deemDenied(OffsetDateTime missedDueAt, Instant at) {
        status = target(Move.DEEM_DENIED);
        return new RequestDeemedDenied(trackingNumber, agencyCode, missedDueAt, at);
    }

    /** Whether a missed deadline turns this request into a denial by silence (it is still waiting for its answer). */
    public boolean awaitsAnswerWithClockRunning() {
        return status.isClockRunning();
    }

    /** The requester appeals a denial, a partial grant or a silence, while the appeal window is open. */
    public AppealFiled appeal(String reason, Instant at) {
        RequestStatus next = target(Move.APPEAL);
        String against = status == RequestStatus.DEEMED_DENIED ? RequestStatus.DEEMED_DENIED.name() : outcome.name();
        if (status == RequestStatus.ANSWERED && !outcome.appealable()) {
            throw new RuleViolation(trackingNumber + " was answered " + outcome
                    + ": only a denial, a partial grant or a silence can be appealed");
        }
        if (appealWindowClosed) {
            throw new RuleViolation("The appeal window of " + trackingNumber + " closed"
                    + (appealDueOn != null ? " on " + appealDueOn : ""));
        }
        status = next;
        appealAgainst = against;
        appealReason = reason;
        appealedAt = at;
        return new AppealFiled(trackingNumber, agencyCode, against, reason, at);
    }

    public AppealResolved resolveAppeal(AppealDecision decision, String text, Instant at) {
        status = target(Move.RESOLVE_APPEAL);
        appealDecision = decision;
        appealText = text;
        appealResolvedAt = at;
        return new AppealResolved(trackingNumber, agencyCode, decision.name(), text, at);
    }

    private RequestStatus target(Move move) {
        return status.after(move).orElseThrow(() -> new IllegalMoveException(trackingNumber, status, move));
    }

    private void clearAssignee() {
        assigneeUserId = null;
        assigneeName = null;
        assigneeEmail = null;
    }

    // ---- what the legal clock says (deadline-service) ----

    /**
     * Shows the due date deadline-service computed. A notice older than the one already applied is ignored, so
     * redelivered or reordered events never move the date back. A null date (a paused or stopped clock) keeps the
     * last known date and only changes the clock's status.
     */
    public boolean showDeadline(LocalDate newDueOn, Instant newDueAt, ClockStatus clock, Instant decidedAt) {
        if (deadlineUpdatedAt != null && decidedAt.isBefore(deadlineUpdatedAt)) {
            return false;
        }
        if (newDueOn != null) {
            dueOn = newDueOn;
            dueAt = newDueAt;
        }
        if (clock != null) {
            clockStatus = clock;
        }
        deadlineUpdatedAt = decidedAt;
        return true;
    }

    /** The appeal window deadline-service opened (after a denial, a partial grant or a silence). */
    public void showAppealWindow(LocalDate lastDay, Instant endsAt) {
        appealDueOn = lastDay;
        appealDueAt = endsAt;
    }

    /** deadline-service said the appeal window passed: appeals are refused from now on. */
    public void closeAppealWindow() {
        appealWindowClosed = true;
    }

    /**
     * The retention of the requester's data ran out: their name, e-mail, postal address, phone, identity document and
     * account id give way to {@code pseudonym}, also where the request's own texts quote them verbatim, so that the
     * request still counts (per requester too) but names nobody. Returns the event that tells the other services to do
     * the same; a second call is refused.
     */
    public RequesterAnonymised anonymiseRequester(String pseudonym, Instant at) {
        if (anonymisedAt != null) {
            throw new IllegalStateException("The requester of " + trackingNumber + " is already anonymised");
        }
        List<String> data = requesterData();
        subject = fit(scrub(subject, data, pseudonym), 200);
        description = scrub(description, data, pseudonym);
        pendingQuestion = scrub(pendingQuestion, data, pseudonym);
        answerText = scrub(answerText, data, pseudonym);
        appealReason = scrub(appealReason, data, pseudonym);
        appealText = scrub(appealText, data, pseudonym);
        requesterSubject = pseudonym;
        requesterName = pseudonym;
        contactEmail = null;
        requesterPostalAddress = null;
        requesterPhone = null;
        requesterDocumentNumber = null;
        anonymisedAt = at;
        return new RequesterAnonymised(trackingNumber, agencyCode, pseudonym, at);
    }

    /** The requester's personal data as this row holds it, longest first (so a name is replaced before a part of it). */
    public List<String> requesterData() {
        List<String> data = new ArrayList<>();
        for (String datum : new String[] {requesterName, contactEmail, requesterPostalAddress, requesterPhone,
                requesterDocumentNumber}) {
            if (datum != null && datum.strip().length() >= 3) {
                data.add(datum.strip());
            }
        }
        if (!isRegistered() && requesterSubject != null) {
            data.add(requesterSubject);
        }
        data.sort((a, b) -> b.length() - a.length());
        return data;
    }

    /** What identifies the requester across requests: the account, else a registered requester's document or e-mail. */
    public String requesterIdentity() {
        if (!isRegistered()) {
            return "account:" + requesterSubject;
        }
        if (requesterDocumentNumber != null && !requesterDocumentNumber.replaceAll("\\D", "").isEmpty()) {
            return "document:" + requesterDocumentNumber.replaceAll("\\D", "");
        }
        if (contactEmail != null) {
            return "email:" + contactEmail.strip().toLowerCase(java.util.Locale.ROOT);
        }
        return "request:" + id;
    }

    public boolean isAnonymised() {
        return anonymisedAt != null;
    }

    private static String scrub(String text, List<String> data, String pseudonym) {
        if (text == null) {
            return null;
        }
        String scrubbed = text;
        for (String datum : data) {
            scrubbed = scrubbed.replace(datum, pseudonym);
        }
        return scrubbed;
    }

    private static String fit(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }

    public static List<InformationRequest> filedBy(String requesterSubject) {
        return list("requesterSubject = ?1 order by filedAt desc", requesterSubject);
    }
}
