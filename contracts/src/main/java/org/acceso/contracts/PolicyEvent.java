package org.acceso.contracts;

/**
 * Events about the jurisdiction policy in force, published by deadline-service on {@link Topics#POLICY_EVENTS} (a
 * compacted topic with one key, {@link #KEY}: its latest record is the policy in force). The one source of every fact
 * of the law other services need (terms, extensions, the appeal window, the zone). Their envelopes carry no request id.
 */
public sealed interface PolicyEvent extends AccesoEvent permits PolicyInForce {

    /** The one key of {@link Topics#POLICY_EVENTS}: compaction keeps the latest policy announced. */
    String KEY = "in-force";

    /** The profile's name, e.g. {@code ar-rosario}. */
    String profile();
}
