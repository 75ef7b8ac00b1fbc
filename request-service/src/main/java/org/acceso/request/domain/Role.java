package org.acceso.request.domain;

import java.util.Arrays;
import java.util.Optional;

/** The realm's roles, plus the system itself (moves caused by the legal clock). */
public enum Role {
    RESIDENT, CLERK, COORDINATOR, AUDITOR, ADMIN, SYSTEM;

    /** The role's name in tokens and in the history. */
    public String tokenName() {
        return name().toLowerCase();
    }

    public static Optional<Role> fromToken(String name) {
        return Arrays.stream(values()).filter(r -> r != SYSTEM && r.tokenName().equals(name)).findFirst();
    }
}
