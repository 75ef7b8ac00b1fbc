package org.acceso.request.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.acceso.contracts.AppealWindowClosed;
import org.acceso.contracts.AppealWindowOpened;
import org.acceso.contracts.DeadlineRescheduled;
import org.acceso.contracts.DeadlineScheduled;
import org.acceso.eventing.Outbox;
import org.acceso.request.domain.Actor;
import org.acceso.request.config.RequestConfig;
import org.acceso.request.domain.Agency;
import org.acceso.request.domain.Channel;
import org.acceso.request.domain.ClockStatus;
import org.acceso.request.domain.InformationRequest;
import org.acceso.request.domain.InvalidInput;
import org.acceso.request.domain.Language;
import org.acceso.request.domain.RegisteredRequester;
import org.acceso.request.domain.RequestHistory;
import org.acceso.request.domain.RequestStatus;
import org.acceso.request.domain.Role;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** Filing, finding and listing requests, and showing what the legal clock says about them. */
@ApplicationScoped
public class RequestService {

    private static final Logger LOG = Logger.getLogger(RequestService.class);

    private final TrackingNumbers trackingNumbers;
    private final Outbox outbox;
    private final Clock clock;
    private final EntityManager em;
    private final FilingKeys filingKeys;
    private final RequestConfig config;

    public RequestService(TrackingNumbers trackingNumbers, Outbox outbox, Clock clock, EntityManager em,
                          FilingKeys filingKeys, RequestConfig config) {
        this.trackingNumbers = trackingNumbers;
        this.outbox = outbox;
        this.clock = clock;
        this.em = em;
        this.filingKeys = filingKeys;
        this.config = config;
    }

    /**
     * What a resident asks for. {@code contactEmail} has already defaulted to the account's e-mail;
     * {@code publicationConsent} is false when nothing of it is to be published beyond the statistics.
     */
    public record Filing(String subject, String description, String agencyCode, Language language, String contactEmail,
                         boolean publicationConsent) {
    }

    /**
     * What staff write down for a request that arrived on paper, by e-mail, by phone or in person: how it came, who
     * asked (no account), when it was received (null: now), and the role under which the registrar acts.
     */
    public record Registration(Channel channel, RegisteredRequester requester, Instant receivedAt, Role registrarRole) {
    }

    /** The outcome of a filing: the request, and whether it was filed before under the same Idempotency-Key. */
    public record Filed(InformationRequest request, boolean replayed) {
    }

    /**
     * Files a request: the request, its first history line and RequestFiled commit together, with the row of
     * {@code key} when there is one (so a key names a request exactly when the request exists). When {@code key}
     * (may be null) was used by this requester for the same filing within the retention, files nothing and answers
     * with that earlier request.
     *
     * @throws FilingKeys.Reused when the key was used for a different filing
     */
    @Transactional
    public Filed file(Actor requester, Filing filing, FilingKeys.Key key) {
        return file(requester, filing, null, key);
    }

    /**
     * Registers a request that arrived by {@code registration.channel()}, for a requester without an account, filed
     * into {@code filing.agencyCode()} (the caller checked they may register for it): like {@link #file}, with a
     * {@code register} history line naming the registrar and the channel, and the clock starting at
     * {@code receivedAt} (not in the future, not older than {@code request.intake.max-backdate}). The
     * Idempotency-Key belongs to the registrar.
     */
    @Transactional
    public Filed register(Actor registrar, Filing filing, Registration registration, FilingKeys.Key key) {
        return file(registrar, filing, registration, key);
    }

    private Filed file(Actor caller, Filing filing, Registration registration, FilingKeys.Key key) {
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        if (key != null) {
            Optional<UUID> earlier = filingKeys.claim(caller.userId(), key, id, now);
            if (earlier.isPresent()) {
                LOG.infof("Filing with a known Idempotency-Key: replaying %s", earlier.get());
                return new Filed(InformationRequest.findById(earlier.get()), true);
            }
        }
        if (filing.agencyCode() != null && Agency.active(filing.agencyCode()).isEmpty()) {
            throw new InvalidInput("agencyCode", "must name an active agency, or be left out for the coordinators to route");
        }
        InformationRequest request;
        if (registration == null) {
            request = InformationRequest.file(id, trackingNumbers.next(now), caller, filing.contactEmail(),
                    filing.subject(), filing.description(), filing.agencyCode(), filing.language(), now);
            request.publicationConsent = filing.publicationConsent();
            request.persist();
            RequestHistory.record(request, "file", null, caller, Role.RESIDENT, null, now);
        } else {
            Instant receivedAt = receivedAt(registration.receivedAt(), now);
            request = InformationRequest.register(id, trackingNumbers.next(receivedAt), registration.channel(),
                    registration.requester(), filing.subject(), filing.description(), filing.agencyCode(),
                    filing.language(), receivedAt);
            request.publicationConsent = filing.publicationConsent();
            request.persist();
            RequestHistory.record(request, "register", null, caller, registration.registrarRole(),
                    registration.channel().name(), now);
        }
        outbox.append(request.id, request.filed());
        LOG.infof("Filed %s (%s)%s", request.trackingNumber, request.id,
                registration == null ? "" : ", registered by " + caller.username() + " (" + registration.channel() + ")");
        return new Filed(request, false);
    }

