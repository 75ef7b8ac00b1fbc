package org.acceso.deadline.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.acceso.contracts.PolicyInForce;
import org.acceso.deadline.config.DeadlineConfig;
import org.acceso.deadline.domain.DeadlinePolicy;
import org.acceso.deadline.domain.PolicyProfiles;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.stream.Stream;

/** The policy in force (by configuration) and the profiles clocks were started under. */
@ApplicationScoped
public class PolicyCatalog {

    private final DeadlinePolicy inForce;

    public PolicyCatalog(DeadlineConfig config) {
        this.inForce = PolicyProfiles.load(config.policy().profile());
    }

    /** The profile new clocks start under. */
    public DeadlinePolicy inForce() {
        return inForce;
    }

    /** The policy of a clock: its profile, in the zone it was started under. */
    public DeadlinePolicy of(String profile, String zone) {
        DeadlinePolicy policy = profile.equals(inForce.profile()) ? inForce : PolicyProfiles.load(profile);
        return zone == null ? policy : policy.withZone(ZoneId.of(zone));
    }

    /**
     * A policy as other services and people read it: the payload of {@code PolicyInForce} on policy-events, and the
     * body of {@code GET /policy}. The one place the domain's policy becomes the contract's.
     */
    public static PolicyInForce describe(DeadlinePolicy policy, Instant announcedAt) {
        return new PolicyInForce(policy.profile(), policy.jurisdiction(), policy.law(), policy.zone().getId(),
                policy.responseDays(), policy.dayUnit().name(), policy.cutoff() == null ? null : policy.cutoff().toString(),
                policy.extensionDays(), policy.extensionUnit().name(), policy.maxExtensions(), policy.clarification().name(),
                policy.referral().name(), policy.referralDays(), policy.reminderOffsets(), policy.veryOverdueDays(),
                policy.appealDays(), policy.appealUnit().name(), announcedAt);
    }

    /** The policy of a jurisdiction's calendar: the one in force if it is that jurisdiction's, else a shipped one. */
    public Optional<DeadlinePolicy> forJurisdiction(String jurisdiction) {
        return Stream.concat(Stream.of(inForce), PolicyProfiles.shipped().stream())
                .filter(policy -> policy.jurisdiction().equals(jurisdiction))
                .findFirst();
    }
}
