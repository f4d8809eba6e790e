package dev.gazette.source.page;

import dev.gazette.source.SourceException;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/** Compiles the configured CSS selectors once, naming the setting when one is missing or invalid. */
final class Selectors {
    private Selectors() {}

    /** A selector that must be set. */
    static Evaluator required(String key, String css, String why) {
        if (css == null || css.isBlank()) {
            throw new SourceException(key + " selector is missing: " + why);
        }
        return compile(key, css);
    }

    /** A selector that may be left out; null when it is. */
    static Evaluator optional(String key, String css) {
        return css == null || css.isBlank() ? null : compile(key, css);
    }

    private static Evaluator compile(String key, String css) {
        try {
            return Selector.evaluatorOf(css.strip());
        } catch (Selector.SelectorParseException e) {
            throw new SourceException(key + " selector '" + css + "' is not valid CSS: " + e.getMessage(), e);
        }
    }
}
