package org.acceso.request.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.acceso.request.domain.Actor;
import org.acceso.request.domain.Role;
import org.acceso.request.domain.StaffMember;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps {@link StaffMember} rows up to date from the tokens of clerks and coordinators who call the service: written
 * when something changed or at most once an hour per person, never on a resident's call.
 */
@ApplicationScoped
public class StaffDirectory {

    private static final Logger LOG = Logger.getLogger(StaffDirectory.class);
    private static final Duration REFRESH = Duration.ofHours(1);

    private final Clock clock;
    private final Map<String, Seen> lastSeen = new ConcurrentHashMap<>();

    public StaffDirectory(Clock clock) {
        this.clock = clock;
    }

    private record Seen(int fingerprint, Instant at) {
    }

    public void seen(Actor actor) {
        if (!actor.has(Role.CLERK) && !actor.has(Role.COORDINATOR)) {
            return;
        }
        Instant now = clock.instant();
        int fingerprint = Objects.hash(actor.username(), actor.name(), actor.email(), actor.agency(), actor.has(Role.CLERK));
        Seen previous = lastSeen.get(actor.userId());
        if (previous != null && previous.fingerprint() == fingerprint && previous.at().plus(REFRESH).isAfter(now)) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> upsert(actor, now));
            lastSeen.put(actor.userId(), new Seen(fingerprint, now));
        } catch (RuntimeException e) {
            LOG.warnf("Could not record staff member %s: %s", actor.username(), e.getMessage());
        }
    }

    private static void upsert(Actor actor, Instant now) {
        StaffMember member = StaffMember.findById(actor.userId());
        if (member == null) {
            member = new StaffMember();
            member.userId = actor.userId();
        }
        member.username = actor.username();
        member.name = actor.name();
        member.email = actor.email();
        member.agencyCode = actor.agency();
        member.clerk = actor.has(Role.CLERK);
        member.lastSeenAt = now;
        member.persist();
    }
}
