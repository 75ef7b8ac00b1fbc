package org.acceso.request.service;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.acceso.contracts.PublicationWithdrawn;
import org.acceso.contracts.RequestPublished;
import org.acceso.eventing.Outbox;
import org.acceso.problem.ProblemException;
import org.acceso.request.config.RequestConfig;
import org.acceso.request.domain.Actor;
import org.acceso.request.domain.Agency;
import org.acceso.request.domain.InformationRequest;
import org.acceso.request.domain.InvalidInput;
import org.acceso.request.domain.PersonalDataDetector;
import org.acceso.request.domain.PersonalDataDetector.Finding;
import org.acceso.request.domain.PersonalDataDetector.Identity;
import org.acceso.request.domain.Publication;
import org.acceso.request.domain.PublishedDocument;
import org.acceso.request.domain.RequestDocument;
import org.acceso.request.domain.RequestHistory;
import org.acceso.request.domain.RequestStatus;
import org.acceso.request.domain.Role;
import org.acceso.request.domain.RuleViolation;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The publication workflow: the proposal (every personal datum found in the request's subject, question, answer and
 * released documents), the publication of what the clerk approved, its withdrawal, and the public copies served to
 * the register.
 * <p>
 * The clerk's approved texts are published exactly as sent, and never with a detected datum the clerk did not
 * decide on: detection runs again on them, and a datum still there that the clerk did not list in {@code keep} (a
 * public official's name, an agency's address) refuses the publication (422, with each datum's field, kind and
 * place), so nothing is published that the clerk has not seen, and no silent change is made to what the clerk
 * wrote. The requester's own name and e-mail can never be kept. Documents cannot be edited by the clerk: their
 * public copies remove every datum found but those kept.
 * <p>
 * The publication, its public copies, the history line and {@code RequestPublished} commit together (outbox).
 */
@ApplicationScoped
public class PublicationService {

    private static final Logger LOG = Logger.getLogger(PublicationService.class);

    /** Statuses in which a request has an answer (or a denial by silence) to publish. */
    public static final Set<RequestStatus> PUBLISHABLE = EnumSet.of(RequestStatus.ANSWERED, RequestStatus.DEEMED_DENIED,
            RequestStatus.APPEALED, RequestStatus.APPEAL_RESOLVED);

    private final RequestAccess access;
    private final PublicCopies copies;
    private final Outbox outbox;
    private final Clock clock;
    private final RequestConfig config;
    private final LawInForce law;
    private final ExemptionGrounds grounds;
    private final EntityManager em;

    public PublicationService(RequestAccess access, PublicCopies copies, Outbox outbox, Clock clock, RequestConfig config,
                              LawInForce law, ExemptionGrounds grounds, EntityManager em) {
        this.access = access;
        this.copies = copies;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
        this.law = law;
        this.grounds = grounds;
        this.em = em;
    }

    /** Whether a document is published (as its redacted copy) or stays with the requester. */
    public enum Visibility { PUBLIC, REQUESTER_ONLY }

    /** A document's fate in a publication. */
    public record DocumentChoice(UUID id, Visibility visibility) {
    }

    /** What the clerk approved: the texts as they are to be published, the documents' fates, the data kept. */
    public record Approval(String subject, String question, String answer, List<DocumentChoice> documents,
                           LocalDate embargoUntil, List<String> keep) {
    }

    /** One datum found in a text. */
    public record Mark(PersonalDataDetector.Kind kind, int start, int end, String text, boolean requester) {
        static Mark of(Finding f) {
            return new Mark(f.kind(), f.start(), f.end(), f.text(), f.requester());
        }
    }

    /** A text of the request, its personal data, and the text with each of them replaced by {@code [dato personal]}. */
    public record TextProposal(String text, List<Mark> personalData, String suggestion) {
    }

    /** A released document, whether it can be published, and the personal data its public copy would remove. */
    public record DocumentProposal(UUID id, String name, String mediaType, boolean publishable, String reason,
                                   String publishedAs, List<PublicCopies.Located> personalData) {
    }

    /** What the clerk reviews before publishing. */
    public record Proposal(UUID requestId, String trackingNumber, String status, String outcome,
                           boolean publicationConsent, boolean publishable, String refusal, TextProposal subject,
                           TextProposal question, TextProposal answer, List<DocumentProposal> documents,
                           Published current) {
    }

