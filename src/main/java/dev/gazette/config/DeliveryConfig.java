package dev.gazette.config;

import java.time.Duration;

/**
 * How digests are addressed and handed over.
 *
 * @param from the From address, optionally with a name: {@code Gazette <news@example.org>}
 * @param replyTo the Reply-To address; empty means none
 * @param unsubscribeMailto the address of the mailto: unsubscribe link; empty means the From address
 * @param rateLimit the most messages per second, over all connections
 * @param maxAttempts the most attempts per message when the server answers 4xx or the line drops
 * @param retryBase the pause before the second attempt; doubled per further attempt
 * @param retryMax the longest pause between attempts
 */
public record DeliveryConfig(
        String from,
        String replyTo,
        String unsubscribeMailto,
        double rateLimit,
        int maxAttempts,
        Duration retryBase,
        Duration retryMax) {}
