package org.acceso.request.domain;

import java.util.List;

/** A move the request's status does not allow: a 409 that names the status and the moves allowed from it. */
public class IllegalMoveException extends RuntimeException {

    private final RequestStatus status;
    private final Move move;

    public IllegalMoveException(String trackingNumber, RequestStatus status, Move move) {
        super(trackingNumber + " is " + status + ": " + move.apiName() + " is not allowed; allowed from "
                + status + ": " + (status.allowedMoves().isEmpty() ? "none"
                : String.join(", ", allowedMoves(status))));
        this.status = status;
        this.move = move;
    }

    public RequestStatus status() {
        return status;
    }

    public Move move() {
        return move;
    }

    public List<String> allowedMoves() {
        return allowedMoves(status);
    }

    private static List<String> allowedMoves(RequestStatus status) {
        return status.allowedMoves().stream().filter(m -> m != Move.DEEM_DENIED).map(Move::apiName).toList();
    }
}
