package dev.gazette.source.fetch;

import dev.gazette.source.FetchedDocument;

/** The outcome of a fetch that did not fail. */
public sealed interface FetchResult {

    /**
     * A full body.
     *
     * @param etag the validator to send back next time (HTTP ETag, or a digest of the body for file and
     *     classpath sources), or null
     * @param lastModified the HTTP Last-Modified value, or null
     */
    record Fetched(FetchedDocument document, String etag, String lastModified) implements FetchResult {}

    /** The source has not changed since the validators were issued (HTTP 304, or the same digest). */
    record NotModified() implements FetchResult {}
}
