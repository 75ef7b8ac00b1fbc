package org.acceso.request.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.acceso.request.config.RequestConfig;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code Idempotency-Key}s of filings (table {@code filing_idempotency_key}): which request a caller's key filed,
 * and a SHA-256 of the body it came with. A key counts for {@code request.idempotency.retention} after its filing: an
 * older row is taken over at lookup as if it were not there (so expiry never depends on the purge), and
 * {@link #purge()} deletes such rows every hour to keep the table small.
 */
@ApplicationScoped
public class FilingKeys {

    private static final Logger LOG = Logger.getLogger(FilingKeys.class);

    /** A key as the caller sent it, with the SHA-256 (hex) of the filing it came with. */
    public record Key(String value, String bodySha256) {
    }

    /** The key was used before for another body: a retry must repeat the filing, a new filing needs a new key. */
    public static class Reused extends RuntimeException {
        public Reused() {
            super("This Idempotency-Key was already used for a different filing. Retry with the same body to get "
                    + "that filing's answer, or send a new key to file another request.");
        }
    }

    private final EntityManager em;
    private final RequestConfig config;
    private final Clock clock;

    public FilingKeys(EntityManager em, RequestConfig config, Clock clock) {
        this.em = em;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Claims {@code key} of {@code subject} for the request {@code requestId} about to be filed in the current
     * transaction. Returns empty when the claim is this filing's (a new key, or one past its retention): file it.
     * Returns the id of the request the key filed before when the body is the same: replay it. Throws
     * {@link Reused} when the body differs. A concurrent first attempt with the same key still in flight makes this
     * wait (PostgreSQL's unique index) until that one commits (then: its request) or rolls back (then: this one's).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> claim(String subject, Key key, UUID requestId, Instant now) {
        List<?> claimed = em.createNativeQuery("""
                        INSERT INTO filing_idempotency_key (requester_subject, idempotency_key, body_sha256, request_id, created_at)
                        VALUES (?1, ?2, ?3, ?4, ?5)
                        ON CONFLICT (requester_subject, idempotency_key) DO UPDATE
                            SET body_sha256 = EXCLUDED.body_sha256, request_id = EXCLUDED.request_id,
                                created_at = EXCLUDED.created_at
                            WHERE filing_idempotency_key.created_at <= ?6
                        RETURNING request_id""")
                .setParameter(1, subject)
                .setParameter(2, key.value())
                .setParameter(3, key.bodySha256())
                .setParameter(4, requestId)
                .setParameter(5, now)
                .setParameter(6, expiredAt(now))
                .getResultList();
        if (!claimed.isEmpty()) {
            return Optional.empty();
        }
        // a live key of this caller, committed before this statement (read committed: this statement sees it)
        Object[] earlier = (Object[]) em.createNativeQuery("""
                        SELECT body_sha256, request_id FROM filing_idempotency_key
                        WHERE requester_subject = ?1 AND idempotency_key = ?2""")
                .setParameter(1, subject)
                .setParameter(2, key.value())
                .getSingleResult();
        if (!key.bodySha256().equals(earlier[0])) {
            throw new Reused();
        }
        return Optional.of((UUID) earlier[1]);
    }

    /** Every hour, the keys past their retention go (a lookup already ignores them; this only keeps the table small). */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @Transactional
    void purgeEveryHour() {
        purge();
    }

    /** Deletes the keys past their retention; returns how many. */
    @Transactional
    public int purge() {
        int purged = em.createNativeQuery("DELETE FROM filing_idempotency_key WHERE created_at <= ?1")
                .setParameter(1, expiredAt(clock.instant()))
                .executeUpdate();
        if (purged > 0) {
            LOG.infof("Purged %d filing idempotency key(s) older than %s", purged, config.idempotency().retention());
        }
        return purged;
    }

    private Instant expiredAt(Instant now) {
        return now.minus(config.idempotency().retention());
    }
}
