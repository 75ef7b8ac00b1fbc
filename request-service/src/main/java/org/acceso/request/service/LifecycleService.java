package org.acceso.request.service;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.Transactional;
import org.acceso.contracts.DeadlineMissed;
import org.acceso.contracts.Person;
import org.acceso.contracts.RequestEvent;
import org.acceso.eventing.Outbox;
import org.acceso.problem.ProblemException;
import org.acceso.request.domain.Actor;
import org.acceso.request.domain.Agency;
import org.acceso.request.domain.AppealDecision;
import org.acceso.request.domain.InformationRequest;
import org.acceso.request.domain.InvalidInput;
import org.acceso.request.domain.Move;
import org.acceso.request.domain.Outcome;
import org.acceso.request.domain.RequestDocument;
import org.acceso.request.domain.RequestHistory;
import org.acceso.request.domain.RequestStatus;
import org.acceso.request.domain.Role;
import org.acceso.request.domain.StaffMember;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Every move of a request's lifecycle goes through {@link #apply}: load the request the caller may see, check the
 * caller may make the move, let the aggregate make it (it checks its status and returns the event), write the history
 * line and the outbox row, all in one transaction. An illegal move leaves nothing behind.
 */
@ApplicationScoped
public class LifecycleService {

    private static final Logger LOG = Logger.getLogger(LifecycleService.class);

    private final RequestAccess access;
    private final Outbox outbox;
    private final Clock clock;
    private final ExemptionGrounds grounds;
    private final EntityManager em;
    private final LawInForce law;

    public LifecycleService(RequestAccess access, Outbox outbox, Clock clock, ExemptionGrounds grounds, EntityManager em,
                            LawInForce law) {
        this.access = access;
        this.outbox = outbox;
        this.clock = clock;
        this.grounds = grounds;
        this.em = em;
        this.law = law;
    }

    /**
     * Routes ({@code agencyCode}, optionally a clerk named by user id or user name, from the staff directory) or
     * reassigns. A coordinator may route any request; a clerk may only take an unassigned request of their own agency,
     * for themselves.
     */
    @Transactional
    public InformationRequest assign(String id, Actor actor, String agencyCode, String clerk) {
        InformationRequest request = access.forMove(id, actor, Move.ASSIGN);
        Agency agency = Agency.active(agencyCode)
                .orElseThrow(() -> new InvalidInput("agencyCode", "must name an active agency"));
        Person assignee;
        if (actor.has(Role.COORDINATOR)) {
            assignee = clerk == null ? null : StaffMember.clerkOf(agency.code, clerk).map(StaffMember::person)
                    .orElseThrow(() -> new InvalidInput("clerk", "is not a clerk of " + agency.code
                            + " in Keycloak's staff directory (a user with the clerk role and agency " + agency.code + ")"));
        } else {
            boolean takesForThemselves = agency.code.equals(actor.agency())
                    && (clerk == null || clerk.equals(actor.userId()) || clerk.equals(actor.username()));
            if (!takesForThemselves || request.assigneeUserId != null) {
                throw new ForbiddenException("A clerk may only take an unassigned request of their own agency");
            }
            // the directory knows the clerk's language; the token is the fallback while it has not read them yet
            assignee = StaffMember.active(actor.userId()).map(StaffMember::person)
                    .orElseGet(() -> new Person(actor.userId(), actor.name(), actor.email()));
        }
        String reason = "→ " + agency.code + (assignee == null ? "" : " (" + assignee.name() + ")");
        return apply(request, actor, Move.ASSIGN, reason, (r, now) -> r.assign(agency.code, assignee, now));
    }

    @Transactional
    public InformationRequest requestClarification(String id, Actor actor, String question) {
        return apply(id, actor, Move.REQUEST_CLARIFICATION, question, (r, now) -> r.requestClarification(question, now));
    }

    @Transactional
    public InformationRequest provideClarification(String id, Actor actor, String reply) {
        return apply(id, actor, Move.PROVIDE_CLARIFICATION, reply, (r, now) -> r.provideClarification(reply, now));
    }

    @Transactional
    public InformationRequest refer(String id, Actor actor, String agencyCode, String reason) {
        Agency agency = Agency.active(agencyCode)
                .orElseThrow(() -> new InvalidInput("agencyCode", "must name an active agency"));
        return apply(id, actor, Move.REFER, "→ " + agency.code + ": " + reason, (r, now) -> r.refer(agency.code, reason, now));
    }

