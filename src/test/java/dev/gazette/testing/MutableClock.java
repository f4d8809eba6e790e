package dev.gazette.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test moves by hand. A still clock moves only when the test says so; a ticking one also moves with
 * real time from where it was set (for code that waits, such as retries with back-off). Thread-safe.
 */
public final class MutableClock extends Clock {
    private final boolean ticking;
    private volatile Instant base;
    private volatile long baseNanos;

    private MutableClock(Instant start, boolean ticking) {
        this.ticking = ticking;
        set(start);
    }

    /** A clock that stands still at {@code start}. */
    public MutableClock(Instant start) {
        this(start, false);
    }

    /** A clock that stands still at {@code start}. */
    public MutableClock(String start) {
        this(Instant.parse(start), false);
    }

    /** A clock that starts at {@code start} and runs with real time. */
    public static MutableClock ticking(String start) {
        return new MutableClock(Instant.parse(start), true);
    }

    public synchronized void set(Instant instant) {
        base = instant;
        baseNanos = System.nanoTime();
    }

    public void set(String instant) {
        set(Instant.parse(instant));
    }

    public synchronized void advance(Duration duration) {
        set(instant().plus(duration));
    }

    @Override
    public Instant instant() {
        return ticking ? base.plusNanos(System.nanoTime() - baseNanos) : base;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a test clock stays in UTC");
    }
}
