package dev.gazette.source;

import dev.gazette.config.SourceType;
import java.time.Instant;

/**
 * What Gazette knows about a source's health.
 *
 * @param etag the ETag of the last full response, sent back as If-None-Match
 * @param lastModified the Last-Modified of the last full response, sent back as If-Modified-Since
 * @param retryAfter a failing source is not collected on schedule before this time (back-off)
 * @param itemCount items stored from this source
 */
public record SourceStatus(
        String id,
        String name,
        SourceType type,
        String url,
        boolean enabled,
        String etag,
        String lastModified,
        Instant lastAttemptAt,
        Instant lastSuccessAt,
        Instant lastErrorAt,
        String lastError,
        int consecutiveFailures,
        Instant retryAfter,
        int itemCount) {

    public boolean failing() {
        return consecutiveFailures > 0;
    }
}