    @Transactional
    public InformationRequest referOut(String id, Actor actor, String competentBody, String reason) {
        return apply(id, actor, Move.REFER_OUT, "→ " + competentBody + ": " + reason,
                (r, now) -> r.referOut(competentBody, reason, now));
    }

    /** Extends within the limit of the jurisdiction policy in force (deadline-service's; 503 until it is known). */
    @Transactional
    public InformationRequest extend(String id, Actor actor, String reason) {
        return apply(id, actor, Move.EXTEND, reason, (r, now) -> r.extend(reason, law.maxExtensions(), law.zone(), now));
    }

    /** Answers with an outcome, the grounds cited (from the catalogue) and the documents released (of this request). */
    @Transactional
    public InformationRequest answer(String id, Actor actor, Outcome outcome, String text, List<String> citedGrounds,
                                     List<UUID> documentIds) {
        List<String> codes = List.copyOf(new LinkedHashSet<>(citedGrounds));
        codes.stream().filter(code -> !grounds.isKnown(code)).findFirst().ifPresent(code -> {
            throw new InvalidInput("grounds", "has an unknown exemption ground: see GET /exemption-grounds");
        });
        InformationRequest request = access.forMove(id, actor, Move.ANSWER);
        List<UUID> documents = List.copyOf(new LinkedHashSet<>(documentIds));
        List<RequestDocument> released = documents.stream()
                .map(docId -> RequestDocument.<RequestDocument>findByIdOptional(docId)
                        .filter(d -> d.requestId.equals(request.id))
                        .orElseThrow(() -> new InvalidInput("documentIds", "names a document that is not attached to this request")))
                .toList();
        return apply(request, actor, Move.ANSWER, outcome + (codes.isEmpty() ? "" : " " + codes), (r, now) -> {
            var event = r.answer(outcome, text, codes, documents, now);
            released.forEach(d -> d.releasedAt = now);
            return event;
        });
    }

    @Transactional
    public InformationRequest withdraw(String id, Actor actor, String reason) {
        return apply(id, actor, Move.WITHDRAW, reason, (r, now) -> r.withdraw(reason, now));
    }

    @Transactional
    public InformationRequest appeal(String id, Actor actor, String reason) {
        return apply(id, actor, Move.APPEAL, reason, (r, now) -> r.appeal(reason, now));
    }

    @Transactional
    public InformationRequest resolveAppeal(String id, Actor actor, AppealDecision decision, String text) {
        return apply(id, actor, Move.RESOLVE_APPEAL, decision + ": " + text, (r, now) -> r.resolveAppeal(decision, text, now));
    }

    /**
     * Silence is denial: deadline-service said the deadline passed. Applies once, whatever the redeliveries: a request
     * that is no longer waiting for its answer with the clock running (answered, withdrawn, already deemed denied) is
     * left as it is.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deadlineMissed(UUID requestId, DeadlineMissed missed) {
        InformationRequest request = InformationRequest.findById(requestId);
        if (request == null) {
            LOG.warnf("DeadlineMissed for unknown request %s (%s) ignored", requestId, missed.trackingNumber());
            return;
        }
        if (!request.awaitsAnswerWithClockRunning()) {
            LOG.infof("%s missed its deadline while %s: nothing to deem", request.trackingNumber, request.status());
            return;
        }
        request.showAppealWindow(missed.appealDueOn(), missed.appealDueAt() == null ? null : missed.appealDueAt().toInstant());
        apply(request, Actor.SYSTEM, Move.DEEM_DENIED, "The deadline of " + missed.dueAt() + " passed without an answer",
                (r, now) -> r.deemDenied(missed.dueAt(), now));
    }

    private InformationRequest apply(String id, Actor actor, Move move, String reason,
                                     BiFunction<InformationRequest, Instant, RequestEvent> change) {
        return apply(access.forMove(id, actor, move), actor, move, reason, change);
    }

    private InformationRequest apply(InformationRequest request, Actor actor, Move move, String reason,
                                     BiFunction<InformationRequest, Instant, RequestEvent> change) {
        RequestStatus from = request.status();
        Instant now = clock.instant();
        RequestEvent event = change.apply(request, now);
        RequestHistory.record(request, move.apiName(), from, actor, actor.roleFor(move), reason, now);
        outbox.append(request.id, event);
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw conflict(request);
        }
        LOG.infof("%s: %s by %s (%s → %s)", request.trackingNumber, move.apiName(), actor.username(), from, request.status());
        return request;
    }

    static ProblemException conflict(InformationRequest request) {
        return ProblemException.conflict(request.trackingNumber + " was changed by someone else at the same time; "
                + "reload it and try again");
    }
}
