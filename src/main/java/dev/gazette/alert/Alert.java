package dev.gazette.alert;

import java.time.Instant;

/**
 * A subscriber's keyword alert: a stored query, matched against every item Gazette collects after it was made.
 *
 * @param query the query as the subscriber wrote it
 * @param paused a paused alert matches nothing and sends nothing until it is resumed
 */
public record Alert(
        long id,
        long subscriberId,
        String query,
        AlertFrequency frequency,
        boolean paused,
        Instant createdAt,
        Instant updatedAt) {}
