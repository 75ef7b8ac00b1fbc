package org.acceso.notification.service;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.acceso.contracts.AccesoEvent;
import org.acceso.contracts.AgencyUpdated;
import org.acceso.contracts.DeadlineEvent;
import org.acceso.contracts.Envelope;
import org.acceso.contracts.EventCodec;
import org.acceso.contracts.RequesterAnonymised;
import org.acceso.contracts.StaffMemberUpdated;
import org.acceso.notification.config.NotificationConfig;
import org.acceso.notification.domain.Agency;
import org.acceso.notification.domain.Channel;
import org.acceso.notification.domain.CompanionEvent;
import org.acceso.notification.domain.DeferredEvent;
import org.acceso.notification.domain.DigestEntry;
import org.acceso.notification.domain.Notification;
import org.acceso.notification.domain.Preference;
import org.acceso.notification.domain.StaffMember;
import org.acceso.notification.domain.TrackedRequest;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Turns events into stored notices, following {@link NoticeRules}. Each request event or deadline event is
 * handled under a lock on its request's row, so the two topics' events of one request never race:
 * <ol>
 *   <li>the tracked request learns what the event says;</li>
 *   <li>a deadline event that completes some notice is kept as a companion;</li>
 *   <li>the request's waiting events, then this one, are applied in arrival order: each matching rule issues one
 *       notice per recipient and channel (stored once per event, recipient and channel), or the event waits
 *       for its companion (and the request's later notices wait behind it) or for a missing fact.</li>
 * </ol>
 */
@ApplicationScoped
public class NotificationService {

    private static final Logger LOG = Logger.getLogger(NotificationService.class);

    private final Recipients recipients;
    private final NoticeWriter writer;
    private final NotificationConfig config;
    private final Clock clock;
    private final Event<NotificationQueued> queued;
    private final RequesterAnonymisation anonymisation;

    public NotificationService(Recipients recipients, NoticeWriter writer, NotificationConfig config, Clock clock,
                               Event<NotificationQueued> queued, RequesterAnonymisation anonymisation) {
        this.anonymisation = anonymisation;
        this.recipients = recipients;
        this.writer = writer;
        this.config = config;
        this.clock = clock;
        this.queued = queued;
    }

    /** A request event or deadline event, in the consumer's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onEvent(Envelope envelope, AccesoEvent event) {
        TrackedRequest request = TrackedRequest.lock(envelope.requestId());
        if (event instanceof RequesterAnonymised anonymised) {
            anonymisation.apply(request, anonymised);
            return;
        }
        request.apply(event);
        if (event instanceof DeadlineEvent deadlineEvent && NoticeRules.isCompanion(deadlineEvent)) {
            keepCompanion(envelope);
        }
        boolean hasRules = !NoticeRules.matching(event).isEmpty();
        applyWaiting(request, hasRules ? envelope : null);
    }

    /** An agency of the catalogue changed: store it, then issue the notices that waited for it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onAgencyUpdated(AgencyUpdated updated) {
        Agency.upsert(updated);
        for (UUID requestId : DeferredEvent.requestsWaitingFor(updated.code())) {
            applyWaiting(TrackedRequest.lock(requestId), null);
        }
    }

    /** A staff member joined, changed or left (staff-events): kept for coordinators' notices and people's languages. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onStaffUpdated(StaffMemberUpdated updated) {
        StaffMember.upsert(updated);
    }

    /**
     * Applies the request's waiting events in order, then {@code newcomer} (if any). An event that waits for its
     * companion stops the run: what comes after it stays queued, so the requester's notices go out in order.
     */
    private void applyWaiting(TrackedRequest request, Envelope newcomer) {
        boolean heldBack = false;
        for (DeferredEvent waiting : DeferredEvent.ofRequest(request.requestId)) {
            if (newcomer != null && waiting.eventId.equals(newcomer.eventId())) {
                newcomer = null; // already queued (a redelivery that got past the processed-event check)
            }
            Outcome outcome = issue(request, EventCodec.read(waiting.envelope));
            if (outcome.done()) {
                waiting.delete();
                continue;
            }
            waiting.waitFor(outcome.waitingFor(), outcome.waitingAgency(), outcome.blocking());
            if (outcome.blocking()) {
                heldBack = true;
                break;
            }
        }
        if (newcomer == null) {
            return;
        }
        if (heldBack) {
            defer(newcomer, new Outcome("the notices of earlier events of request " + request.requestId, null, false));
            return;
        }
        Outcome outcome = issue(request, newcomer);
        if (!outcome.done()) {
            defer(newcomer, outcome);
        }
    }

    /** What applying an event's rules left to do. */
    record Outcome(String waitingFor, String waitingAgency, boolean blocking) {
        static final Outcome DONE = new Outcome(null, null, false);

        boolean done() {
            return waitingFor == null;
        }
    }

    /** Issues every notice the event's rules can issue now; says what the rest wait for. */
    private Outcome issue(TrackedRequest request, Envelope envelope) {
        AccesoEvent event = decode(envelope);
        if (event == null) {
            return Outcome.DONE;
        }
        Set<String> waitingFor = new LinkedHashSet<>();
        String waitingAgency = null;
        boolean blocking = false;
        for (Rule<?> rule : NoticeRules.matching(event)) {
            DeadlineEvent companion = null;
            if (rule.join() != null) {
                companion = claimCompanion(request.requestId, envelope.eventId(), event, rule.join());
                if (companion == null) {
                    waitingFor.add(rule.join().typeName() + " for " + EventCodec.typeOf(event));
                    blocking = true;
                    continue;
                }
            }
            for (Audience audience : rule.to()) {
                Recipients.Resolution resolution = recipients.resolve(audience, request, event);
                if (resolution.waits()) {
                    waitingFor.add(resolution.waitingFor());
                    waitingAgency = resolution.waitingAgency() != null ? resolution.waitingAgency() : waitingAgency;
                    continue;
                }
                for (Recipients.Recipient recipient : resolution.recipients()) {
                    store(rule, envelope, event, companion, request, recipient);
                }
            }
        }
        return waitingFor.isEmpty() ? Outcome.DONE : new Outcome(String.join("; ", waitingFor), waitingAgency, blocking);
    }

    private static AccesoEvent decode(Envelope envelope) {
        Class<? extends AccesoEvent> type = EventCodec.types().get(envelope.type());
        return type == null ? null : EventCodec.payload(envelope, type).orElse(null);
    }

    private void keepCompanion(Envelope envelope) {
        if (CompanionEvent.findById(envelope.eventId()) != null) {
            return;
        }
        CompanionEvent companion = new CompanionEvent();
        companion.eventId = envelope.eventId();
        companion.requestId = envelope.requestId();
        companion.type = envelope.type();
        companion.envelope = EventCodec.write(envelope);
        companion.receivedAt = clock.instant();
        companion.persist();
        Panache.getEntityManager().flush();
    }

    /** The companion this event already claimed, or the oldest unclaimed one that pairs with it. */
    private static DeadlineEvent claimCompanion(UUID requestId, UUID primaryEventId, AccesoEvent primary, Rule.Join<?, ?> join) {
        CompanionEvent claimed = CompanionEvent.claimedBy(requestId, join.typeName(), primaryEventId);
        if (claimed != null) {
            return (DeadlineEvent) decode(EventCodec.read(claimed.envelope));
        }
        for (CompanionEvent candidate : CompanionEvent.unclaimed(requestId, join.typeName())) {
            DeadlineEvent companion = (DeadlineEvent) decode(EventCodec.read(candidate.envelope));
            if (companion != null && join.pairs(primary, companion)) {
                candidate.claimedBy = primaryEventId;
                return companion;
            }
        }
        return null;
    }

    private void defer(Envelope envelope, Outcome outcome) {
        DeferredEvent deferred = new DeferredEvent();
        deferred.eventId = envelope.eventId();
        deferred.requestId = envelope.requestId();
        deferred.envelope = EventCodec.write(envelope);
        deferred.createdAt = clock.instant();
        deferred.waitFor(outcome.waitingFor(), outcome.waitingAgency(), outcome.blocking());
        deferred.persist();
        LOG.infof("%s %s of request %s waits for %s", envelope.type(), envelope.eventId(), envelope.requestId(),
                outcome.waitingFor());
    }

    /**
     * Stores the notice for one recipient: by e-mail and in the app, as the recipient's preferences allow; an e-mail the
     * recipient wants in their daily digest is kept for it ({@link DigestEntry}) instead.
     */
    private void store(Rule<?> rule, Envelope envelope, AccesoEvent event, DeadlineEvent companion,
                       TrackedRequest request, Recipients.Recipient recipient) {
        List<Channel> channels = new ArrayList<>();
        if (recipient.email() != null && wants(rule, recipient, Channel.EMAIL)) {
            channels.add(Channel.EMAIL);
        }
        if (recipient.userId() != null && wants(rule, recipient, Channel.IN_APP)) {
            channels.add(Channel.IN_APP);
        }
        NoticeWriter.Written written = null;
        for (Channel channel : channels) {
            String address = channel == Channel.EMAIL ? recipient.email() : recipient.userId();
            if (exists(envelope.eventId(), address, channel)) {
                continue;
            }
            if (written == null) {
                written = writer.write(rule.kind(), recipient.language(), data(request, recipient, event, companion));
            }
            if (channel == Channel.EMAIL && inDigest(rule, recipient)) {
                DigestEntry.keep(envelope.eventId(), recipient.userId(), recipient.email(), recipient.name(),
                        Languages.supported(recipient.language()), rule.kind(), request.requestId, request.trackingNumber,
                        written.subject(), clock.instant());
                continue;
            }
            Notification notification = newNotification(envelope.eventId(), address, channel, rule.kind(), written);
            notification.recipientUserId = recipient.userId();
            notification.requestId = request.requestId;
            notification.trackingNumber = request.trackingNumber;
            notification.category = rule.category();
            notification.legal = rule.legal();
            notification.language = Languages.supported(recipient.language());
            save(notification);
        }
    }

    private static boolean wants(Rule<?> rule, Recipients.Recipient recipient, Channel channel) {
        return rule.legal() || recipient.userId() == null || Preference.of(recipient.userId(), rule.category()).wants(channel);
    }

    /** Whether the recipient wants this category's e-mails in their daily digest (never a legally significant one). */
    private static boolean inDigest(Rule<?> rule, Recipients.Recipient recipient) {
        return !rule.legal() && recipient.userId() != null && Preference.of(recipient.userId(), rule.category()).dailyDigest;
    }

    static boolean exists(UUID eventId, String recipient, Channel channel) {
        return Notification.count("eventId = ?1 and recipient = ?2 and channel = ?3", eventId, recipient, channel) > 0;
    }

    /** A notice ready to store: an e-mail waits for the sender; an in-app notice is delivered by being stored. */
    Notification newNotification(UUID eventId, String recipient, Channel channel, String kind, NoticeWriter.Written written) {
        Instant now = clock.instant();
        Notification notification = new Notification();
        notification.eventId = eventId;
        notification.recipient = recipient;
        notification.channel = channel;
        notification.kind = kind;
        notification.subject = truncate(written.subject(), 300);
        notification.body = written.text();
        notification.htmlBody = channel == Channel.EMAIL ? written.html() : null;
        notification.created(now);
        return notification;
    }

    void save(Notification notification) {
        notification.persistAndFlush();
        if (notification.channel == Channel.EMAIL) {
            queued.fire(new NotificationQueued(notification.id));
        }
        LOG.infof("%s %s for %s queued (%s)", notification.channel, notification.kind,
                notification.trackingNumber != null ? notification.trackingNumber : "digest", notification.id);
    }

    private Map<String, Object> data(TrackedRequest request, Recipients.Recipient recipient, AccesoEvent event,
                                     DeadlineEvent companion) {
        Map<String, Object> data = new HashMap<>();
        data.put("n", letter(recipient.language(), recipient.name(), request));
        data.put("e", event);
        data.put("c", companion);
        return data;
    }

    Letter letter(String language, String name, TrackedRequest request) {
        ZoneId zone = ZoneId.of(request != null && request.zone != null ? request.zone : config.digest().zone());
        return new Letter(language, name, request, zone, NotificationService::agencyName, config.mail().signature(),
                config.mail().portalUrl());
    }

    static String agencyName(String code) {
        Agency agency = Agency.findById(code);
        return agency == null ? null : agency.name;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
