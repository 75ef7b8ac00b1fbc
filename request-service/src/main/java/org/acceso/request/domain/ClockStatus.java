package org.acceso.request.domain;

import java.util.Arrays;

/** The legal clock as deadline-service last reported it. */
public enum ClockStatus {
    RUNNING, PAUSED, STOPPED;

    /** The status named on the wire, or null for a name this version does not know (tolerant reader). */
    public static ClockStatus parse(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst().orElse(null);
    }
}
