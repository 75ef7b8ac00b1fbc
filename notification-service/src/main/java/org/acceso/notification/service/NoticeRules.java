package org.acceso.notification.service;

import org.acceso.contracts.AccesoEvent;
import org.acceso.contracts.AppealFiled;
import org.acceso.contracts.AppealResolved;
import org.acceso.contracts.AppealWindowOpened;
import org.acceso.contracts.ClarificationProvided;
import org.acceso.contracts.ClarificationRequested;
import org.acceso.contracts.DeadlineApproaching;
import org.acceso.contracts.DeadlineEvent;
import org.acceso.contracts.DeadlineMissed;
import org.acceso.contracts.DeadlineRescheduled;
import org.acceso.contracts.DeadlineScheduled;
import org.acceso.contracts.DeadlineVeryOverdue;
import org.acceso.contracts.ExtensionGranted;
import org.acceso.contracts.RequestAnswered;
import org.acceso.contracts.RequestAssigned;
import org.acceso.contracts.RequestFiled;
import org.acceso.contracts.RequestReferred;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.acceso.notification.domain.Category.ASSIGNMENTS;
import static org.acceso.notification.domain.Category.COORDINATION;
import static org.acceso.notification.domain.Category.DEADLINE_ALERTS;
import static org.acceso.notification.domain.Category.REQUEST_UPDATES;
import static org.acceso.notification.service.Audience.AGENCY_BACKUP;
import static org.acceso.notification.service.Audience.AGENCY_CONTACT;
import static org.acceso.notification.service.Audience.ASSIGNEE;
import static org.acceso.notification.service.Audience.ASSIGNEE_OR_AGENCY;
import static org.acceso.notification.service.Audience.AUDITORS;
import static org.acceso.notification.service.Audience.COORDINATORS;
import static org.acceso.notification.service.Audience.REQUESTER;
import static org.acceso.notification.service.Rule.on;

/**
 * Every notice this service sends, in one table: the event (and a condition), the deadline event it waits for
 * when it needs one, who gets it, the template kind ({@code templates/notices/<kind>_<language>.txt}, and
 * {@code .html} if present), its category and whether it is legally significant (then it is sent whatever the
 * recipient's preferences). A new notice is a line here and its templates. Events not named here notify nobody:
 * RequestWithdrawn (the requester did it), RequestDeemedDenied and AppealWindowOpened for a deemed denial (the
 * DeadlineMissed notice tells it), AppealWindowClosed. Coordination notices go by e-mail one by one or in the
 * coordinator's daily digest, as each coordinator chose ({@link Digests}).
 */
public final class NoticeRules {

    /** Legally significant: always sent. */
    static final boolean LEGAL = true;
    /** May be switched off per category in the recipient's preferences. */
    static final boolean ROUTINE = false;

    /** Answers the requester may appeal; the appeal deadline comes with AppealWindowOpened of the same cause. */
    static final Set<String> APPEALABLE = Set.of("DENIED", "PARTIALLY_GRANTED");

    public static final List<Rule<?>> RULES = List.of(
            on(RequestFiled.class).unless(RequestFiled::imported)
                    .joinedWith(DeadlineScheduled.class, due -> true)
                    .notify(REQUESTER).as("receipt", REQUEST_UPDATES, LEGAL),
            on(RequestFiled.class).unless(RequestFiled::imported).when(filed -> filed.agencyCode() == null)
                    .notify(COORDINATORS).as("unrouted_request", COORDINATION, ROUTINE),

            on(RequestAssigned.class)
                    .notify(AGENCY_CONTACT, ASSIGNEE).as("assignment", ASSIGNMENTS, ROUTINE),

            on(ClarificationRequested.class)
                    .notify(REQUESTER).as("clarification_requested", REQUEST_UPDATES, LEGAL),

            on(ClarificationProvided.class)
                    .notify(ASSIGNEE_OR_AGENCY).as("clarification_provided", ASSIGNMENTS, ROUTINE),

            on(RequestReferred.class)
                    .notify(REQUESTER).as("referral", REQUEST_UPDATES, LEGAL),

            on(ExtensionGranted.class)
                    .joinedWith(DeadlineRescheduled.class, moved -> "EXTENSION".equals(moved.cause()))
                    .notify(REQUESTER).as("extension", REQUEST_UPDATES, LEGAL),

            on(RequestAnswered.class).when(answer -> APPEALABLE.contains(answer.outcome()))
                    .joinedWith(AppealWindowOpened.class, window -> APPEALABLE.contains(window.cause()),
                            (answer, window) -> window.cause().equals(answer.outcome()))
                    .notify(REQUESTER).as("answer", REQUEST_UPDATES, LEGAL),
            on(RequestAnswered.class).unless(answer -> APPEALABLE.contains(answer.outcome()))
                    .notify(REQUESTER).as("answer", REQUEST_UPDATES, LEGAL),

            on(DeadlineApproaching.class)
                    .notify(ASSIGNEE_OR_AGENCY, AGENCY_BACKUP).as("deadline_approaching", DEADLINE_ALERTS, ROUTINE),

            on(DeadlineMissed.class)
                    .notify(REQUESTER).as("deemed_denial", REQUEST_UPDATES, LEGAL),
            on(DeadlineMissed.class)
                    .notify(AGENCY_CONTACT, ASSIGNEE, AGENCY_BACKUP, AUDITORS).as("deadline_missed", DEADLINE_ALERTS, ROUTINE),

            on(DeadlineVeryOverdue.class)
                    .notify(AGENCY_CONTACT, ASSIGNEE, AGENCY_BACKUP, AUDITORS)
                    .as("deadline_very_overdue", DEADLINE_ALERTS, ROUTINE),

            on(AppealFiled.class)
                    .notify(COORDINATORS).as("appeal_filed", COORDINATION, ROUTINE),
            on(AppealResolved.class)
                    .notify(REQUESTER).as("appeal_resolved", REQUEST_UPDATES, LEGAL),

            // a new date for a running clock; the extension's new date is told by the extension notice
            on(DeadlineRescheduled.class)
                    .unless(moved -> "EXTENSION".equals(moved.cause()))
                    .when(moved -> moved.newDueOn() != null && !Objects.equals(moved.newDueOn(), moved.oldDueOn()))
                    .notify(REQUESTER).as("reschedule", REQUEST_UPDATES, LEGAL));

    private NoticeRules() {
    }

    /** The rules an event triggers, in table order. */
    public static List<Rule<?>> matching(AccesoEvent event) {
        return RULES.stream().filter(rule -> rule.matches(event)).toList();
    }

    /** Whether a deadline event completes some rule's notice (and must be kept until it is claimed). */
    public static boolean isCompanion(DeadlineEvent event) {
        return RULES.stream().anyMatch(rule -> rule.join() != null && rule.join().isCandidate(event));
    }

    /** Every template kind the rules use. */
    public static Set<String> kinds() {
        return RULES.stream().map(Rule::kind).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }
}
