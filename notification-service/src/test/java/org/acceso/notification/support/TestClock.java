package org.acceso.notification.support;

import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock in tests: real time, shifted by an offset a test may set ("it is now 8:05 on 15 December")
 * and must reset. It keeps ticking, so retries and backoff still work while shifted.
 */
@Singleton
public class TestClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /** From now on the clock reads {@code now} (and ticks on from there). */
    public void setNow(Instant now) {
        offset = Duration.between(Instant.now(), now);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The service reads instants only");
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }
}
