package org.acceso.request.domain;

/** How a coordinator resolved an appeal. */
public enum AppealDecision {
    /** The requester was right: the information must be released. */
    UPHELD,
    PARTIALLY_UPHELD,
    DISMISSED
}
