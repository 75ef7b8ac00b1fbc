package org.acceso.contracts;

/**
 * Events about the public register, published by request-service on {@link Topics#PUBLICATION_EVENTS} (keyed by
 * request id) and consumed by register-service. This family is the only thing the public side ever receives, so it
 * carries no requester: no name, e-mail, account id, address or phone, by construction. A topic of its own (not
 * {@code request-events}) keeps every other request event, with the requester's contact, away from the register.
 */
public sealed interface PublicationEvent extends AccesoEvent permits RequestPublished, PublicationWithdrawn {

    String trackingNumber();
}
