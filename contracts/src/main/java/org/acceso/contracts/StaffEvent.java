package org.acceso.contracts;

/**
 * Events about Acceso's staff (clerks and coordinators) as the identity provider knows them, published by
 * request-service on {@link Topics#STAFF_EVENTS} (a compacted topic keyed by user id: the latest record of each person
 * is their current state). Their envelopes carry no request id.
 */
public sealed interface StaffEvent extends AccesoEvent permits StaffMemberUpdated {

    /** The identity provider's stable user id ({@code sub}). */
    String userId();
}
