package dev.gazette.source;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Cleans HTML that came from a source before it is stored: only a small allowlist of formatting
 * tags survives; scripts, styles, event handlers, iframes, forms and {@code javascript:} links do
 * not. Cleaning is idempotent: cleaning clean output returns it unchanged.
 */
public final class HtmlSanitizer {
    private static final Safelist SAFELIST = Safelist.basicWithImages()
            .addTags("h2", "h3", "h4", "h5", "h6", "figure", "figcaption")
            .removeProtocols("a", "href", "ftp")
            .removeProtocols("img", "src", "http");
    private static final Document.OutputSettings OUTPUT =
            new Document.OutputSettings().prettyPrint(false).charset("UTF-8");

    private HtmlSanitizer() {}

    /** Clean HTML; relative links are resolved against {@code baseUri} (may be empty). */
    public static String clean(String html, String baseUri) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document dirty = Jsoup.parseBodyFragment(html, baseUri == null ? "" : baseUri);
        Document clean = new Cleaner(SAFELIST).clean(dirty);
        clean.outputSettings(OUTPUT);
        return clean.body().html().trim();
    }

    /** The visible text of an HTML fragment, whitespace collapsed. */
    public static String text(String html) {
        if (html == null || html.isBlank()) {
            return "";
        }
        return Jsoup.parseBodyFragment(html).body().text().trim();
    }

    /** Escape plain text so that it can stand as an HTML fragment. */
    public static String fromText(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        return org.jsoup.nodes.Entities.escape(text.strip()).replace("\n", "<br>");
    }
}
