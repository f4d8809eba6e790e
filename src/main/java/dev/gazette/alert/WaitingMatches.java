package dev.gazette.alert;

import java.time.Instant;

/**
 * A subscriber's matches that wait for an email, for alerts of one frequency.
 *
 * @param oldest when the oldest of them was found
 */
public record WaitingMatches(long subscriberId, AlertFrequency frequency, Instant oldest, int count) {}
