package dev.gazette.config;

import java.time.Duration;

/**
 * How sources are fetched.
 *
 * @param userAgent the User-Agent header sent with every request
 * @param connectTimeout the longest wait for a connection
 * @param readTimeout the longest wait for a whole response
 * @param maxBytes the largest body accepted; a larger one fails the source
 * @param maxRedirects the most redirects followed per fetch
 * @param backoffBase the pause after a source's first failure; doubled per further failure
 * @param backoffMax the longest pause between attempts at a failing source
 * @param concurrency the most sources a collection fetches and reads at the same time
 * @param perHostConcurrency the most requests a collection has open to one host at the same time
 * @param maxRetryAfter the longest wait a site's {@code Retry-After} (with HTTP 429 or 503) is honoured for
 */
public record FetchConfig(
        String userAgent,
        Duration connectTimeout,
        Duration readTimeout,
        ByteSize maxBytes,
        int maxRedirects,
        Duration backoffBase,
        Duration backoffMax,
        int concurrency,
        int perHostConcurrency,
        Duration maxRetryAfter) {}