    /** The instant a registered request was received: {@code given}, or now; never in the future or too far back. */
    private Instant receivedAt(Instant given, Instant now) {
        if (given == null) {
            return now;
        }
        if (given.isAfter(now)) {
            throw new InvalidInput("receivedAt", "must not be in the future");
        }
        Duration limit = config.intake().maxBackdate();
        if (given.isBefore(now.minus(limit))) {
            throw new InvalidInput("receivedAt", "must be within the last " + limit.toDays() + " days "
                    + "(request.intake.max-backdate); an older request comes in through the import");
        }
        return given;
    }

    public List<InformationRequest> listOwn(String requesterSubject) {
        return InformationRequest.filedBy(requesterSubject);
    }

    /** Filters of the request list; each null filter is left out. */
    public record Search(String agency, RequestStatus status, String assignee, String requester, Instant dueBefore,
                         Instant dueAfter, String text, Sort sort, int page, int size) {
    }

    /** The orders the list supports, each with a stable tie-breaker. */
    public enum Sort {
        DUE_AT("due_at ASC NULLS LAST, filed_at ASC, id"),
        DUE_AT_DESC("due_at DESC NULLS LAST, filed_at DESC, id"),
        FILED_AT("filed_at ASC, id"),
        FILED_AT_DESC("filed_at DESC, id"),
        TRACKING_NUMBER("tracking_number ASC"),
        TRACKING_NUMBER_DESC("tracking_number DESC");

        final String sql;

        Sort(String sql) {
            this.sql = sql;
        }
    }

    public record Page(List<InformationRequest> items, long total) {
    }

    /**
     * One page of requests matching the filters, and how many match in all. Built from a fixed set of conditions
     * with bound parameters (no caller text ever becomes SQL); {@code text} is PostgreSQL full-text search with the
     * Spanish configuration over subject and description (GIN index).
     */
    public Page search(Search search) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        condition(where, params, search.agency(), "agency_code = :agency", "agency");
        condition(where, params, search.status() == null ? null : search.status().name(), "status = :status", "status");
        condition(where, params, search.assignee(), "assignee_user_id = :assignee", "assignee");
        condition(where, params, search.requester(), "requester_subject = :requester", "requester");
        condition(where, params, search.dueBefore(), "due_at < :dueBefore", "dueBefore");
        condition(where, params, search.dueAfter(), "due_at > :dueAfter", "dueAfter");
        condition(where, params, search.text(), "search @@ websearch_to_tsquery('spanish', :text)", "text");
        String filter = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);

        Query count = em.createNativeQuery("SELECT count(*) FROM information_request" + filter);
        params.forEach(count::setParameter);
        long total = ((Number) count.getSingleResult()).longValue();

        Query page = em.createNativeQuery("SELECT * FROM information_request" + filter + " ORDER BY " + search.sort().sql
                + " LIMIT :limit OFFSET :offset", InformationRequest.class);
        params.forEach(page::setParameter);
        page.setParameter("limit", search.size());
        page.setParameter("offset", (long) search.page() * search.size());
        @SuppressWarnings("unchecked")
        List<InformationRequest> items = page.getResultList();
        return new Page(items, total);
    }

    private static void condition(List<String> where, Map<String, Object> params, Object value, String sql, String name) {
        if (value != null) {
            where.add(sql);
            params.put(name, value);
        }
    }

    public List<RequestHistory> history(InformationRequest request) {
        return RequestHistory.of(request.id);
    }

    // ---- what deadline-service says ----

    @Transactional(Transactional.TxType.MANDATORY)
    public void deadlineScheduled(UUID requestId, DeadlineScheduled scheduled, Instant decidedAt) {
        withRequest(requestId, "DeadlineScheduled", request ->
                request.showDeadline(scheduled.dueOn(), scheduled.dueAt().toInstant(), ClockStatus.RUNNING, decidedAt));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void deadlineRescheduled(UUID requestId, DeadlineRescheduled rescheduled, Instant decidedAt) {
        withRequest(requestId, "DeadlineRescheduled", request -> {
            if ("APPEAL".equals(rescheduled.clock())) {
                if (rescheduled.newDueOn() != null) {
                    request.showAppealWindow(rescheduled.newDueOn(), rescheduled.newDueAt().toInstant());
                }
                return;
            }
            request.showDeadline(rescheduled.newDueOn(),
                    rescheduled.newDueAt() == null ? null : rescheduled.newDueAt().toInstant(),
                    ClockStatus.parse(rescheduled.status()), decidedAt);
        });
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void appealWindowOpened(UUID requestId, AppealWindowOpened opened) {
        withRequest(requestId, "AppealWindowOpened", request -> request.showAppealWindow(opened.dueOn(), opened.dueAt().toInstant()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void appealWindowClosed(UUID requestId, AppealWindowClosed closed) {
        withRequest(requestId, "AppealWindowClosed", InformationRequest::closeAppealWindow);
    }

    private static void withRequest(UUID requestId, String event, Consumer<InformationRequest> effect) {
        InformationRequest.<InformationRequest>findByIdOptional(requestId).ifPresentOrElse(effect,
                () -> LOG.warnf("%s for unknown request %s ignored", event, requestId));
    }
}
