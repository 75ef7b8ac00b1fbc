package org.acceso.contracts;

/**
 * Events about the agency catalogue, published by request-service on {@link Topics#AGENCY_EVENTS}
 * (a compacted topic keyed by agency code: the latest record of each agency is its current state).
 * Their envelopes carry no request id.
 */
public sealed interface AgencyEvent extends AccesoEvent permits AgencyUpdated {

    String code();
}
