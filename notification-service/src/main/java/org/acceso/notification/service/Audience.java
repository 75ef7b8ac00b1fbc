package org.acceso.notification.service;

/** Who a rule writes to; {@link Recipients} finds their addresses. */
public enum Audience {
    /** The requester: contact, language and user id from RequestFiled. */
    REQUESTER,
    /** The clerk the request is assigned to (RequestAssigned.assignee); nobody while it waits in an agency's inbox. */
    ASSIGNEE,
    /** The assigned clerk, or the agency's contact while no clerk is assigned. */
    ASSIGNEE_OR_AGENCY,
    /** The contact address of the agency holding the request (agency catalogue, {@code agency-events}). */
    AGENCY_CONTACT,
    /** The agency's backup address, if it has one. */
    AGENCY_BACKUP,
    /** The transparency directorate's auditors ({@code notification.recipients.auditors}). */
    AUDITORS,
    /** Every active coordinator of the staff directory ({@code staff-events}), each in their language. */
    COORDINATORS
}
