package dev.gazette.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing at the log-in form. After {@value #MAX_FAILURES_PER_NAME} failed log-ins for one
 * name, or {@value #MAX_FAILURES_PER_ADDRESS} from one client address, within {@link #WINDOW}, further log-ins
 * for that name or from that address are refused for {@link #LOCK} — even with the right password, and whether
 * or not the name exists, so the answer reveals nothing. A successful log-in clears its name's failures. The
 * console also waits a moment after each failure (see the web module).
 *
 * <p>Counts are kept in memory, per process: a restart clears them, and instances behind a load balancer count
 * separately. That keeps a flood of guesses from writing to the database; it bounds guessing to a few dozen tries
 * an hour per name and process, against passwords of at least 12 characters hashed with Argon2id.
 */
public final class LoginThrottle {
    public static final int MAX_FAILURES_PER_NAME = 5;
    public static final int MAX_FAILURES_PER_ADDRESS = 20;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCK = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 10_000;

    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long log-ins for this name or from this address stay refused; empty when they may try. */
    public Optional<Duration> lockedFor(String name, String address) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        for (String key : new String[] {nameKey(name), addressKey(address)}) {
            Failures f = failures.get(key);
            if (f != null && f.lockedUntil != null && now.isBefore(f.lockedUntil)) {
                Duration left = Duration.between(now, f.lockedUntil);
                longest = left.compareTo(longest) > 0 ? left : longest;
            }
        }
        return longest.isZero() ? Optional.empty() : Optional.of(longest);
    }

    /** Count a failed log-in. */
    public void failed(String name, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(f -> f.isStale(now));
        }
        count(nameKey(name), MAX_FAILURES_PER_NAME, now);
        count(addressKey(address), MAX_FAILURES_PER_ADDRESS, now);
    }

    /** Forget the failures of a name that just logged in. */
    public void succeeded(String name) {
        failures.remove(nameKey(name));
    }

    private void count(String key, int max, Instant now) {
        failures.compute(key, (k, f) -> {
            Failures current = f == null || f.isStale(now) ? new Failures(now) : f;
            current.count++;
            if (current.count >= max) {
                current.lockedUntil = now.plus(LOCK);
            }
            return current;
        });
    }

    private static String nameKey(String name) {
        return "name:" + (name == null ? "" : name.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "" : address);
    }

    private static final class Failures {
        private final Instant since;
        private int count;
        private Instant lockedUntil;

        Failures(Instant since) {
            this.since = since;
        }

        /** The window has passed and no lock holds. */
        boolean isStale(Instant now) {
            return (lockedUntil == null || !now.isBefore(lockedUntil)) && !now.isBefore(since.plus(WINDOW));
        }
    }
}
