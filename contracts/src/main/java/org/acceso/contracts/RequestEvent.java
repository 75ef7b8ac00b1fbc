package org.acceso.contracts;

/**
 * Events published by request-service on {@link Topics#REQUEST_EVENTS}, keyed by request id.
 * Every one names the request's tracking number and the agency that holds it at that moment.
 */
public sealed interface RequestEvent extends AccesoEvent
        permits RequestFiled, RequestAssigned, ClarificationRequested, ClarificationProvided, RequestReferred,
        ExtensionGranted, RequestAnswered, RequestWithdrawn, RequestDeemedDenied, AppealFiled, AppealResolved,
        RequesterAnonymised {

    String trackingNumber();

    /** The agency that holds the request after this event; null while nobody has routed it. */
    String agencyCode();
}
