package org.acceso.request.domain;

import java.util.EnumSet;
import java.util.Set;

/**
 * What can be done to a request, and by whom. The status says which moves are allowed when
 * ({@link RequestStatus#allowedMoves()}); the role says who may make them.
 */
public enum Move {
    ASSIGN("assign", Role.COORDINATOR, Role.CLERK),
    REQUEST_CLARIFICATION("requestClarification", Role.CLERK),
    PROVIDE_CLARIFICATION("provideClarification", Role.RESIDENT),
    REFER("refer", Role.CLERK),
    REFER_OUT("referOut", Role.CLERK),
    EXTEND("extend", Role.CLERK),
    ANSWER("answer", Role.CLERK),
    WITHDRAW("withdraw", Role.RESIDENT),
    DEEM_DENIED("deemDenied", Role.SYSTEM),
    APPEAL("appeal", Role.RESIDENT),
    RESOLVE_APPEAL("resolveAppeal", Role.COORDINATOR);

    private final String apiName;
    private final Set<Role> roles;

    Move(String apiName, Role first, Role... rest) {
        this.apiName = apiName;
        this.roles = EnumSet.of(first, rest);
    }

    /** The name clients see, e.g. in a 409's {@code allowedMoves} and in a request's view. */
    public String apiName() {
        return apiName;
    }

    /** The roles that may make this move (a resident only on their own request, a clerk only for their agency). */
    public Set<Role> roles() {
        return roles;
    }
}
