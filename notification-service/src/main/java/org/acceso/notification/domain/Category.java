package org.acceso.notification.domain;

/**
 * What a notice is about, for preferences and the delivery log. A user may switch a category off per channel,
 * except for legally significant notices, which are always sent whatever the category.
 */
public enum Category {
    /** What happens to the requester's own request: receipt, clarification, referral, extension, answer, deemed denial, new dates. */
    REQUEST_UPDATES,
    /** Work for a clerk or an agency: a request assigned, a clarification answered. */
    ASSIGNMENTS,
    /** Due soon, missed, very overdue. */
    DEADLINE_ALERTS,
    /** The daily digests of agencies and of the directorate. */
    DIGESTS,
    /** For coordinators: new requests no agency holds, appeals filed; by e-mail one by one or in a daily digest. */
    COORDINATION
}
