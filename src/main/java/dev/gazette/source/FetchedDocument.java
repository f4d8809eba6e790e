package dev.gazette.source;

import java.net.URI;
import java.util.Objects;

/**
 * The raw bytes of a source as fetched.
 *
 * @param uri the final address after redirects; relative links resolve against it
 * @param body the body, never larger than the configured size cap
 * @param contentType the Content-Type header value, or null when unknown (file: sources)
 */
public record FetchedDocument(URI uri, byte[] body, String contentType) {
    public FetchedDocument {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(body, "body");
    }

    /** The charset named in the Content-Type header, or null. */
    public String charset() {
        if (contentType == null) {
            return null;
        }
        for (String part : contentType.split(";")) {
            String p = part.trim();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                return p.substring(8).replace("\"", "").trim();
            }
        }
        return null;
    }
}
