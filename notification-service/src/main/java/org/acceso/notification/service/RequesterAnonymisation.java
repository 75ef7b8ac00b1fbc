package org.acceso.notification.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.qute.Escaper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.acceso.contracts.EventCodec;
import org.acceso.contracts.RequesterAnonymised;
import org.acceso.notification.domain.TrackedRequest;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Law 25.326: request-service anonymised a closed request's requester ({@link RequesterAnonymised}); this service
 * forgets its copies too. The request's read model keeps the pseudonym as the requester's name and no longer any
 * address or account to write to; every notice of the request (and every digest that quoted it) has the requester's
 * name, e-mail and account id replaced by the pseudonym in its recipient, subject and bodies (plain and HTML); the
 * events that still wait for a companion or a fact lose them as well. Applying it twice changes nothing more: the
 * second time the read model holds nothing left to look for.
 */
@ApplicationScoped
public class RequesterAnonymisation {

    private static final Logger LOG = Logger.getLogger(RequesterAnonymisation.class);
    private static final Escaper HTML = Escaper.builder().add('"', "&quot;").add('\'', "&#39;").add('&', "&amp;")
            .add('<', "&lt;").add('>', "&gt;").build();

    private final EntityManager em;

    public RequesterAnonymisation(EntityManager em) {
        this.em = em;
    }

    /** In the consumer's transaction, with the request's row locked. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(TrackedRequest request, RequesterAnonymised event) {
        String pseudonym = event.pseudonym();
        List<String> data = new ArrayList<>();
        for (String datum : new String[] {request.recipientName, request.recipientEmail, request.requesterUserId}) {
            if (datum != null && datum.strip().length() >= 3 && !datum.equals(pseudonym)) {
                data.add(datum.strip());
            }
        }
        data.sort((a, b) -> b.length() - a.length());
        for (String recipient : new String[] {request.recipientEmail, request.requesterUserId}) {
            if (recipient != null) {
                em.createNativeQuery("UPDATE notification SET recipient = ?2 WHERE request_id = ?1 AND recipient = ?3")
                        .setParameter(1, request.requestId).setParameter(2, pseudonym).setParameter(3, recipient)
                        .executeUpdate();
            }
        }
        if (request.requesterUserId != null) {
            em.createNativeQuery("UPDATE notification SET recipient_user_id = ?2 WHERE request_id = ?1 AND recipient_user_id = ?3")
                    .setParameter(1, request.requestId).setParameter(2, pseudonym).setParameter(3, request.requesterUserId)
                    .executeUpdate();
        }
        for (String datum : data) {
            for (String form : forms(datum)) {
                em.createNativeQuery("""
                                UPDATE notification SET subject = replace(subject, ?2, ?3), body = replace(body, ?2, ?3),
                                       html_body = replace(html_body, ?2, ?3)
                                WHERE (request_id = ?1 OR request_id IS NULL)
                                  AND (strpos(subject, ?2) > 0 OR strpos(body, ?2) > 0 OR strpos(html_body, ?2) > 0)""")
                        .setParameter(1, request.requestId).setParameter(2, form).setParameter(3, pseudonym)
                        .executeUpdate();
            }
            for (String table : List.of("deferred_event", "companion_event")) {
                em.createNativeQuery("UPDATE " + table + " SET envelope = replace(envelope, ?2, ?3) WHERE request_id = ?1")
                        .setParameter(1, request.requestId).setParameter(2, inJson(datum)).setParameter(3, pseudonym)
                        .executeUpdate();
            }
        }
        request.forgetRequester(pseudonym, data);
        LOG.debugf("Anonymised the requester of %s", event.trackingNumber());
    }

    /** How a datum may read in a stored notice: as written, HTML-escaped (the HTML part) and inside JSON. */
    private static Set<String> forms(String datum) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(datum);
        forms.add(HTML.escape(datum));
        return forms;
    }

    private static String inJson(String datum) {
        try {
            String quoted = EventCodec.mapper().writeValueAsString(datum);
            return quoted.substring(1, quoted.length() - 1);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
