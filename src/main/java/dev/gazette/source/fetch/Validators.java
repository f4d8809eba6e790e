package dev.gazette.source.fetch;

/** What the previous fetch of a source returned, for a conditional request; either may be null. */
public record Validators(String etag, String lastModified) {
    public static final Validators NONE = new Validators(null, null);
}
