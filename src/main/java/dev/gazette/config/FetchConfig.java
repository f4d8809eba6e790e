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
 */
public record FetchConfig(
        String userAgent,
        Duration connectTimeout,
        Duration readTimeout,
        ByteSize maxBytes,
        int maxRedirects,
        Duration backoffBase,
        Duration backoffMax) {}
