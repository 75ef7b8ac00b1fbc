package org.acceso.notification.service;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.acceso.contracts.DeadlineScheduled;
import org.acceso.contracts.RequestFiled;
import org.acceso.notification.domain.Notification;
import org.acceso.notification.domain.NotificationStatus;
import org.acceso.notification.domain.TrackedRequest;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Decides which notifications to send and stores them. The receipt needs both the requester's
 * contact (RequestFiled) and the due date (DeadlineScheduled); whichever event comes second issues it.
 * The request's row is locked while this happens, so two events handled at once cannot both miss it.
 */
@ApplicationScoped
public class NotificationService {

    static final String RECEIPT = "RECEIPT";
    private static final Logger LOG = Logger.getLogger(NotificationService.class);

    private final ReceiptWriter receipts;
    private final Clock clock;
    private final Event<NotificationQueued> queued;

    public NotificationService(ReceiptWriter receipts, Clock clock, Event<NotificationQueued> queued) {
        this.receipts = receipts;
        this.clock = clock;
        this.queued = queued;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void requestFiled(UUID requestId, RequestFiled filed) {
        TrackedRequest request = tracked(requestId);
        request.trackingNumber = filed.trackingNumber();
        request.subject = filed.subject();
        request.language = filed.language();
        request.filedAt = filed.filedAt();
        if (filed.requester() != null) {
            request.recipientName = filed.requester().name();
            request.recipientEmail = filed.requester().email();
        }
        issueReceipt(request);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void deadlineScheduled(UUID requestId, UUID eventId, DeadlineScheduled scheduled) {
        TrackedRequest request = tracked(requestId);
        if (request.deadlineEventId != null) {
            return; // the receipt is written for the first schedule; later changes are other notices
        }
        request.trackingNumber = scheduled.trackingNumber();
        request.dueOn = scheduled.dueOn();
        request.dueAt = scheduled.dueAt().toInstant();
        request.responseDays = scheduled.responseDays();
        request.zone = scheduled.zone();
        request.deadlineEventId = eventId;
        if (request.filedAt == null) {
            request.filedAt = scheduled.filedAt();
        }
        issueReceipt(request);
    }

    /** The request's row, locked for this transaction; created empty if no event of it was seen yet. */
    private static TrackedRequest tracked(UUID requestId) {
        TrackedRequest request = Panache.getEntityManager().find(TrackedRequest.class, requestId, LockModeType.PESSIMISTIC_WRITE);
        if (request == null) {
            request = new TrackedRequest();
            request.requestId = requestId;
            request.persistAndFlush(); // a concurrent insert fails here and the consumer retries
        }
        return request;
    }

    private void issueReceipt(TrackedRequest request) {
        if (!request.readyForReceipt()) {
            return;
        }
        boolean exists = Notification.count("eventId = ?1 and recipient = ?2 and channel = ?3",
                request.deadlineEventId, request.recipientEmail, Notification.EMAIL) > 0;
        if (exists) {
            return;
        }
        ReceiptWriter.Email email = receipts.write(request);
        Instant now = clock.instant();
        Notification notification = new Notification();
        notification.eventId = request.deadlineEventId;
        notification.recipient = request.recipientEmail;
        notification.channel = Notification.EMAIL;
        notification.requestId = request.requestId;
        notification.kind = RECEIPT;
        notification.language = request.language;
        notification.subject = email.subject();
        notification.body = email.body();
        notification.status = NotificationStatus.PENDING;
        notification.nextAttemptAt = now;
        notification.createdAt = now;
        notification.persistAndFlush();
        queued.fire(new NotificationQueued(notification.id));
        LOG.infof("Receipt for %s queued", request.trackingNumber);
    }
}
