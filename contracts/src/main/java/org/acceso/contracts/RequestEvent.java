package org.acceso.contracts;

/** Events published by request-service on {@link Topics#REQUEST_EVENTS}. */
public sealed interface RequestEvent permits RequestFiled {
}
