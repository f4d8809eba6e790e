package dev.gazette.source.feed;

import dev.gazette.source.SourceException;
import java.util.Locale;

/**
 * A quick look at the start of a decoded document, before any XML parser sees it: finds the root
 * element's name and refuses DOCTYPE declarations outright. This is a first line of defence; ROME's
 * own parser is also configured to reject DOCTYPEs (and ROME silently ignores parser features the
 * XML parser does not know, so we do not rely on that alone).
 */
final class XmlProlog {

    private XmlProlog() {}

    /**
     * @return the root element's qualified name as written
     * @throws SourceException for a DOCTYPE, an HTML page, or text that is not XML at all
     */
    static String rootElement(String xml) {
        int i = skipSpace(xml, 0);
        while (i < xml.length()) {
            if (xml.startsWith("<?", i)) {
                i = skipPast(xml, i, "?>");
            } else if (xml.startsWith("<!--", i)) {
                i = skipPast(xml, i, "-->");
            } else if (xml.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
                i = htmlDoctypeEnd(xml, i);
            } else if (xml.startsWith("<", i) && i + 1 < xml.length() && isNameStart(xml.charAt(i + 1))) {
                String root = readName(xml, i + 1);
                if (isHtml(root)) {
                    throw FeedErrors.notAFeed(root, "it looks like a web page, not a feed;"
                            + " use the address of the site's RSS or Atom feed instead");
                }
                return root;
            } else {
                break;
            }
            if (i < 0) {
                // an unterminated comment or processing instruction: the parser will say where
                return "";
            }
            i = skipSpace(xml, i);
        }
        if (i >= xml.length()) {
            // only a prolog and no root element: the parser reports it as a premature end
            return "";
        }
        throw new SourceException("not an RSS or Atom feed: the document is not XML (it starts with \""
                + FeedErrors.excerpt(xml.substring(Math.min(i, xml.length())), 40) + "\")");
    }

    /**
     * An HTML page's {@code <!DOCTYPE html>} is skipped so that the page is reported as a web page;
     * every other DOCTYPE is refused here.
     */
    private static int htmlDoctypeEnd(String xml, int start) {
        int nameStart = skipSpace(xml, start + 9);
        String name = nameStart < xml.length() && isNameStart(xml.charAt(nameStart)) ? readName(xml, nameStart) : "";
        int close = xml.indexOf('>', start);
        int subset = xml.indexOf('[', start);
        boolean hasSubset = subset >= 0 && (close < 0 || subset < close);
        if (!isHtml(name) || hasSubset || close < 0) {
            throw FeedErrors.doctype(lineOf(xml, start));
        }
        return close + 1;
    }

    private static boolean isHtml(String qualifiedName) {
        int colon = qualifiedName.indexOf(':');
        String local = colon >= 0 ? qualifiedName.substring(colon + 1) : qualifiedName;
        return local.toLowerCase(Locale.ROOT).equals("html");
    }

    static int lineOf(String text, int index) {
        int line = 1;
        for (int k = 0; k < index && k < text.length(); k++) {
            if (text.charAt(k) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int skipPast(String xml, int from, String end) {
        int at = xml.indexOf(end, from);
        return at < 0 ? -1 : at + end.length();
    }

    private static int skipSpace(String xml, int from) {
        int i = from;
        while (i < xml.length() && (Character.isWhitespace(xml.charAt(i)) || xml.charAt(i) == '\uFEFF')) {
            i++;
        }
        return i;
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_' || c == ':';
    }

    private static String readName(String xml, int from) {
        int i = from;
        while (i < xml.length()) {
            char c = xml.charAt(i);
            if (Character.isLetterOrDigit(c) || c == '_' || c == ':' || c == '-' || c == '.') {
                i++;
            } else {
                break;
            }
        }
        return xml.substring(from, i);
    }
}
