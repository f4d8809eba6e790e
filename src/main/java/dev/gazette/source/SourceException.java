package dev.gazette.source;

import dev.gazette.GazetteException;
import java.time.Duration;
import java.util.Optional;

/**
 * A source could not be fetched or read. The message says what went wrong in the user's terms
 * (for example "not well-formed XML at line 12, column 3: ..."); the collector prefixes the
 * source's id, so parsers need not repeat it.
 */
public final class SourceException extends GazetteException {
    private static final long serialVersionUID = 1L;

    /** How long the site asked us to wait (HTTP 429 or 503 with Retry-After), or null. */
    private final Duration retryAfter;

    public SourceException(String message) {
        super(message);
        this.retryAfter = null;
    }

    /** A failure after which the site asked not to be asked again before {@code retryAfter} has passed. */
    public SourceException(String message, Duration retryAfter) {
        super(message);
        this.retryAfter = retryAfter;
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
        this.retryAfter = null;
    }

    /** How long the site asked to be left alone (its Retry-After), when it said so. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
