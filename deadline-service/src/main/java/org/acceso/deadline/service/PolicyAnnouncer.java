package org.acceso.deadline.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.acceso.contracts.PolicyInForce;
import org.acceso.eventing.Outbox;
import org.jboss.logging.Logger;

import java.time.Clock;

/**
 * Announces the policy in force on the compacted {@code policy-events} topic each time the service starts (the profile
 * is chosen by configuration, so a start is when it can change): through the outbox, so the announcement waits out a
 * broker outage like every other event. Its latest record is what request-service and the web front go by.
 */
@ApplicationScoped
public class PolicyAnnouncer {

    private static final Logger LOG = Logger.getLogger(PolicyAnnouncer.class);

    private final PolicyCatalog policies;
    private final Outbox outbox;
    private final Clock clock;
    private volatile PolicyInForce announced;

    public PolicyAnnouncer(PolicyCatalog policies, Outbox outbox, Clock clock) {
        this.policies = policies;
        this.outbox = outbox;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent start) {
        announced = QuarkusTransaction.requiringNew()
                .call(() -> {
                    PolicyInForce policy = PolicyCatalog.describe(policies.inForce(), clock.instant());
                    outbox.append(policy);
                    return policy;
                });
        LOG.infof("Policy in force: %s (%s, %d %s + %d x %d %s), announced on policy-events", announced.profile(),
                announced.law(), announced.responseDays(), announced.dayUnit(), announced.maxExtensions(),
                announced.extensionDays(), announced.extensionUnit());
    }

    /** The policy in force as this instance announced it at start (with no {@code announcedAt} until it has). */
    public PolicyInForce announced() {
        PolicyInForce now = announced;
        return now != null ? now : PolicyCatalog.describe(policies.inForce(), null);
    }
}
