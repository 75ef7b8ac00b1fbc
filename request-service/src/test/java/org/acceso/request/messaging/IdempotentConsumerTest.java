package org.acceso.request.messaging;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.acceso.contracts.Envelope;
import org.acceso.eventing.IdempotentConsumer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The processed-event mechanism itself, on the real database: the guard every consumer relies on. */
@QuarkusTest
class IdempotentConsumerTest {

    @Inject
    IdempotentConsumer idempotent;

    static Envelope event() {
        return new Envelope(UUID.randomUUID(), "SomethingHappened", UUID.randomUUID(), Instant.now(), null);
    }

    @Test
    void shouldApplyAnEventOncePerConsumer() {
        Envelope event = event();
        AtomicInteger effects = new AtomicInteger();

        boolean first = idempotent.process("test-consumer", event, e -> effects.incrementAndGet());
        boolean second = idempotent.process("test-consumer", event, e -> effects.incrementAndGet());
        boolean otherConsumer = idempotent.process("other-consumer", event, e -> effects.incrementAndGet());

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(otherConsumer).isTrue();
        assertThat(effects).hasValue(2);
    }

    @Test
    void shouldForgetAnEventWhoseEffectFailed() {
        Envelope event = event();
        AtomicInteger effects = new AtomicInteger();

        assertThatThrownBy(() -> idempotent.process("test-consumer", event, e -> {
            throw new IllegalStateException("database hiccup");
        })).isInstanceOf(IllegalStateException.class);
        boolean retried = idempotent.process("test-consumer", event, e -> effects.incrementAndGet());

        assertThat(retried).isTrue();
        assertThat(effects).hasValue(1);
    }
}
