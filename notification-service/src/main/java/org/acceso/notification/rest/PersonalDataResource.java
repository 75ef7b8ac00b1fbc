package org.acceso.notification.rest;

import io.quarkus.security.Authenticated;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.acceso.notification.domain.Notification;
import org.acceso.notification.domain.TrackedRequest;
import org.acceso.notification.service.InboxService;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Law 25.326, right of access: what notification-service holds about the caller: the name and address it writes to
 * for each of their requests, every notice addressed to them (by account or e-mail) with its text, and their
 * preferences. The gateway's {@code GET /api/me/personal-data} puts it together with the rest.
 */
@Path("/me/personal-data")
@Produces(MediaType.APPLICATION_JSON)
public class PersonalDataResource {

    public record PersonalData(List<Contact> requests, List<Notice> notices, Preferences preferences) {
    }

    /** Who this service writes to about one of the caller's requests. */
    public record Contact(UUID requestId, String trackingNumber, String name, String email, String language) {
    }

    public record Notice(long id, UUID requestId, String trackingNumber, String kind, String channel, String recipient,
                         String language, String subject, String body, String status, Instant createdAt,
                         Instant sentAt, Instant readAt) {

        static Notice of(Notification n) {
            return new Notice(n.id, n.requestId, n.trackingNumber, n.kind, n.channel.name(), n.recipient, n.language,
                    n.subject, n.body, n.status.name(), n.createdAt, n.sentAt, n.readAt);
        }
    }

    private final InboxService inbox;
    private final JsonWebToken token;

    public PersonalDataResource(InboxService inbox, JsonWebToken token) {
        this.inbox = inbox;
        this.token = token;
    }

    @GET
    @Authenticated
    @Transactional
    public PersonalData personalData() {
        String subject = token.getSubject();
        String email = token.getClaim("email");
        List<Contact> requests = TrackedRequest.<TrackedRequest>list("requesterUserId = ?1 order by filedAt", subject).stream()
                .map(r -> new Contact(r.requestId, r.trackingNumber, r.recipientName, r.recipientEmail, r.language))
                .toList();
        List<Notice> notices = inbox.addressedTo(subject, email).stream().map(Notice::of).toList();
        return new PersonalData(requests, notices, NotificationResource.view(inbox.preferences(subject)));
    }
}
