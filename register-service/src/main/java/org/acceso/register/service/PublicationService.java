package org.acceso.register.service;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.acceso.contracts.Envelope;
import org.acceso.contracts.EventCodec;
import org.acceso.contracts.PublicationEvent;
import org.acceso.contracts.PublicationWithdrawn;
import org.acceso.contracts.RequestPublished;
import org.acceso.register.config.RegisterConfig;
import org.acceso.register.domain.Publication;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Applies the publication events to the register, in the consumer's transaction: {@link RequestPublished} stores or
 * replaces the request (its documents are queued for copying), {@link PublicationWithdrawn} deletes it with its
 * documents and their bytes. An event older than what the register already applied for that request (a late
 * redelivery) changes nothing, and a publication older than a withdrawal never brings the request back.
 */
@ApplicationScoped
public class PublicationService {

    private static final Logger LOG = Logger.getLogger(PublicationService.class);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private final RegisterConfig config;
    private final RegisterChanges changes;
    private final Event<DocumentsToCopy> documentsToCopy;
    private final Clock clock;

    public PublicationService(RegisterConfig config, RegisterChanges changes, Event<DocumentsToCopy> documentsToCopy,
                              Clock clock) {
        this.config = config;
        this.changes = changes;
        this.documentsToCopy = documentsToCopy;
        this.clock = clock;
    }

    /** Fired after a commit that queued document copies (the copier starts at once instead of on its schedule). */
    public record DocumentsToCopy() {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(Envelope envelope, PublicationEvent event) {
        if (event instanceof RequestPublished published) {
            publish(envelope, published);
        } else if (event instanceof PublicationWithdrawn withdrawn) {
            withdraw(envelope, withdrawn);
        }
    }

    private void publish(Envelope envelope, RequestPublished event) {
        check(envelope, event);
        UUID requestId = envelope.requestId();
        Instant publishedAt = event.publishedAt() != null ? event.publishedAt() : envelope.occurredAt();
        EntityManager em = Panache.getEntityManager();
        int withdrawnAfter = ((Number) em.createNativeQuery("SELECT count(*) FROM withdrawal WHERE request_id = ?1 "
                        + "AND withdrawn_at >= ?2")
                .setParameter(1, requestId)
                .setParameter(2, Timestamp.from(publishedAt))
                .getSingleResult()).intValue();
        if (withdrawnAfter > 0) {
            LOG.infof("%s: publication of %s ignored, withdrawn after it", event.trackingNumber(), publishedAt);
            return;
        }
        em.createNativeQuery("DELETE FROM withdrawal WHERE request_id = ?1").setParameter(1, requestId).executeUpdate();
        Instant now = clock.instant();
        Publication publication = em.find(Publication.class, requestId);
        if (publication == null) {
            em.persist(Publication.of(requestId, event, publishedAt, config.zone(), now));
        } else if (!publication.publishedAfter(publishedAt)) {
            Set<UUID> refetch = publication.replaceWith(event, publishedAt, config.zone(), now);
            em.flush();
            if (!refetch.isEmpty()) {
                em.createNativeQuery("DELETE FROM public_document_part WHERE document_id IN (?1)")
                        .setParameter(1, List.copyOf(refetch)).executeUpdate();
            }
        } else {
            LOG.infof("%s: publication of %s ignored, the register has a newer one", event.trackingNumber(), publishedAt);
            return;
        }
        changes.bump();
        if (event.documents() != null && !event.documents().isEmpty()) {
            documentsToCopy.fire(new DocumentsToCopy());
        }
    }

    private void withdraw(Envelope envelope, PublicationWithdrawn event) {
        UUID requestId = envelope.requestId();
        Instant withdrawnAt = event.withdrawnAt() != null ? event.withdrawnAt() : envelope.occurredAt();
        EntityManager em = Panache.getEntityManager();
        Publication publication = em.find(Publication.class, requestId);
        if (publication != null && publication.publishedAfter(withdrawnAt)) {
            LOG.infof("%s: withdrawal of %s ignored, published again after it", event.trackingNumber(), withdrawnAt);
            return;
        }
        if (publication != null) {
            em.remove(publication);
        }
        em.createNativeQuery("INSERT INTO withdrawal (request_id, withdrawn_at) VALUES (?1, ?2) ON CONFLICT (request_id) "
                        + "DO UPDATE SET withdrawn_at = greatest(withdrawal.withdrawn_at, EXCLUDED.withdrawn_at)")
                .setParameter(1, requestId)
                .setParameter(2, Timestamp.from(withdrawnAt))
                .executeUpdate();
        changes.bump();
    }

    /** What the register cannot store is a malformed event: dead-lettered at once, not retried. */
    private static void check(Envelope envelope, RequestPublished event) {
        String problem = null;
        if (blank(event.trackingNumber()) || event.trackingNumber().length() > 40) {
            problem = "a tracking number";
        } else if (blank(event.agencyCode()) || event.agencyCode().length() > 64) {
            problem = "an agency code";
        } else if (event.subject() == null || event.question() == null) {
            problem = "a subject and a question";
        } else if (blank(event.outcome()) || event.outcome().length() > 32) {
            problem = "an outcome";
        } else if (event.filedAt() == null) {
            problem = "filedAt";
        } else if (event.publishedAt() == null && envelope.occurredAt() == null) {
            problem = "publishedAt";
        } else if (event.documents() != null && event.documents().stream().anyMatch(d -> d == null || d.id() == null
                || blank(d.fileName()) || blank(d.mediaType()) || d.size() < 0 || d.sha256() == null
                || !SHA256.matcher(d.sha256()).matches())) {
            problem = "every document's id, file name, media type, size and SHA-256";
        }
        if (problem != null) {
            throw new EventCodec.MalformedEventException("RequestPublished event " + envelope.eventId() + " lacks "
                    + problem, null);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
