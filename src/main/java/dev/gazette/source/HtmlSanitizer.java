package dev.gazette.source;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * Cleans HTML that came from a source before it is stored: only a small allowlist of formatting
 * tags survives; scripts, styles, event handlers, iframes, forms and {@code javascript:} links do
 * not. Cleaning is idempotent: cleaning clean output returns it unchanged, whatever base URI is
 * given the second time (all links in clean output are absolute).
 */
public final class HtmlSanitizer {
    // No enforced rel="nofollow": jsoup adds it only to links off the base URI's host, so the
    // output depended on the base and cleaning clean output with another base changed it.
    private static final Safelist SAFELIST = Safelist.basicWithImages()
            .addTags("h2", "h3", "h4", "h5", "h6", "figure", "figcaption")
            .removeEnforcedAttribute("a", "rel")
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

    /**
     * Escape plain text so that it can stand as an HTML fragment: {@code &}, {@code <} and
     * {@code >} are escaped as in element text (quotes are left alone, so no {@code &apos;}, which
     * HTML 4 mail clients show literally), and line breaks become {@code <br>}. The result is
     * already clean: {@code clean(fromText(t), b)} returns it unchanged.
     */
    public static String fromText(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String lines = text.strip().replace("\r\n", "\n").replace('\r', '\n');
        Document doc = Document.createShell("");
        doc.outputSettings(OUTPUT);
        doc.body().appendText(lines);
        return doc.body().html().replace("\n", "<br>");
    }
}
