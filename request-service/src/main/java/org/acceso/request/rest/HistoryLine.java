package org.acceso.request.rest;

import org.acceso.request.domain.RequestHistory;

import java.time.Instant;

/**
 * One line of a request's history. Staff see who acted (user id and name); the requester sees the role that acted
 * and, for their own moves, their name. Someone who may not see the requester (an admin) sees neither the id nor the
 * name on the requester's own lines.
 */
public record HistoryLine(String action, String fromStatus, String status, String role, String actor, String actorName,
                          String agencyCode, String reason, Instant occurredAt) {

    /** {@code hiddenActor}: the requester's user id when the viewer may not see the requester, else null. */
    static HistoryLine of(RequestHistory line, boolean staffView, String viewerId, String hiddenActor) {
        boolean hidden = line.actor.equals(hiddenActor);
        boolean showActor = !hidden && (staffView || line.actor.equals(viewerId));
        return new HistoryLine(line.action, line.fromStatus == null ? null : line.fromStatus.name(), line.status.name(),
                line.role, staffView && !hidden ? line.actor : null, showActor ? line.actorName : null, line.agencyCode,
                line.reason, line.occurredAt);
    }
}
