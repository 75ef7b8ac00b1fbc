package org.acceso.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.acceso.contracts.AccesoEvent;
import org.acceso.contracts.Person;
import org.acceso.contracts.RequestAssigned;
import org.acceso.contracts.RequestEvent;
import org.acceso.notification.config.NotificationConfig;
import org.acceso.notification.domain.Agency;
import org.acceso.notification.domain.StaffMember;
import org.acceso.notification.domain.TrackedRequest;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds who an audience is for one event of one request. The requester comes from RequestFiled (kept on the
 * tracked request), the assigned clerk from RequestAssigned, agency addresses from the agency catalogue
 * (the {@code agency-events} topic), coordinators from the staff directory (the {@code staff-events} topic), the
 * auditors from configuration. When a fact is not known yet (RequestFiled not seen, the agency not in the catalogue
 * yet) the answer is "wait", never "nobody". People are written to in their language: the requester's from the
 * filing, a clerk's from RequestAssigned or the staff directory, a coordinator's from the staff directory; agency
 * inboxes and the auditors' list in {@code notification.recipients.staff-language}.
 */
@ApplicationScoped
public class Recipients {

    private final NotificationConfig config;

    public Recipients(NotificationConfig config) {
        this.config = config;
    }

    /** Someone to write to: an address, a user id for the in-app feed (either may be null), a name, a language. */
    public record Recipient(String email, String userId, String name, String language) {
    }

    /** The recipients, or what must be known first ({@code waitingFor}, and the agency if that is it). */
    public record Resolution(List<Recipient> recipients, String waitingFor, String waitingAgency) {

        static Resolution of(List<Recipient> recipients) {
            return new Resolution(recipients, null, null);
        }

        static Resolution none() {
            return of(List.of());
        }

        static Resolution waitFor(String what, String agency) {
            return new Resolution(List.of(), what, agency);
        }

        public boolean waits() {
            return waitingFor != null;
        }
    }

    public Resolution resolve(Audience audience, TrackedRequest request, AccesoEvent event) {
        return switch (audience) {
            case REQUESTER -> requester(request);
            case ASSIGNEE -> assignee(request, event);
            case ASSIGNEE_OR_AGENCY -> {
                Resolution assignee = assignee(request, event);
                yield assignee.waits() || !assignee.recipients().isEmpty() ? assignee : agency(request, event, false);
            }
            case AGENCY_CONTACT -> agency(request, event, false);
            case AGENCY_BACKUP -> agency(request, event, true);
            case AUDITORS -> auditors();
            case COORDINATORS -> coordinators();
        };
    }

    private Resolution requester(TrackedRequest request) {
        if (!request.filed) {
            return Resolution.waitFor("RequestFiled of request " + request.requestId, null);
        }
        if (request.recipientEmail == null && request.requesterUserId == null) {
            return Resolution.none(); // e.g. an imported request without contact
        }
        return Resolution.of(List.of(new Recipient(blankToNull(request.recipientEmail), request.requesterUserId,
                request.recipientName, Languages.supported(request.language))));
    }

    /** The clerk named by the event itself when it is an assignment (a later reassignment must not redirect it). */
    private Resolution assignee(TrackedRequest request, AccesoEvent event) {
        Person clerk;
        if (event instanceof RequestAssigned assigned) {
            clerk = assigned.assignee();
        } else if (!request.filed && request.assigneeEmail == null) {
            return Resolution.waitFor("the request events of request " + request.requestId, null);
        } else {
            clerk = request.assigneeUserId == null && request.assigneeEmail == null ? null
                    : new Person(request.assigneeUserId, request.assigneeName, request.assigneeEmail, request.assigneeLanguage);
        }
        if (clerk == null || (blankToNull(clerk.email()) == null && clerk.userId() == null)) {
            return Resolution.none();
        }
        String language = clerk.language() != null ? clerk.language() : StaffMember.languageOf(clerk.userId()).orElse(null);
        return Resolution.of(List.of(new Recipient(blankToNull(clerk.email()), clerk.userId(), clerk.name(),
                staffLanguage(language))));
    }

    private Resolution coordinators() {
        List<Recipient> coordinators = new ArrayList<>();
        for (StaffMember coordinator : StaffMember.coordinators()) { // without an e-mail: in the app only
            coordinators.add(new Recipient(blankToNull(coordinator.email()), coordinator.userId(), coordinator.name(),
                    staffLanguage(coordinator.language())));
        }
        return Resolution.of(coordinators);
    }

    private Resolution agency(TrackedRequest request, AccesoEvent event, boolean backup) {
        String code = event instanceof RequestEvent requestEvent ? requestEvent.agencyCode() : request.agencyCode;
        if (code == null) {
            return request.filed ? Resolution.none()
                    : Resolution.waitFor("the request events of request " + request.requestId, null);
        }
        Agency agency = Agency.findById(code);
        if (agency == null) {
            return Resolution.waitFor("agency " + code + " in the catalogue", code);
        }
        String address = blankToNull(backup ? agency.backupEmail : agency.contactEmail);
        if (address == null) {
            return Resolution.none();
        }
        return Resolution.of(List.of(new Recipient(address, null, agency.name, staffLanguage())));
    }

    private Resolution auditors() {
        List<Recipient> auditors = new ArrayList<>();
        for (String address : config.recipients().auditors().orElse(List.of())) {
            if (blankToNull(address) != null) {
                auditors.add(new Recipient(address.strip(), null, null, staffLanguage()));
            }
        }
        return Resolution.of(auditors);
    }

    public List<Recipient> auditorList() {
        return auditors().recipients();
    }

    /** The language of notices to staff who chose none, and to agency inboxes and auditors. */
    public String staffLanguage() {
        return Languages.supported(config.recipients().staffLanguage());
    }

    /** A staff member's chosen language when supported, else {@link #staffLanguage()}. */
    String staffLanguage(String chosen) {
        return chosen == null ? staffLanguage() : Languages.supported(chosen);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
