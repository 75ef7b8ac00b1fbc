package org.acceso.contracts;

/** Kafka topics, owned by their producer. The key of every record is the request id. */
public final class Topics {

    /** Published by request-service: what happened to a request. */
    public static final String REQUEST_EVENTS = "request-events";

    /** Published by deadline-service: what happened to a request's legal clock. */
    public static final String DEADLINE_EVENTS = "deadline-events";

    private Topics() {
    }

    /** The dead-letter topic where one consumer parks the messages of a topic it cannot process. */
    public static String deadLetter(String consumer, String topic) {
        return consumer + "-" + topic + "-dlq";
    }
}
