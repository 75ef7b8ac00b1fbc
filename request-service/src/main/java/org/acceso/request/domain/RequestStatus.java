package org.acceso.request.domain;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.acceso.request.domain.Move.ANSWER;
import static org.acceso.request.domain.Move.APPEAL;
import static org.acceso.request.domain.Move.ASSIGN;
import static org.acceso.request.domain.Move.DEEM_DENIED;
import static org.acceso.request.domain.Move.EXTEND;
import static org.acceso.request.domain.Move.PROVIDE_CLARIFICATION;
import static org.acceso.request.domain.Move.REFER;
import static org.acceso.request.domain.Move.REFER_OUT;
import static org.acceso.request.domain.Move.REQUEST_CLARIFICATION;
import static org.acceso.request.domain.Move.RESOLVE_APPEAL;
import static org.acceso.request.domain.Move.WITHDRAW;

/**
 * The lifecycle of a request. Each status knows whether it is terminal (nothing can follow it), whether the legal
 * clock runs in it, and which moves it allows and where each leads; {@link InformationRequest} moves only along these.
 *
 * <pre>
 * RECEIVED ─assign→ ASSIGNED ─requestClarification→ AWAITING_CLARIFICATION ─provideClarification→ ASSIGNED (or EXTENDED)
 *          ─refer→ REFERRED ─assign→ ASSIGNED          ASSIGNED ─extend→ EXTENDED ─answer→ ANSWERED ─appeal→ APPEALED
 *          ─referOut→ REFERRED_EXTERNALLY               any open ─withdraw→ WITHDRAWN,  ─deemDenied→ DEEMED_DENIED
 *                                                       DEEMED_DENIED ─answer→ ANSWERED (late), ─appeal→ APPEALED
 *                                                       APPEALED ─resolveAppeal→ APPEAL_RESOLVED
 * </pre>
 * Assigning again while a request is being worked (ASSIGNED, AWAITING_CLARIFICATION, EXTENDED) reassigns it and
 * keeps its status.
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
    APPEAL_RESOLVED(true, false),
    /** Referred to a competent body outside: closed, with a pointer to where the information is held. */
    REFERRED_EXTERNALLY(true, false);

    private final boolean terminal;
    private final boolean clockRunning;

    RequestStatus(boolean terminal, boolean clockRunning) {
        this.terminal = terminal;
        this.clockRunning = clockRunning;
    }

    public boolean isTerminal() {
        return terminal;
    }

    /** Whether the response deadline runs (a missed deadline in this status is a denial by silence). */
    public boolean isClockRunning() {
        return clockRunning;
    }

    /** Still to be answered: an answer, a withdrawal or a referral outside would close it. */
    public boolean isOpen() {
        return clockRunning || this == AWAITING_CLARIFICATION;
    }

    /** The moves allowed from this status and the status each leads to. */
    public Map<Move, RequestStatus> moves() {
        return MOVES.get(this);
    }

    public Set<Move> allowedMoves() {
        return moves().keySet();
    }

    public boolean allows(Move move) {
        return moves().containsKey(move);
    }

    /** Where {@code move} leads from here; empty when it is not allowed. */
    public Optional<RequestStatus> after(Move move) {
        return Optional.ofNullable(moves().get(move));
    }

    /** Every status some move leads to from here (a reassignment, which keeps the status, is not counted). */
    public Set<RequestStatus> allowedNext() {
        EnumSet<RequestStatus> next = EnumSet.noneOf(RequestStatus.class);
        moves().values().stream().filter(s -> s != this).forEach(next::add);
        if (this == AWAITING_CLARIFICATION) {
            next.add(EXTENDED); // a clarification on an extended request resumes it as EXTENDED
        }
        return next;
    }

    public boolean canMoveTo(RequestStatus next) {
        return allowedNext().contains(next);
    }

    private static final Map<RequestStatus, Map<Move, RequestStatus>> MOVES = new EnumMap<>(RequestStatus.class);

    static {
        table(RECEIVED, ASSIGN, ASSIGNED, REFER, REFERRED, REFER_OUT, REFERRED_EXTERNALLY, WITHDRAW, WITHDRAWN,
                DEEM_DENIED, DEEMED_DENIED);
        table(ASSIGNED, ASSIGN, ASSIGNED, REQUEST_CLARIFICATION, AWAITING_CLARIFICATION, REFER, REFERRED,
                REFER_OUT, REFERRED_EXTERNALLY, EXTEND, EXTENDED, ANSWER, ANSWERED, WITHDRAW, WITHDRAWN,
                DEEM_DENIED, DEEMED_DENIED);
        table(AWAITING_CLARIFICATION, ASSIGN, AWAITING_CLARIFICATION, PROVIDE_CLARIFICATION, ASSIGNED,
                WITHDRAW, WITHDRAWN);
        table(REFERRED, ASSIGN, ASSIGNED, REFER, REFERRED, REFER_OUT, REFERRED_EXTERNALLY, WITHDRAW, WITHDRAWN,
                DEEM_DENIED, DEEMED_DENIED);
        table(EXTENDED, ASSIGN, EXTENDED, REQUEST_CLARIFICATION, AWAITING_CLARIFICATION, REFER, REFERRED,
                REFER_OUT, REFERRED_EXTERNALLY, ANSWER, ANSWERED, WITHDRAW, WITHDRAWN, DEEM_DENIED, DEEMED_DENIED);
        table(ANSWERED, APPEAL, APPEALED);
        table(DEEMED_DENIED, ANSWER, ANSWERED, APPEAL, APPEALED);
        table(APPEALED, RESOLVE_APPEAL, APPEAL_RESOLVED);
        table(WITHDRAWN);
        table(APPEAL_RESOLVED);
        table(REFERRED_EXTERNALLY);
    }

    private static void table(RequestStatus from, Object... moveThenTarget) {
        Map<Move, RequestStatus> moves = new EnumMap<>(Move.class);
        for (int i = 0; i < moveThenTarget.length; i += 2) {
            moves.put((Move) moveThenTarget[i], (RequestStatus) moveThenTarget[i + 1]);
        }
        MOVES.put(from, Collections.unmodifiableMap(moves));
    }
}
