package org.acceso.request.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.acceso.contracts.DeadlineScheduled;
import org.acceso.contracts.RequestFiled;
import org.acceso.contracts.Person;
import org.acceso.eventing.Outbox;
import org.acceso.request.domain.InformationRequest;
import org.acceso.request.domain.Language;
import org.acceso.request.domain.RequestHistory;
import org.acceso.request.domain.Requester;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The use cases on requests. Each state change, its history line and its event commit together. */
@ApplicationScoped
public class RequestService {

    private static final Logger LOG = Logger.getLogger(RequestService.class);

    private final TrackingNumbers trackingNumbers;
    private final Outbox outbox;
    private final Clock clock;

    public RequestService(TrackingNumbers trackingNumbers, Outbox outbox, Clock clock) {
        this.trackingNumbers = trackingNumbers;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** What a resident asks for. {@code contactEmail} has already defaulted to the account's e-mail. */
    public record Filing(String subject, String description, String agencyCode, Language language, String contactEmail) {
    }

    @Transactional
    public InformationRequest file(Requester requester, Filing filing) {
        Instant now = clock.instant();
        InformationRequest request = InformationRequest.file(UUID.randomUUID(), trackingNumbers.next(now), requester,
                filing.contactEmail(), filing.subject(), filing.description(), filing.agencyCode(), filing.language(), now);
        request.persist();
        RequestHistory.record(request, "FILED", requester.subject(), "resident", null, now);
        outbox.append(request.id, new RequestFiled(request.trackingNumber, request.subject,
                request.agencyCode, request.language, request.filedAt,
                new Person(requester.subject(), requester.name(), request.contactEmail), false));
        LOG.infof("Filed %s (%s)", request.trackingNumber, request.id);
        return request;
    }

    /** The request, if {@code requesterSubject} filed it; other people's requests do not exist for them. */
    public Optional<InformationRequest> findOwn(UUID id, String requesterSubject) {
        return InformationRequest.<InformationRequest>findByIdOptional(id).filter(r -> r.isFiledBy(requesterSubject));
    }

    public List<InformationRequest> listOwn(String requesterSubject) {
        return InformationRequest.filedBy(requesterSubject);
    }

    /** Applies a due date from deadline-service. Unknown requests are reported, not fatal. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void showDeadline(UUID requestId, DeadlineScheduled scheduled, Instant decidedAt) {
        InformationRequest.<InformationRequest>findByIdOptional(requestId).ifPresentOrElse(
                request -> request.showDeadline(scheduled.dueOn(), scheduled.dueAt().toInstant(), decidedAt),
                () -> LOG.warnf("Deadline for unknown request %s ignored", requestId));
    }
}
