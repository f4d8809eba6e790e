package dev.gazette.alert.query;

import java.util.Objects;

/**
 * A piece of an item's plain text: either matched by the alert query or not. Renderers escape {@link #text()}
 * and wrap matched pieces in a highlight (e.g. {@code <mark>}).
 */
public record TextSegment(String text, boolean matched) {
    public TextSegment {
        Objects.requireNonNull(text, "text");
    }
}
