package dev.gazette.source;

import dev.gazette.GazetteException;

/**
 * A source could not be fetched or read. The message says what went wrong in the user's terms
 * (for example "not well-formed XML at line 12, column 3: ..."); the collector prefixes the
 * source's id, so parsers need not repeat it.
 */
public final class SourceException extends GazetteException {
    private static final long serialVersionUID = 1L;

    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
