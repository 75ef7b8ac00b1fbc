package org.acceso.request.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.acceso.contracts.PolicyEvent;
import org.acceso.contracts.PolicyInForce;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The jurisdiction policy in force, as deadline-service announced it (PolicyInForce on the compacted policy-events
 * topic): what this service takes from the law. One row; the latest announcement wins, an older one replayed changes
 * nothing.
 */
@Entity
@Table(name = "policy_in_force")
public class JurisdictionPolicy extends PanacheEntityBase {

    @Id
    @Column(name = "policy_key")
    private String key;

    @Column(nullable = false)
    private String profile;

    @Column(nullable = false)
    private String jurisdiction;

    @Column(nullable = false)
    private String zone;

    @Column(name = "max_extensions", nullable = false)
    private int maxExtensions;

    @Column(name = "announced_at", nullable = false)
    private Instant announcedAt;

    protected JurisdictionPolicy() {
    }

    /** The policy in force, if deadline-service has announced one yet. */
    public static Optional<JurisdictionPolicy> inForce() {
        return findByIdOptional(PolicyEvent.KEY);
    }

    /**
     * Follows an announcement: stored when it is the first or later than the one held (announcements replayed from
     * the topic, or arriving out of order, change nothing). Returns whether the policy in force changed.
     */
    public static boolean follow(PolicyInForce announced) {
        ZoneId checked = ZoneId.of(announced.zone());
        Instant at = announced.announcedAt().truncatedTo(ChronoUnit.MICROS); // as the database keeps it
        Optional<JurisdictionPolicy> held = inForce();
        if (held.isPresent() && !at.isAfter(held.get().announcedAt)) {
            return false;
        }
        JurisdictionPolicy policy = held.orElseGet(() -> {
            JurisdictionPolicy first = new JurisdictionPolicy();
            first.key = PolicyEvent.KEY;
            return first;
        });
        policy.profile = announced.profile();
        policy.jurisdiction = announced.jurisdiction();
        policy.zone = checked.getId();
        policy.maxExtensions = announced.maxExtensions();
        policy.announcedAt = at;
        policy.persist();
        return true;
    }

    public String profile() {
        return profile;
    }

    public ZoneId zone() {
        return ZoneId.of(zone);
    }

    public int maxExtensions() {
        return maxExtensions;
    }

    public Instant announcedAt() {
        return announcedAt;
    }
}
