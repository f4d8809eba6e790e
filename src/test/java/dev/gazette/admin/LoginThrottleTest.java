package dev.gazette.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final MutableClock clock = new MutableClock("2026-11-28T10:00:00Z");
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void fiveFailuresForANameLockItForFifteenMinutesFromAnyAddress() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("Alice", "10.0.0." + i);
        }
        assertThat(throttle.lockedFor("alice", "10.0.0.9")).isEmpty();
        throttle.failed("alice ", "10.0.0.5");

        assertThat(throttle.lockedFor("ALICE", "10.0.0.9")).contains(Duration.ofMinutes(15));
        assertThat(throttle.lockedFor("bob", "10.0.0.9")).isEmpty();
        clock.advance(Duration.ofMinutes(14));
        assertThat(throttle.lockedFor("alice", "10.0.0.9")).contains(Duration.ofMinutes(1));
        clock.advance(Duration.ofMinutes(1));
        assertThat(throttle.lockedFor("alice", "10.0.0.9")).isEmpty();
        throttle.failed("alice", "10.0.0.9");
        assertThat(throttle.lockedFor("alice", "10.0.0.9")).as("a new window starts").isEmpty();
    }

    @Test
    void failuresSpreadOverMoreThanTheWindowDoNotLock() {
        for (int i = 0; i < 8; i++) {
            throttle.failed("alice", "10.0.0.1");
            clock.advance(Duration.ofMinutes(4));
        }
        assertThat(throttle.lockedFor("alice", "10.0.0.1")).isEmpty();
    }

    @Test
    void twentyFailuresFromOneAddressLockItForEveryName() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("user" + i, "192.0.2.7");
        }
        assertThat(throttle.lockedFor("someone-else", "192.0.2.7")).isPresent();
        assertThat(throttle.lockedFor("someone-else", "192.0.2.8")).isEmpty();
    }

    @Test
    void aSuccessfulLogInClearsItsNamesFailures() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("alice", "10.0.0.1");
        }
        throttle.succeeded("alice");
        throttle.failed("alice", "10.0.0.1");
        assertThat(throttle.lockedFor("alice", "10.0.0.2")).isEmpty();
    }
}
