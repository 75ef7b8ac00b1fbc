package org.acceso.request.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.acceso.contracts.DeadlineScheduled;
import org.acceso.request.Fixture;
import org.acceso.request.domain.Actor;
import org.acceso.request.domain.InformationRequest;
import org.acceso.request.domain.Role;
import org.hibernate.StaleStateException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.acceso.request.Fixture.ANA;
import static org.acceso.request.Fixture.ELENA;
import static org.acceso.request.Fixture.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/**
 * A request's due date arrives from deadline-service while a person is moving the request: neither fails and neither
 * undoes the other. The two transactions are interleaved on purpose (one reads, the other commits, the first writes),
 * in both orders, through the same service methods the REST resource and the Kafka consumer call. The clock's write
 * still checks the version, so one made from a read older than a move is refused and redone from a fresh read (the
 * consumer retries), never applied over the move.
 */
@QuarkusTest
class ClockAndMovesConcurrencyTest {

    static final Actor COORDINATOR = new Actor("elena-sub", "elena", "Elena", "elena@example.org",
            Set.of(Role.COORDINATOR), null);
    static final DeadlineScheduled SCHEDULED = new DeadlineScheduled("AIP-2026-000001", "ar-rosario",
            Instant.parse("2026-11-26T17:20:00Z"), LocalDate.parse("2026-11-26"), LocalDate.parse("2026-12-21"),
            OffsetDateTime.parse("2026-12-21T23:59:59-03:00"), 15, "BUSINESS", "America/Argentina/Cordoba");

    @Inject
    LifecycleService lifecycle;

    @Inject
    RequestService requests;

    final ExecutorService other = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        other.shutdownNow();
    }

    @Test
    void shouldRouteARequestWhoseDueDateArrivedWhileTheCoordinatorWasRoutingIt() throws Exception {
        String id = Fixture.file(null);
        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch clockCommitted = new CountDownLatch(1);

        Future<?> routing = other.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
            InformationRequest.findById(UUID.fromString(id)); // the coordinator's transaction has read the request
            read.countDown();
            awaitLatch(clockCommitted);
            lifecycle.assign(id, COORDINATOR, "OBRAS", null);
        }));
        awaitLatch(read);
        QuarkusTransaction.requiringNew().run(() ->
                requests.deadlineScheduled(UUID.fromString(id), SCHEDULED, Instant.parse("2026-11-26T17:20:01Z")));
        clockCommitted.countDown();
        routing.get(60, TimeUnit.SECONDS); // no 409: the due date is not a change of the lifecycle

        assertBothKept(id);
    }

    @Test
    void shouldNotUndoARoutingWithADueDateWrittenFromAnEarlierRead() throws Exception {
        String id = Fixture.file(null);
        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch routed = new CountDownLatch(1);

        Future<?> staleClock = other.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
            InformationRequest.findById(UUID.fromString(id)); // the consumer's transaction has read the request
            read.countDown();
            awaitLatch(routed);
            requests.deadlineScheduled(UUID.fromString(id), SCHEDULED, Instant.parse("2026-11-26T17:20:01Z"));
        }));
        awaitLatch(read);
        QuarkusTransaction.requiringNew().run(() -> lifecycle.assign(id, COORDINATOR, "OBRAS", null));
        routed.countDown();

        // The write from the stale read is refused, not applied over the routing ...
        assertThatThrownBy(() -> staleClock.get(60, TimeUnit.SECONDS)).hasRootCauseInstanceOf(StaleStateException.class);
        get(ANA, id).then().body("status", equalTo("ASSIGNED")).body("dueOn", equalTo(null));
        // ... and the consumer's next attempt (its @Retry) reads afresh and applies it.
        QuarkusTransaction.requiringNew().run(() ->
                requests.deadlineScheduled(UUID.fromString(id), SCHEDULED, Instant.parse("2026-11-26T17:20:01Z")));

        assertBothKept(id);
    }

    private static void assertBothKept(String id) {
        get(ANA, id).then().statusCode(200)
                .body("status", equalTo("ASSIGNED"))
                .body("agencyCode", equalTo("OBRAS"))
                .body("dueOn", equalTo("2026-12-21"))
                .body("dueAt", equalTo("2026-12-21T23:59:59-03:00"));
        Fixture.as(ELENA).get("/requests/" + id + "/history").then().statusCode(200)
                .body("action", contains("file", "assign"));
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            assertThat(latch.await(60, TimeUnit.SECONDS)).as("the other transaction reached its step").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
