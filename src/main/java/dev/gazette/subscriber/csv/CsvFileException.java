package dev.gazette.subscriber.csv;

import dev.gazette.GazetteException;

/** A problem with a subscriber file as a whole (its encoding, header or CSV syntax): nothing in it is imported. */
final class CsvFileException extends GazetteException {
    private static final long serialVersionUID = 1L;

    /** @param line the line the problem is on, or 0 for the whole file */
    CsvFileException(int line, String message) {
        super(line > 0 ? "line " + line + ": " + message : message);
    }
}
