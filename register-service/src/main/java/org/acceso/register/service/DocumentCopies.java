package org.acceso.register.service;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.WebApplicationException;
import org.acceso.register.client.RequestServiceClient;
import org.acceso.register.config.RegisterConfig;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Copies each public document's bytes from request-service once, into the register's own database: the public side
 * never calls request-service when someone reads, and a withdrawal deletes the copy. A copy is kept only when its
 * size and SHA-256 are the ones the publication announced, and only if the document is still published as it was
 * when the fetch began (a withdrawal or a replacement meanwhile wins). A failed fetch (request-service down, the
 * document not there yet) is tried again later, waiting twice as long each time up to an hour; nothing is dropped.
 * Runs right after each commit that queued copies, and on a schedule as the safety net. Fetches happen outside any
 * transaction, so a slow fetch holds no lock.
 */
@ApplicationScoped
public class DocumentCopies {

    private static final Logger LOG = Logger.getLogger(DocumentCopies.class);

    private final RequestServiceClient requestService;
    private final RegisterConfig.Documents config;
    private final RegisterChanges changes;
    private final ExecutorService executor;
    private final Clock clock;
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();

    public DocumentCopies(@RestClient RequestServiceClient requestService, RegisterConfig config, RegisterChanges changes,
                          ExecutorService executor, Clock clock) {
        this.requestService = requestService;
        this.config = config.documents();
        this.changes = changes;
        this.executor = executor;
        this.clock = clock;
    }

    /** A document to copy, as it was when the run read it. */
    record ToCopy(UUID id, UUID requestId, long size, String sha256, int attempts) {
    }

    @Scheduled(every = "${register.documents.copy-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        start();
    }

    void onPublished(@Observes(during = TransactionPhase.AFTER_SUCCESS) PublicationService.DocumentsToCopy queued) {
        start();
    }

    /** Asks for a run; one runs at a time per instance and sees every request made while it ran. */
    public void start() {
        wanted.set(true);
        if (!running.compareAndSet(false, true)) {
            return;
        }
        executor.execute(() -> {
            try {
                while (wanted.getAndSet(false)) {
                    int copied;
                    do {
                        copied = copyDue();
                    } while (copied == config.batchSize());
                }
            } catch (RuntimeException e) {
                LOG.warnf("Document copies: run failed (the schedule retries): %s", e.getMessage());
            } finally {
                running.set(false);
                if (wanted.get()) {
                    start();
                }
            }
        });
    }

    /** Tries one batch of due copies; returns how many were tried. */
    public int copyDue() {
        List<ToCopy> due = QuarkusTransaction.requiringNew().call(this::due);
        for (ToCopy document : due) {
            copy(document);
        }
        return due.size();
    }

    private List<ToCopy> due() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager()
                .createNativeQuery("SELECT id, request_id, size, sha256, attempts FROM public_document "
                        + "WHERE stored_at IS NULL AND next_attempt_at <= ?1 ORDER BY next_attempt_at LIMIT ?2")
                .setParameter(1, Timestamp.from(clock.instant()))
                .setParameter(2, config.batchSize())
                .getResultList();
        return rows.stream().map(row -> new ToCopy((UUID) row[0], (UUID) row[1], ((Number) row[2]).longValue(),
                (String) row[3], ((Number) row[4]).intValue())).toList();
    }

    private void copy(ToCopy document) {
        byte[] bytes;
        try {
            bytes = requestService.document(document.requestId(), document.id());
            if (bytes.length != document.size() || !Sha256.hex(bytes).equals(document.sha256())) {
                throw new IllegalStateException("the bytes (" + bytes.length + " bytes, SHA-256 " + Sha256.hex(bytes)
                        + ") are not the published ones (" + document.size() + " bytes, " + document.sha256() + ")");
            }
        } catch (WebApplicationException e) {
            failed(document, "request-service answered " + e.getResponse().getStatus());
            return;
        } catch (RuntimeException e) {
            failed(document, e.getMessage());
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> store(document, bytes));
    }

    private void store(ToCopy document, byte[] bytes) {
        EntityManager em = Panache.getEntityManager();
        List<?> still = em.createNativeQuery("SELECT id FROM public_document WHERE id = ?1 AND sha256 = ?2 "
                        + "AND stored_at IS NULL FOR UPDATE")
                .setParameter(1, document.id())
                .setParameter(2, document.sha256())
                .getResultList();
        if (still.isEmpty()) {
            LOG.debugf("Document %s: withdrawn, replaced or copied meanwhile; bytes dropped", document.id());
            return;
        }
        int part = 0;
        for (int offset = 0; offset < bytes.length || part == 0; offset += config.partSize(), part++) {
            em.createNativeQuery("INSERT INTO public_document_part (document_id, part, bytes) VALUES (?1, ?2, ?3)")
                    .setParameter(1, document.id())
                    .setParameter(2, part)
                    .setParameter(3, Arrays.copyOfRange(bytes, offset, Math.min(bytes.length, offset + config.partSize())))
                    .executeUpdate();
        }
        em.createNativeQuery("UPDATE public_document SET stored_at = ?2, attempts = attempts + 1, last_error = NULL "
                        + "WHERE id = ?1")
                .setParameter(1, document.id())
                .setParameter(2, Timestamp.from(clock.instant()))
                .executeUpdate();
        changes.bump();
        LOG.infof("Document %s of request %s copied (%d bytes)", document.id(), document.requestId(), bytes.length);
    }

    private void failed(ToCopy document, String error) {
        Duration wait = backoff(document.attempts());
        LOG.warnf("Document %s of request %s not copied (attempt %d, next in %s): %s", document.id(),
                document.requestId(), document.attempts() + 1, wait, error);
        QuarkusTransaction.requiringNew().run(() -> Panache.getEntityManager()
                .createNativeQuery("UPDATE public_document SET attempts = attempts + 1, next_attempt_at = ?3, "
                        + "last_error = ?4 WHERE id = ?1 AND sha256 = ?2 AND stored_at IS NULL")
                .setParameter(1, document.id())
                .setParameter(2, document.sha256())
                .setParameter(3, Timestamp.from(clock.instant().plus(wait)))
                .setParameter(4, error == null ? "unknown error" : error.substring(0, Math.min(error.length(), 1000)))
                .executeUpdate());
    }

    /** The wait after {@code attempts} earlier failures: the initial backoff, doubled each time, at most the maximum. */
    Duration backoff(int attempts) {
        Duration wait = config.initialBackoff().multipliedBy(1L << Math.min(attempts, 20));
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }

}
