package org.acceso.register;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** The service's clock in tests: real time, moved ahead by what a test sets (embargoes end), and reset after. */
@ApplicationScoped
public class TestClock {

    private static final AtomicReference<Duration> AHEAD = new AtomicReference<>(Duration.ZERO);

    /** Replaces eventing's default system clock for the whole test application. */
    @Produces
    @Singleton
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.now().plus(AHEAD.get());
            }
        };
    }

    public static void advance(Duration by) {
        AHEAD.set(by);
    }

    public static void reset() {
        AHEAD.set(Duration.ZERO);
    }
}
