package org.acceso.deadline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** The service's clock in tests: the system clock, or a fixed instant a test sets (and resets). */
@ApplicationScoped
public class MutableClock {

    private static final AtomicReference<Instant> FIXED = new AtomicReference<>();

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
                Instant fixed = FIXED.get();
                return fixed != null ? fixed : Instant.now();
            }
        };
    }

    public static void set(Instant instant) {
        FIXED.set(instant);
    }

    public static void reset() {
        FIXED.set(null);
    }
}
