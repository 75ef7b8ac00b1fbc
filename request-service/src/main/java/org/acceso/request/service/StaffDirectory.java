package org.acceso.request.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.acceso.eventing.Outbox;
import org.acceso.request.config.RequestConfig;
import org.acceso.request.domain.StaffMember;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The staff directory: clerks and coordinators as Keycloak lists them ({@link KeycloakStaff}), kept in table
 * {@code staff_member} and announced on the compacted {@code staff-events} topic (each change and its
 * StaffMemberUpdated commit together). Read once at start, before the service takes requests (so the directory is
 * announced before any request that notices may concern); then refreshed on a schedule
 * ({@code request.staff.refresh-every}, retried every
 * {@code request.staff.retry-every} while Keycloak cannot be read), on demand ({@code POST /staff/refresh}) and when an
 * assignment names a clerk the directory does not know (at most once per {@code request.staff.on-demand-every}). When
 * Keycloak cannot be read the last directory stays in force, so assignments to known staff go on.
 */
@ApplicationScoped
public class StaffDirectory {

    private static final Logger LOG = Logger.getLogger(StaffDirectory.class);

    private final KeycloakStaff keycloak;
    private final Outbox outbox;
    private final EntityManager em;
    private final Clock clock;
    private final Duration refreshEvery;
    private final Duration retryEvery;
    private final Duration onDemandEvery;
    private final AtomicReference<Instant> lastOnDemand = new AtomicReference<>(Instant.EPOCH);

    public StaffDirectory(KeycloakStaff keycloak, Outbox outbox, EntityManager em, Clock clock, RequestConfig config) {
        this.keycloak = keycloak;
        this.outbox = outbox;
        this.em = em;
        this.clock = clock;
        this.refreshEvery = config.staff().refreshEvery();
        this.retryEvery = config.staff().retryEvery();
        this.onDemandEvery = config.staff().onDemandEvery();
    }

    /** What one refresh found: how many active clerks and coordinators, and how many members changed. */
    public record Refreshed(Instant refreshedAt, int clerks, int coordinators, int changed) {
    }

    /** When the directory was last read, the last attempt, and why that attempt failed (null if it did not). */
    public record State(Instant refreshedAt, Instant attemptedAt, String failure) {
    }

    /** Keycloak could not be read; the directory stays as it was. */
    public static class Unavailable extends RuntimeException {
        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Reads Keycloak now and stores what changed, with an event per change. Throws {@link Unavailable} when Keycloak
     * cannot be read (the failure is recorded; the directory is left as it was).
     */
    public Refreshed refresh() {
        Instant attempted = clock.instant();
        List<StaffMember.Listing> listings;
        try {
            listings = keycloak.read();
        } catch (RuntimeException e) {
            String why = describe(e);
            QuarkusTransaction.requiringNew().run(() -> recordFailure(attempted, why));
            LOG.warnf("Could not read the staff directory from Keycloak (the last one stays in force): %s: %s", why, e.toString());
            throw new Unavailable("Keycloak's staff directory could not be read: " + why
                    + ". Assignments use the directory as it was last read.", e);
        }
        return QuarkusTransaction.requiringNew().call(() -> store(listings, attempted));
    }

    private Refreshed store(List<StaffMember.Listing> listings, Instant now) {
        // the one row: taken first, so concurrent refreshes (schedule, on demand, other instances) store in turn
        em.createNativeQuery("UPDATE staff_directory_refresh SET refreshed_at = ?1, attempted_at = ?1, failure = NULL WHERE id = 1")
                .setParameter(1, Timestamp.from(now))
                .executeUpdate();
        Map<String, StaffMember> stored = new HashMap<>();
        StaffMember.<StaffMember>listAll().forEach(member -> stored.put(member.userId(), member));
        int changed = 0;
        int clerks = 0;
        int coordinators = 0;
        for (StaffMember.Listing listing : listings) {
            StaffMember member = stored.remove(listing.userId());
            if (member == null) {
                outbox.append(StaffMember.first(listing, now));
                changed++;
            } else {
                changed += member.sync(listing, now).map(outbox::append).isPresent() ? 1 : 0;
            }
            clerks += listing.clerk() ? 1 : 0;
            coordinators += listing.coordinator() ? 1 : 0;
        }
        for (StaffMember gone : stored.values()) {
            changed += gone.retire(now).map(outbox::append).isPresent() ? 1 : 0;
        }
        LOG.infof("Staff directory read from Keycloak: %d clerk(s), %d coordinator(s), %d change(s)", clerks, coordinators, changed);
        return new Refreshed(now, clerks, coordinators, changed);
    }

    private void recordFailure(Instant attempted, String why) {
        em.createNativeQuery("UPDATE staff_directory_refresh SET attempted_at = ?1, failure = ?2 WHERE id = 1")
                .setParameter(1, Timestamp.from(attempted))
                .setParameter(2, why)
                .executeUpdate();
    }

    /**
     * Before an assignment to a named clerk: when the directory does not know {@code clerk} as a clerk of
     * {@code agency} (say, someone added in Keycloak since the last refresh), reads Keycloak again, at most once per
     * {@code request.staff.on-demand-every} whatever the callers send. A failure leaves the directory as it was.
     */
    public void refreshUnlessKnown(String agency, String clerk) {
        if (agency == null || clerk == null || StaffMember.clerkOf(agency, clerk).isPresent()) {
            return;
        }
        Instant now = clock.instant();
        Instant last = lastOnDemand.get();
        if (last.plus(onDemandEvery).isAfter(now) || !lastOnDemand.compareAndSet(last, now)) {
            return;
        }
        try {
            refresh();
        } catch (Unavailable e) {
            // the assignment is decided on the directory as it was last read
        }
    }

    /** The directory's refresh state. */
    public State state() {
        Object[] row = (Object[]) em.createNativeQuery(
                        "SELECT refreshed_at, attempted_at, failure FROM staff_directory_refresh WHERE id = 1")
                .getSingleResult();
        return new State(instant(row[0]), instant(row[1]), (String) row[2]);
    }

    /**
     * Reads Keycloak before the HTTP server opens, so a coordinator can assign anyone at once and the staff-events
     * records precede every request event written by this start. Keycloak away delays the start by the read's timeout
     * at most; the schedule then retries.
     */
    void onStart(@Observes StartupEvent start) {
        try {
            refresh();
        } catch (Unavailable e) {
            // logged and recorded; retried after request.staff.retry-every
        }
    }

    @Scheduled(every = "${request.staff.check-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void onSchedule() {
        State state = QuarkusTransaction.requiringNew().call(this::state);
        Instant now = clock.instant();
        boolean due = state.refreshedAt() == null || !state.refreshedAt().plus(refreshEvery).isAfter(now);
        boolean backingOff = state.failure() != null && state.attemptedAt() != null
                && state.attemptedAt().plus(retryEvery).isAfter(now);
        if (!due || backingOff) {
            return;
        }
        try {
            refresh();
        } catch (Unavailable e) {
            // logged and recorded; retried after request.staff.retry-every
        }
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return (Instant) value;
    }

    /** Why Keycloak could not be read, for coordinators and admins: no class names, no stack. */
    static String describe(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof jakarta.ws.rs.WebApplicationException refused) {
                int status = refused.getResponse().getStatus();
                return "Keycloak answered HTTP " + status + switch (status) {
                    case 401 -> " (check the staff directory client's secret)";
                    case 403 -> " (the staff directory's service account needs realm-management view-users and view-realm)";
                    default -> "";
                };
            }
            if (cause instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException) {
                return "Keycloak did not answer in time";
            }
        }
        return "Keycloak could not be reached";
    }
}