    /** A public copy, as listed to staff and in {@code RequestPublished}. */
    public record PublicDocument(UUID id, UUID sourceId, String name, String mediaType, long size, String sha256,
                                 int redactions) {
        static PublicDocument of(PublishedDocument d) {
            return new PublicDocument(d.id(), d.sourceDocumentId(), d.name(), d.mediaType(), d.size(), d.sha256(),
                    d.redactions());
        }
    }

    /** A request's publication as it stands. */
    public record Published(UUID requestId, String trackingNumber, String status, String subject, String question,
                            String answer, LocalDate embargoUntil, Instant publishedAt, Instant withdrawnAt,
                            String withdrawalReason, List<PublicDocument> documents) {
    }

    /** Detected personal data left in approved texts, not kept by the clerk: nothing is published. */
    public static class PersonalDataLeft extends RuntimeException {
        private final List<Map<String, Object>> data;

        PersonalDataLeft(List<Map<String, Object>> data) {
            super(data.size() + (data.size() == 1 ? " personal datum is" : " personal data are")
                    + " still in the approved texts: replace each with " + PersonalDataDetector.MARK
                    + ", or list it in keep if it may be published (never the requester's own)");
            this.data = List.copyOf(data);
        }

        public List<Map<String, Object>> data() {
            return data;
        }
    }

    /** The requester asked that nothing of theirs be published, and the city honours it. */
    public static class NoConsent extends RuntimeException {
        NoConsent(String trackingNumber) {
            super("The requester of " + trackingNumber + " asked at filing that nothing of their request be published "
                    + "beyond the statistics (request.publication.honour-consent)");
        }
    }

    // ---- the proposal ----

    @Transactional
    public Proposal proposal(String id, Actor actor) {
        InformationRequest request = forPublication(id, actor);
        Identity requester = identity(request);
        PersonalDataDetector detector = copies.detector();
        String refusal = refusal(request);
        List<DocumentProposal> documents = released(request).stream().map(d -> {
            PublicCopies.Scan scan = copies.scan(d.name, d.mediaType, d.content, requester);
            return new DocumentProposal(d.id, d.name, d.mediaType, scan.publishable(), scan.reason(),
                    scan.publishable() ? publishedAs(d.mediaType) : null, scan.findings());
        }).toList();
        return new Proposal(request.id, request.trackingNumber, request.status().name(), outcome(request),
                request.publicationConsent, refusal == null, refusal,
                propose(detector, request.subject, requester), propose(detector, request.description, requester),
                propose(detector, request.answerText, requester), documents, current(request).orElse(null));
    }

    private static TextProposal propose(PersonalDataDetector detector, String text, Identity requester) {
        if (text == null) {
            return null;
        }
        List<Finding> found = detector.detect(text, requester);
        return new TextProposal(text, found.stream().map(Mark::of).toList(), PersonalDataDetector.redact(text, found));
    }

    // ---- publishing ----

    @Transactional
    public Published publish(String id, Actor actor, Approval approval) {
        InformationRequest request = forPublication(id, actor);
        em.refresh(request, LockModeType.PESSIMISTIC_WRITE); // one publication of a request at a time
        String refusal = refusal(request);
        if (refusal != null) {
            if (!request.publicationConsent && config.publication().honourConsent()) {
                throw new NoConsent(request.trackingNumber);
            }
            throw new RuleViolation(refusal);
        }
        Instant now = clock.instant();
        if (approval.embargoUntil() != null
                && approval.embargoUntil().isBefore(LocalDate.ofInstant(now, law.zone()))) {
            throw new InvalidInput("embargoUntil", "must be today or later (leave it out to publish at once)");
        }
        String subject = approval.subject() == null ? request.subject : approval.subject().strip();
        String answer = approval.answer() == null || approval.answer().isBlank() ? null : approval.answer();
        if (answer == null && request.answerText != null) {
            throw new InvalidInput("answer", "is required: the request was answered (send the approved answer text)");
        }
        Identity requester = identity(request);
        Set<String> keep = new HashSet<>();
        (approval.keep() == null ? List.<String>of() : approval.keep()).forEach(k -> keep.add(PersonalDataDetector.fold(k.strip())));
        Predicate<Finding> kept = f -> !f.requester() && keep.contains(PersonalDataDetector.fold(f.text().strip()));
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("subject", subject);
        texts.put("question", approval.question());
        texts.put("answer", answer);
        List<Map<String, Object>> left = new ArrayList<>();
        texts.forEach((field, text) -> {
            if (text != null) {
                copies.detector().detect(text, requester).stream().filter(kept.negate()).forEach(f -> left.add(Map.of(
                        "field", field, "kind", f.kind().name(), "start", f.start(), "end", f.end(), "text", f.text(),
                        "requester", f.requester())));
            }
        });
        if (!left.isEmpty()) {
            throw new PersonalDataLeft(left);
        }
        List<RequestDocument> publicOnes = chosen(request, approval.documents());

        Publication.publish(request.id, subject, approval.question(), answer, approval.embargoUntil(), actor.userId(), now);
        PublishedDocument.retireAll(request.id);
        List<PublishedDocument> published = new ArrayList<>();
        for (RequestDocument source : publicOnes) {
            PublicCopies.Copy copy = copies.copy(source.name, source.mediaType, source.content, requester, kept);
            published.add(PublishedDocument.create(request.id, source.id, copy.name(), copy.mediaType(), copy.content(),
                    Sha256.hex(copy.content()), copy.redactions(), now));
        }
        String reason = published.size() + (published.size() == 1 ? " public document" : " public documents")
                + (approval.embargoUntil() == null ? "" : "; embargoed until " + approval.embargoUntil());
        RequestHistory.record(request, "publish", request.status(), actor, roleOf(actor, request), reason, now);
        outbox.append(request.id, published(request, subject, approval.question(), answer, published,
                approval.embargoUntil(), now));
        LOG.infof("%s: published by %s (%d public documents)", request.trackingNumber, actor.username(), published.size());
        return view(request, Publication.<Publication>findById(request.id), published);
    }

