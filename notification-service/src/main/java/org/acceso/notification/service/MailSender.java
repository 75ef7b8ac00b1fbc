package org.acceso.notification.service;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.Transactional;
import org.acceso.notification.config.NotificationConfig;
import org.acceso.notification.domain.Notification;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * Sends stored e-mail notifications. Rows are claimed with {@code FOR UPDATE SKIP LOCKED}, so
 * several instances never send the same one; a mail-server outage delays notifications with
 * exponential backoff and never drops them until the attempts run out. A run starts right after each
 * commit that stored a notification, and on a schedule for retries.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class);

    private final Mailer mailer;
    private final NotificationConfig config;
    private final Clock clock;
    private final ExecutorService executor;

    public MailSender(Mailer mailer, NotificationConfig config, Clock clock, ExecutorService executor) {
        this.mailer = mailer;
        this.config = config;
        this.clock = clock;
        this.executor = executor;
    }

    @Scheduled(every = "${notification.mail.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        sendDue();
    }

    /** Sends soon after the commit that stored a notification, on a worker thread. */
    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationQueued queued) {
        executor.execute(this::sendDue);
    }

    /** Sends the notifications whose time has come; returns how many went out. */
    @Transactional
    public int sendDue() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Notification> due = Panache.getEntityManager()
                .createNativeQuery("SELECT * FROM notification WHERE status = 'PENDING' AND next_attempt_at <= ?1 "
                        + "ORDER BY next_attempt_at LIMIT ?2 FOR UPDATE SKIP LOCKED", Notification.class)
                .setParameter(1, now)
                .setParameter(2, config.mail().batchSize())
                .getResultList();
        int sent = 0;
        for (Notification notification : due) {
            try {
                mailer.send(Mail.withText(notification.recipient, notification.subject, notification.body));
                notification.sent(clock.instant());
                sent++;
            } catch (RuntimeException e) {
                notification.failed(e.getMessage(), clock.instant(), backoff(notification.attempts), config.mail().maxAttempts());
                LOG.warnf("E-mail %d to request %s not sent (attempt %d, %s): %s", notification.id, notification.requestId,
                        notification.attempts, notification.status, notification.lastError);
            }
        }
        return sent;
    }

    /** 10 s, 20 s, 40 s … up to the configured maximum, after the n-th failure so far. */
    Duration backoff(int failuresSoFar) {
        Duration wait = config.mail().initialBackoff().multipliedBy(1L << Math.min(failuresSoFar, 20));
        return wait.compareTo(config.mail().maxBackoff()) > 0 ? config.mail().maxBackoff() : wait;
    }
}
