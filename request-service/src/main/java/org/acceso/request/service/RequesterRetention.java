package org.acceso.request.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.acceso.contracts.EventCodec;
import org.acceso.contracts.RequesterAnonymised;
import org.acceso.contracts.Topics;
import org.acceso.eventing.Outbox;
import org.acceso.request.config.RequestConfig;
import org.acceso.request.domain.InformationRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * Law 25.326: a requester's personal data is kept {@code acceso.retention.requester-data} (ISO-8601, default
 * {@code P5Y}) after their request is closed, then replaced by a stable pseudonym. Each run works in batches of
 * {@code request.retention.batch-size} requests, one transaction each: the request's row (name, e-mail, postal address,
 * phone, document number, account id, and the texts that quote them), its history lines, the events it wrote to the
 * outbox (RequestFiled named the requester), the documents they uploaded and their filing keys, plus one
 * {@link RequesterAnonymised} outbox row, so the other services anonymise their copies from the same commit: nothing is
 * anonymised here without the others being told. Requests are claimed {@code FOR UPDATE SKIP LOCKED}: several
 * instances share the work. A request is closed when nothing can happen to it any more: withdrawn, referred out, its
 * appeal resolved, answered without a right of appeal (granted, not held), or its appeal window passed.
 */
@ApplicationScoped
public class RequesterRetention {

    private static final Logger LOG = Logger.getLogger(RequesterRetention.class);
    /** Batches per scheduled run: a backlog (the first run on an old register) is worked off over several runs. */
    private static final int MAX_BATCHES_PER_RUN = 50;

    private final EntityManager em;
    private final Outbox outbox;
    private final Clock clock;
    private final String retention;
    private final int batchSize;

    public RequesterRetention(EntityManager em, Outbox outbox, Clock clock,
                              @ConfigProperty(name = "acceso.retention.requester-data", defaultValue = "P5Y") String retention,
                              RequestConfig config) {
        this.em = em;
        this.outbox = outbox;
        this.clock = clock;
        this.retention = retention;
        this.batchSize = config.retention().batchSize();
        closedBefore(Instant.EPOCH); // a malformed setting fails the start, not the first run
    }

    @Scheduled(identity = "requester-retention", every = "${request.retention.every}",
            delayed = "${request.retention.delay}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        int total = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            int done = anonymiseBatch();
            total += done;
            if (done < batchSize) {
                break;
            }
        }
        if (total > 0) {
            LOG.infof("Anonymised the requester of %d closed request(s) past %s", total, retention);
        }
    }

    /** Anonymises one batch of requests closed before the retention's start, in one transaction; returns how many. */
    @Transactional
    public int anonymiseBatch() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<UUID> due = em.createNativeQuery("""
                        SELECT r.id FROM information_request r
                        WHERE r.anonymised_at IS NULL
                          AND (r.status IN ('WITHDRAWN', 'APPEAL_RESOLVED', 'REFERRED_EXTERNALLY')
                               OR (r.status IN ('ANSWERED', 'DEEMED_DENIED') AND r.appeal_window_closed)
                               OR (r.status = 'ANSWERED' AND r.outcome IN ('GRANTED', 'NOT_HELD')))
                          AND coalesce((SELECT max(h.occurred_at) FROM request_history h WHERE h.request_id = r.id),
                                       r.filed_at) <= ?1
                          AND (NOT r.appeal_window_closed OR r.appeal_due_at IS NULL OR r.appeal_due_at <= ?1)
                        ORDER BY r.filed_at, r.id
                        LIMIT ?2
                        FOR UPDATE OF r SKIP LOCKED""", UUID.class)
                .setParameter(1, closedBefore(now))
                .setParameter(2, batchSize)
                .getResultList();
        String key = pseudonymKey();
        for (UUID id : due) {
            InformationRequest request = em.find(InformationRequest.class, id, LockModeType.PESSIMISTIC_WRITE);
            anonymise(request, pseudonym(key, request.requesterIdentity()), now);
        }
        return due.size();
    }

    private void anonymise(InformationRequest request, String pseudonym, Instant now) {
        String subject = request.isRegistered() ? null : request.requesterSubject;
        List<String> data = request.requesterData();
        RequesterAnonymised event = request.anonymiseRequester(pseudonym, now);
        if (subject != null) {
            em.createNativeQuery("UPDATE request_history SET actor = ?2, actor_name = ?2 WHERE request_id = ?1 AND actor = ?3")
                    .setParameter(1, request.id).setParameter(2, pseudonym).setParameter(3, subject).executeUpdate();
            em.createNativeQuery("UPDATE request_document SET uploaded_by = ?2 WHERE request_id = ?1 AND uploaded_by = ?3")
                    .setParameter(1, request.id).setParameter(2, pseudonym).setParameter(3, subject).executeUpdate();
        }
        em.createNativeQuery("DELETE FROM filing_idempotency_key WHERE request_id = ?1")
                .setParameter(1, request.id).executeUpdate();
        for (String datum : data) {
            em.createNativeQuery("UPDATE request_history SET reason = replace(reason, ?2, ?3), "
                            + "actor_name = replace(actor_name, ?2, ?3) WHERE request_id = ?1")
                    .setParameter(1, request.id).setParameter(2, datum).setParameter(3, pseudonym).executeUpdate();
            em.createNativeQuery("UPDATE outbox_message SET payload = replace(payload, ?2, ?3) "
                            + "WHERE message_key = ?1 AND topic = ?4")
                    .setParameter(1, request.id.toString()).setParameter(2, inJson(datum)).setParameter(3, pseudonym)
                    .setParameter(4, Topics.REQUEST_EVENTS).executeUpdate();
        }
        outbox.append(request.id, event);
        LOG.debugf("Anonymised the requester of %s", request.trackingNumber);
    }

    /** The first instant of the retention: requests closed before it lose their requester's data. */
    Instant closedBefore(Instant now) {
        try {
            return now.atOffset(ZoneOffset.UTC).minus(Period.parse(retention)).toInstant();
        } catch (DateTimeParseException notAPeriod) {
            try {
                return now.minus(Duration.parse(retention));
            } catch (DateTimeParseException notADuration) {
                throw new IllegalArgumentException("acceso.retention.requester-data must be an ISO-8601 period or "
                        + "duration (P5Y, P18M, PT0S), not " + retention, notADuration);
            }
        }
    }

    private String pseudonymKey() {
        return (String) em.createNativeQuery("SELECT secret FROM pseudonym_key WHERE id = 1").getSingleResult();
    }

    /** {@code anon-} and 16 hex digits of HMAC-SHA256(installation key, identity): stable, and says nothing of them. */
    static String pseudonym(String key, String identity) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(identity.getBytes(StandardCharsets.UTF_8));
            return "anon-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** How {@code datum} reads inside a JSON string (the outbox's payloads). */
    private static String inJson(String datum) {
        try {
            String quoted = EventCodec.mapper().writeValueAsString(datum);
            return quoted.substring(1, quoted.length() - 1);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
