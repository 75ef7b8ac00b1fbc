package org.acceso.deadline.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.acceso.contracts.AppealFiled;
import org.acceso.contracts.AppealResolved;
import org.acceso.contracts.ClarificationProvided;
import org.acceso.contracts.ClarificationRequested;
import org.acceso.contracts.DeadlineEvent;
import org.acceso.contracts.Envelope;
import org.acceso.contracts.EventCodec;
import org.acceso.contracts.ExtensionGranted;
import org.acceso.contracts.RequestAnswered;
import org.acceso.contracts.RequestAssigned;
import org.acceso.contracts.RequestDeemedDenied;
import org.acceso.contracts.RequestEvent;
import org.acceso.contracts.RequestFiled;
import org.acceso.contracts.RequestReferred;
import org.acceso.contracts.RequestWithdrawn;
import org.acceso.contracts.RequesterAnonymised;
import org.acceso.deadline.domain.ClockContext;
import org.acceso.deadline.domain.LegalClock;
import org.acceso.deadline.domain.PendingRequestEvent;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Drives the legal clocks from request-events. {@link #apply} is the one place that dispatches over the sealed
 * {@link RequestEvent} family; each move, its history lines and its events commit together.
 */
@ApplicationScoped
public class ClockService {

    private static final Logger LOG = Logger.getLogger(ClockService.class);

    private final CalendarService calendars;
    private final ClockJournal journal;
    private final Clock clock;

    public ClockService(CalendarService calendars, ClockJournal journal, Clock clock) {
        this.calendars = calendars;
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * Applies a request event to its clock. RequestFiled starts the clock (once); any other event for a request
     * whose clock does not exist yet is kept and applied when the clock starts.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(Envelope envelope, RequestEvent event) {
        UUID requestId = envelope.requestId();
        if (event instanceof RequestFiled filed) {
            start(requestId, filed);
            return;
        }
        Optional<LegalClock> found = LegalClock.findByIdOptional(requestId, LockModeType.PESSIMISTIC_WRITE);
        if (found.isEmpty()) {
            keep(envelope);
            return;
        }
        move(found.get(), event);
    }

    private void move(LegalClock legalClock, RequestEvent event) {
        ClockContext context = calendars.context(legalClock.profile, legalClock.zone);
        Instant now = clock.instant();
        List<DeadlineEvent> events = List.of();
        if (event instanceof RequestAssigned assigned) {
            legalClock.agencyCode = assigned.agencyCode();
        } else if (event instanceof ClarificationRequested requested) {
            events = legalClock.pause(requested, context);
        } else if (event instanceof ClarificationProvided provided) {
            events = legalClock.resume(provided, context, now);
        } else if (event instanceof ExtensionGranted extension) {
            events = legalClock.extend(extension, context, now).orElseGet(() -> {
                LOG.warnf("Extension of %s not applied: %d of %d extensions already granted, or the clock is %s%s",
                        legalClock.trackingNumber, legalClock.extensions, context.policy().maxExtensions(),
                        legalClock.status, legalClock.missedAt != null ? " (missed)" : "");
                return List.of();
            });
        } else if (event instanceof RequestReferred referred) {
            events = legalClock.refer(referred, context, now);
        } else if (event instanceof RequestAnswered answered) {
            events = legalClock.answer(answered, context);
        } else if (event instanceof RequestWithdrawn withdrawn) {
            events = legalClock.withdraw(withdrawn, context);
        } else if (event instanceof AppealFiled appeal) {
            events = legalClock.appealFiled(appeal, context);
        } else if (event instanceof AppealResolved resolved) {
            legalClock.appealResolved(resolved);
        } else if (event instanceof RequesterAnonymised anonymised) {
            legalClock.forgetRequester(anonymised.pseudonym()); // Law 25.326; the figures do not change
        } else if (event instanceof RequestDeemedDenied || event instanceof RequestFiled) {
            // the deemed denial follows our own DeadlineMissed; a second filing changes nothing
            return;
        }
        journal.write(legalClock.requestId, events);
    }

    /** Starts the clock of a filed request, once, then applies the events that arrived before it. */
    private void start(UUID requestId, RequestFiled filed) {
        if (LegalClock.findByIdOptional(requestId).isPresent()) {
            LOG.infof("Clock of %s already runs", filed.trackingNumber());
            return;
        }
        ClockContext context = calendars.contextInForce();
        LegalClock started = LegalClock.start(requestId, filed, context, clock.instant());
        started.persist();
        journal.write(requestId, List.of(started.scheduled(context.policy())));
        LOG.infof("Clock of %s started under %s: received %s, due %s%s", filed.trackingNumber(), started.profile,
                started.receivedOn, started.dueOn, filed.imported() ? " (imported)" : "");
        for (PendingRequestEvent pending : PendingRequestEvent.of(requestId)) {
            Envelope envelope = EventCodec.read(pending.envelope);
            EventCodec.decode(envelope, RequestEvent.class).ifPresent(event -> move(started, event));
            pending.delete();
        }
    }

    private void keep(Envelope envelope) {
        PendingRequestEvent pending = new PendingRequestEvent();
        pending.eventId = envelope.eventId();
        pending.requestId = envelope.requestId();
        pending.type = envelope.type();
        pending.envelope = EventCodec.write(envelope);
        pending.receivedAt = clock.instant();
        pending.persist();
        LOG.infof("%s for request %s arrived before its clock: kept until the clock starts", envelope.type(), envelope.requestId());
    }
}
