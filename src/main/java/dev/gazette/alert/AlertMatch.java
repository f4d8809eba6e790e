package dev.gazette.alert;

import java.time.Instant;

/**
 * One item one alert matched. Each (alert, item) pair is stored once, ever.
 *
 * @param deliveryId the ledger row of the email that carries it, or null while it waits for one
 */
public record AlertMatch(long alertId, long itemId, long subscriberId, Instant matchedAt, Long deliveryId) {}
