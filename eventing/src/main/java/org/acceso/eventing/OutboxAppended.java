package org.acceso.eventing;

/** Fired when an outbox row is written; observed after commit to publish without waiting for the next poll. */
public record OutboxAppended(String topic) {
}