    private RequestPublished published(InformationRequest request, String subject, String question, String answer,
                                       List<PublishedDocument> documents, LocalDate embargoUntil, Instant now) {
        String agencyName = request.agencyCode == null ? null
                : Agency.<Agency>findByIdOptional(request.agencyCode).map(a -> a.name).orElse(request.agencyCode);
        List<RequestPublished.Ground> cited = request.grounds.stream()
                .map(code -> grounds.find(code).map(g -> new RequestPublished.Ground(g.code(), g.reference(), g.name(), g.nameEn()))
                        .orElse(new RequestPublished.Ground(code, null, code, code)))
                .toList();
        Instant answeredAt = request.answeredAt != null ? request.answeredAt : deemedDeniedAt(request);
        boolean deemed = request.outcome == null;
        boolean onTime = !deemed && (request.dueAt == null || !request.answeredAt.isAfter(request.dueAt));
        return new RequestPublished(request.trackingNumber, request.agencyCode, agencyName, subject, question, answer,
                outcome(request), cited, request.filedAt, answeredAt, request.dueOn, onTime, request.extensions > 0,
                documents.stream().map(d -> new RequestPublished.Document(d.id(), d.name(), d.mediaType(), d.size(),
                        d.sha256())).toList(), embargoUntil, now);
    }

    /** The released documents named PUBLIC, checked: each a released document of this request, named once. */
    private List<RequestDocument> chosen(InformationRequest request, List<DocumentChoice> choices) {
        Map<UUID, RequestDocument> released = new LinkedHashMap<>();
        released(request).forEach(d -> released.put(d.id, d));
        Set<UUID> seen = new HashSet<>();
        List<RequestDocument> publicOnes = new ArrayList<>();
        for (DocumentChoice choice : choices == null ? List.<DocumentChoice>of() : choices) {
            if (!seen.add(choice.id())) {
                throw new InvalidInput("documents", "names document " + choice.id() + " twice");
            }
            RequestDocument document = released.get(choice.id());
            if (document == null) {
                throw new InvalidInput("documents", "names " + choice.id() + ", which is no document released with "
                        + "this request's answer");
            }
            if (choice.visibility() == Visibility.PUBLIC) {
                publicOnes.add(document); // one that cannot be checked is refused when its copy is made
            }
        }
        return publicOnes;
    }

    // ---- withdrawing ----

    @Transactional
    public Published withdraw(String id, Actor actor, String reason) {
        InformationRequest request = forPublication(id, actor);
        em.refresh(request, LockModeType.PESSIMISTIC_WRITE);
        Publication publication = Publication.of(request.id).filter(Publication::isPublished)
                .orElseThrow(() -> new RuleViolation(request.trackingNumber + " is not published: there is nothing to withdraw"));
        Instant now = clock.instant();
        publication.withdraw(reason, actor.userId(), now);
        PublishedDocument.retireAll(request.id);
        RequestHistory.record(request, "withdrawPublication", request.status(), actor, roleOf(actor, request), reason, now);
        outbox.append(request.id, new PublicationWithdrawn(request.trackingNumber, now));
        LOG.infof("%s: publication withdrawn by %s", request.trackingNumber, actor.username());
        return view(request, publication, List.of());
    }

