package org.acceso.request;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.acceso.contracts.EventCodec;
import org.acceso.contracts.PolicyEvent;
import org.acceso.contracts.PolicyInForce;
import org.acceso.contracts.Topics;
import org.acceso.request.domain.JurisdictionPolicy;
import org.acceso.testsupport.KafkaEvents;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.acceso.testsupport.ContractAssertions.example;
import static org.awaitility.Awaitility.await;

/**
 * deadline-service's side of the policy in force, for these tests: announcements on policy-events as it publishes them
 * (the pinned example is Rosario's), and a wait until this service follows one. {@link Announced} announces Rosario's
 * before the service starts, as a running deadline-service would have.
 */
public final class Law {

    private Law() {
    }

    /** Rosario's policy (the pinned example) announced at {@code at}. */
    public static PolicyInForce rosario(Instant at) {
        PolicyInForce example = EventCodec.decode(EventCodec.read(example("PolicyInForce")), PolicyEvent.class)
                .map(PolicyInForce.class::cast).orElseThrow();
        return new PolicyInForce(example.profile(), example.jurisdiction(), example.law(), example.zone(),
                example.responseDays(), example.dayUnit(), example.cutoff(), example.extensionDays(), example.extensionUnit(),
                example.maxExtensions(), example.clarification(), example.referral(), example.referralDays(),
                example.reminderOffsets(), example.veryOverdueDays(), example.appealDays(), example.appealUnit(), at);
    }

    /** The United Kingdom's (FOI Act: 20 working days, no extension), in London, announced at {@code at}. */
    public static PolicyInForce unitedKingdom(Instant at) {
        return new PolicyInForce("uk", "uk", "Freedom of Information Act 2000", "Europe/London", 20, "BUSINESS", null, 0,
                "BUSINESS", 0, "RESTART", "CONTINUE", 5, List.of(5, 2), 20, 40, "BUSINESS", at);
    }

    /** Publishes {@code policy} on policy-events as deadline-service's outbox relay would; returns the event id. */
    public static String announce(PolicyInForce policy) {
        String eventId = UUID.randomUUID().toString();
        KafkaEvents.send(Topics.POLICY_EVENTS, PolicyEvent.KEY, EventCodec.write(
                EventCodec.envelope(UUID.fromString(eventId), null, policy.announcedAt(), policy)));
        return eventId;
    }

    /** The profile this service holds as in force, if any. */
    public static Optional<String> followed() {
        return QuarkusTransaction.requiringNew().call(() -> JurisdictionPolicy.inForce().map(JurisdictionPolicy::profile));
    }

    /** Now, as precisely as the database keeps an instant (microseconds), for announcements to compare with. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** Waits until this service follows {@code profile} (announced at {@code at} or later). */
    public static void awaitFollowed(String profile, Instant at) {
        await().atMost(Fixture.EVENTUALLY).until(() -> QuarkusTransaction.requiringNew().call(() -> JurisdictionPolicy.inForce()
                .filter(policy -> policy.profile().equals(profile) && !policy.announcedAt().isBefore(at)).isPresent()));
    }

    /** Waits until this service knows a policy in force (Rosario's, announced before it started). */
    public static void awaitKnown() {
        await().atMost(Fixture.EVENTUALLY).until(() -> followed().isPresent());
    }

    /** Announces Rosario's policy before the service starts (after the broker), as deadline-service would have. */
    public static class Announced implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            announce(rosario(Instant.parse("2026-01-01T00:00:00Z")));
            return Map.of();
        }

        @Override
        public void stop() {
        }

        @Override
        public int order() {
            return 10; // after KafkaResource (0): it needs the broker
        }
    }
}
