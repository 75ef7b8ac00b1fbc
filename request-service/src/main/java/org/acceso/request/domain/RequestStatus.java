package org.acceso.request.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of a request. Each status knows whether it is terminal (nothing can follow it), whether the legal clock
 * runs in it, and which statuses it may move to; {@link InformationRequest} moves only along these.
 */
public enum RequestStatus {
    RECEIVED(false, true),
    ASSIGNED(false, true),
    AWAITING_CLARIFICATION(false, false),
    REFERRED(false, true),
    EXTENDED(false, true),
    ANSWERED(false, false),
    WITHDRAWN(true, false),
    DEEMED_DENIED(false, false),
    APPEALED(false, false),
    APPEAL_RESOLVED(true, false);

    private final boolean terminal;
    private final boolean clockRunning;

    RequestStatus(boolean terminal, boolean clockRunning) {
        this.terminal = terminal;
        this.clockRunning = clockRunning;
    }

    public boolean isTerminal() {
        return terminal;
    }

    public boolean isClockRunning() {
        return clockRunning;
    }

    public Set<RequestStatus> allowedNext() {
        return switch (this) {
            case RECEIVED -> EnumSet.of(ASSIGNED, REFERRED, WITHDRAWN, DEEMED_DENIED);
            case ASSIGNED -> EnumSet.of(AWAITING_CLARIFICATION, REFERRED, EXTENDED, ANSWERED, WITHDRAWN, DEEMED_DENIED);
            case AWAITING_CLARIFICATION -> EnumSet.of(ASSIGNED, WITHDRAWN);
            case REFERRED -> EnumSet.of(ASSIGNED, WITHDRAWN, DEEMED_DENIED);
            case EXTENDED -> EnumSet.of(ANSWERED, WITHDRAWN, DEEMED_DENIED);
            case ANSWERED -> EnumSet.of(APPEALED);
            case DEEMED_DENIED -> EnumSet.of(ANSWERED, APPEALED);
            case APPEALED -> EnumSet.of(APPEAL_RESOLVED);
            case WITHDRAWN, APPEAL_RESOLVED -> EnumSet.noneOf(RequestStatus.class);
        };
    }

    public boolean canMoveTo(RequestStatus next) {
        return allowedNext().contains(next);
    }
}