    // ---- reading ----

    /** The request's publication as it stands, for its agency's clerks and coordinators. */
    @Transactional
    public Published publication(String id, Actor actor) {
        InformationRequest request = forPublication(id, actor);
        return current(request).orElseThrow(() -> ProblemException.notFound(request.trackingNumber + " was never published"));
    }

    /** A public copy's bytes, as served to the register. */
    public record Served(String name, String mediaType, String sha256, byte[] content) {
    }

    /** A public copy the register may fetch: of a request published now (not withdrawn), by the copy's id. */
    @Transactional
    public Served served(String requestId, String documentId) {
        Optional<UUID> document = RequestAccess.parse(documentId);
        PublishedDocument copy = RequestAccess.parse(requestId)
                .flatMap(r -> Publication.of(r).filter(Publication::isPublished))
                .flatMap(p -> document.flatMap(d -> PublishedDocument.current(p.requestId(), d)))
                .orElseThrow(() -> ProblemException.notFound("No public document " + documentId + " of a published request "
                        + requestId));
        if (!Sha256.hex(copy.content()).equals(copy.sha256())) {
            LOG.errorf("Public copy %s of %s fails its checksum: stored bytes are corrupt", copy.id(), requestId);
            throw new ProblemException(jakarta.ws.rs.core.Response.Status.INTERNAL_SERVER_ERROR,
                    "The stored document failed its integrity check; the administrators have been told");
        }
        return new Served(copy.name(), copy.mediaType(), copy.sha256(), copy.content());
    }

    // ---- helpers ----

    /** The request, if the caller may see it; a clerk of its agency or a coordinator may publish (403 otherwise). */
    private InformationRequest forPublication(String id, Actor actor) {
        InformationRequest request = access.visible(id, actor);
        if (!actor.has(Role.COORDINATOR) && !actor.isClerkOf(request.agencyCode)) {
            throw new ForbiddenException("Only the clerks of the request's agency and the coordinators publish it");
        }
        return request;
    }

    /** Why the request cannot be published now, or null. */
    private String refusal(InformationRequest request) {
        if (!PUBLISHABLE.contains(request.status())) {
            return request.trackingNumber + " is " + request.status() + ": only an answered request (or one denied by "
                    + "silence) can be published";
        }
        if (!request.publicationConsent && config.publication().honourConsent()) {
            return new NoConsent(request.trackingNumber).getMessage();
        }
        return null;
    }

    private Optional<Published> current(InformationRequest request) {
        return Publication.of(request.id).map(p -> view(request, p,
                p.isPublished() ? PublishedDocument.currentOf(request.id) : List.of()));
    }

    private static Published view(InformationRequest request, Publication p, List<PublishedDocument> documents) {
        return new Published(request.id, request.trackingNumber, p.status().name(), p.subject(), p.question(), p.answer(),
                p.embargoUntil(), p.publishedAt(), p.withdrawnAt(), p.withdrawalReason(),
                documents.stream().map(PublicDocument::of).toList());
    }

    /** The documents released with the answer (the clerk's), the only ones that may be published. */
    private static List<RequestDocument> released(InformationRequest request) {
        return RequestDocument.of(request.id).stream().map(d -> (RequestDocument) d)
                .filter(d -> d.releasedAt != null && !Role.RESIDENT.tokenName().equals(d.uploaderRole))
                .toList();
    }

    private static Identity identity(InformationRequest request) {
        return new Identity(request.requesterName, request.contactEmail);
    }

    private static String outcome(InformationRequest request) {
        return request.outcome != null ? request.outcome.name()
                : request.status() == RequestStatus.DEEMED_DENIED || request.appealAgainst != null ? RequestStatus.DEEMED_DENIED.name()
                : null;
    }

    private static Instant deemedDeniedAt(InformationRequest request) {
        return RequestHistory.of(request.id).stream().filter(h -> "deemDenied".equals(h.action))
                .map(h -> h.occurredAt).reduce((first, last) -> last).orElse(null);
    }

    private static String publishedAs(String mediaType) {
        return switch (mediaType) {
            case PublicCopies.DOCX, PublicCopies.ODT -> PublicCopies.PDF;
            default -> mediaType;
        };
    }

    private static Role roleOf(Actor actor, InformationRequest request) {
        return actor.isClerkOf(request.agencyCode) ? Role.CLERK : Role.COORDINATOR;
    }
}
