package dev.gazette.source;

import java.time.Duration;

/**
 * What collecting one source did.
 *
 * @param created items stored for the first time
 * @param updated known items whose content or topics changed
 * @param unchanged known items seen again, unchanged
 * @param duplicates items whose link was already stored from another source or under another guid
 * @param error why the source failed, or null
 */
public record SourceResult(
        String sourceId, Status status, int created, int updated, int unchanged, int duplicates, String error,
        Duration took) {

    public enum Status {
        /** Fetched and read. */
        COLLECTED,
        /** The source answered that nothing changed since the last fetch. */
        NOT_MODIFIED,
        /** Not tried: the source failed recently and waits for its back-off to pass. */
        BACKING_OFF,
        /** Not tried: the source is disabled. */
        DISABLED,
        /** Fetching or reading failed; see {@code error}. */
        FAILED
    }

    public int skipped() {
        return unchanged + duplicates;
    }

    static SourceResult notTried(String sourceId, Status status, String why) {
        return new SourceResult(sourceId, status, 0, 0, 0, 0, why, Duration.ZERO);
    }
}
