package org.acceso.contracts;

/** Kafka topics, owned by their producer. Request and deadline topics are keyed by request id. */
public final class Topics {

    /** Published by request-service: what happened to a request. */
    public static final String REQUEST_EVENTS = "request-events";

    /** Published by deadline-service: what happened to a request's legal clock. */
    public static final String DEADLINE_EVENTS = "deadline-events";

    /** Published by request-service: the agency catalogue, compacted, keyed by agency code. */
    public static final String AGENCY_EVENTS = "agency-events";

    /** Published by request-service: what the public register may show, keyed by request id; no personal data. */
    public static final String PUBLICATION_EVENTS = "publication-events";

    /** Published by deadline-service: the jurisdiction policy in force, compacted, one key ({@link PolicyEvent#KEY}). */
    public static final String POLICY_EVENTS = "policy-events";
    /** Published by request-service: the staff directory read from Keycloak, compacted, keyed by user id. */
    public static final String STAFF_EVENTS = "staff-events";

    private Topics() {
    }

    /** The topic an event belongs on: decided by its family, never by the caller. */
    public static String of(AccesoEvent event) {
        if (event instanceof RequestEvent) {
            return REQUEST_EVENTS;
        }
        if (event instanceof DeadlineEvent) {
            return DEADLINE_EVENTS;
        }
        if (event instanceof AgencyEvent) {
            return AGENCY_EVENTS;
        }
        if (event instanceof PublicationEvent) {
            return PUBLICATION_EVENTS;
        }
        if (event instanceof PolicyEvent) {
            return POLICY_EVENTS;
        }
        if (event instanceof StaffEvent) {
            return STAFF_EVENTS;
        }
        throw new IllegalArgumentException("No topic for " + event);
    }

    /** The dead-letter topic where one consumer parks the messages of a topic it cannot process. */
    public static String deadLetter(String consumer, String topic) {
        return consumer + "-" + topic + "-dlq";
    }
}
