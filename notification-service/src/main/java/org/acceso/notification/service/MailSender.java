package org.acceso.notification.service;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import org.acceso.notification.config.NotificationConfig;
import org.acceso.notification.domain.Notification;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Sends stored e-mails, each at least once and, short of a crash in the instant between the mail server's
 * acceptance and the commit, exactly once.
 * <ul>
 *   <li>A run claims a batch of due e-mails in one short transaction (one claim at a time per database: an
 *       advisory lock; rows {@code FOR UPDATE SKIP LOCKED}) by moving their next attempt a lease ahead, so no
 *       other run or instance takes them. Then it sends them one by one and commits each outcome on its own: a
 *       crash resends at most the e-mail in flight, once its lease has passed. A database that refuses the commit
 *       of an e-mail the mail server accepted is waited for (a restart, a failover), so the e-mail is not sent
 *       again; each e-mail carries one Message-ID on every attempt.</li>
 *   <li>E-mails go out in the order they were stored and never overtake an earlier one to the same address: one
 *       that waits (for its next attempt, or in another run's lease) holds back the later ones, so a requester
 *       reads the receipt before the answer.</li>
 *   <li>A failure waits {@code initial-backoff × 2^n} (capped); after {@code max-attempts} the e-mail is FAILED
 *       with the reason, and an admin may retry it. A mail-server outage delays e-mails, never drops them.</li>
 *   <li>When the service stops, the run in progress finishes the e-mail it is sending and gives back the rest.</li>
 * </ul>
 * A run starts right after each commit that stored an e-mail, and on a schedule.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class);
    /** The advisory lock that makes one claim at a time ("mailer" in ASCII). */
    private static final long CLAIM_LOCK = 0x6d61696c6572L;

    private final Mailer mailer;
    private final NotificationConfig config;
    private final Clock clock;
    private final ExecutorService executor;
    /** Runs hold the read lock; stopping takes the write lock, so it waits for the e-mail in flight. */
    private final ReentrantReadWriteLock running = new ReentrantReadWriteLock();
    private volatile boolean stopping;

    public MailSender(Mailer mailer, NotificationConfig config, Clock clock, ExecutorService executor) {
        this.mailer = mailer;
        this.config = config;
        this.clock = clock;
        this.executor = executor;
    }

    /** A claimed e-mail, read in the claim's transaction. */
    record Claimed(long id, String recipient, String subject, String body, String html, String kind, int attempts) {
    }

    @Scheduled(every = "${notification.mail.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        sendDue();
    }

    /** Sends soon after the commit that stored an e-mail, on a worker thread. */
    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationQueued queued) {
        if (!stopping) {
            executor.execute(this::sendDue);
        }
    }

    /** Before the database pool closes: let the e-mail in flight finish and its outcome commit. */
    void onStop(@Observes @Priority(1) ShutdownEvent event) {
        stopping = true;
        try {
            if (running.writeLock().tryLock(30, TimeUnit.SECONDS)) {
                running.writeLock().unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Sends the e-mails whose time has come; returns how many went out. */
    public int sendDue() {
        if (stopping || !running.readLock().tryLock()) {
            return 0;
        }
        try {
            if (stopping) {
                return 0; // the stop came between the first check and the lock: it did not wait for this run
            }
            List<Claimed> claimed = QuarkusTransaction.requiringNew().call(this::claim);
            Set<String> heldBack = new HashSet<>();
            List<Long> notTried = new ArrayList<>();
            int sent = 0;
            for (Claimed mail : claimed) {
                if (stopping || heldBack.contains(mail.recipient())) {
                    notTried.add(mail.id()); // the next run takes it (after the failed one, for the same address)
                    continue;
                }
                if (send(mail)) {
                    sent++;
                } else {
                    heldBack.add(mail.recipient());
                }
            }
            if (!notTried.isEmpty()) {
                QuarkusTransaction.requiringNew().run(() -> Notification.giveBack(notTried, clock.instant()));
            }
            return sent;
        } finally {
            running.readLock().unlock();
        }
    }

    /** Takes a batch of due e-mails for this run: their next attempt moves a lease ahead. Empty if another run claims now. */
    private List<Claimed> claim() {
        EntityManager em = Panache.getEntityManager();
        boolean mine = (Boolean) em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, CLAIM_LOCK)
                .getSingleResult();
        if (!mine) {
            return List.of();
        }
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Notification> due = em.createNativeQuery("SELECT * FROM notification n "
                        + "WHERE n.status = 'PENDING' AND n.channel = 'EMAIL' AND n.next_attempt_at <= ?1 "
                        + "AND NOT EXISTS (SELECT 1 FROM notification e WHERE e.status = 'PENDING' AND e.channel = 'EMAIL' "
                        + "AND e.recipient = n.recipient AND e.id < n.id AND e.next_attempt_at > ?1) "
                        + "ORDER BY n.id LIMIT ?2 FOR UPDATE SKIP LOCKED", Notification.class)
                .setParameter(1, now)
                .setParameter(2, config.mail().batchSize())
                .getResultList();
        Instant leaseEnd = now.plus(config.mail().lease());
        return due.stream().map(n -> {
            n.leasedUntil(leaseEnd);
            return new Claimed(n.id, n.recipient, n.subject, n.body, n.htmlBody, n.kind, n.attempts);
        }).toList();
    }

    /** Sends one claimed e-mail and commits the outcome; false when it failed. */
    private boolean send(Claimed mail) {
        RuntimeException failure = null;
        try {
            Mail message = Mail.withText(mail.recipient(), mail.subject(), mail.body())
                    .addHeader("Message-ID", messageId(mail.id()))
                    .addHeader("X-Acceso-Notification", String.valueOf(mail.id()));
            if (mail.html() != null) {
                message.setHtml(mail.html());
            }
            mailer.send(message);
        } catch (RuntimeException e) {
            failure = e;
        }
        String error = failure == null ? null : String.valueOf(failure.getMessage());
        record(mail.id(), error);
        if (failure != null) {
            LOG.warnf("E-mail %d (%s) not sent (attempt %d%s): %s", mail.id(), mail.kind(), mail.attempts() + 1,
                    mail.attempts() + 1 >= config.mail().maxAttempts() ? ", now FAILED" : "", error);
        }
        return failure == null;
    }

    /**
     * Commits one e-mail's outcome ({@code error} null: sent). The mail server has already answered, so a database
     * that refuses the commit (restarting, failing over) is waited for, up to two minutes, well inside the e-mail's
     * lease: given up sooner, the e-mail would go out again when its lease ran out.
     */
    @Retry(maxRetries = -1, delay = 250, jitter = 100, maxDuration = 2, durationUnit = ChronoUnit.MINUTES)
    @ExponentialBackoff(maxDelay = 5, maxDelayUnit = ChronoUnit.SECONDS)
    void record(long id, String error) {
        QuarkusTransaction.requiringNew().run(() -> {
            Notification notification = Notification.findById(id);
            if (error == null) {
                notification.sent(clock.instant());
            } else {
                notification.failed(error, clock.instant(), backoff(notification.attempts), config.mail().maxAttempts());
            }
        });
    }

    /** The e-mail's own Message-ID, the same on every attempt: a mail store or client can tell a resend for what it is. */
    static String messageId(long id) {
        return "<notification-" + id + "@acceso>";
    }

    /** 10 s, 20 s, 40 s … up to the configured maximum, after the n-th failure so far. */
    Duration backoff(int failuresSoFar) {
        Duration wait = config.mail().initialBackoff().multipliedBy(1L << Math.min(failuresSoFar, 20));
        return wait.compareTo(config.mail().maxBackoff()) > 0 ? config.mail().maxBackoff() : wait;
    }
}
