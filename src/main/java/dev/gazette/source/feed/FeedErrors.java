package dev.gazette.source.feed;

import com.rometools.rome.io.ParsingFeedException;
import dev.gazette.source.SourceException;
import java.util.Locale;
import org.xml.sax.SAXParseException;

/** Turns what ROME and the XML parser throw into messages for the person running Gazette. */
final class FeedErrors {

    private FeedErrors() {}

    static SourceException empty() {
        return new SourceException("the document is empty");
    }

    static SourceException notAFeed(String rootElement, String why) {
        String root = rootElement == null || rootElement.isEmpty() ? "" : " (root element <" + excerpt(rootElement, 60) + ">)";
        return new SourceException("not an RSS or Atom feed" + root + (why == null ? "" : ": " + why));
    }

    static SourceException doctype(int line) {
        return new SourceException("DOCTYPE declaration at line " + line + " refused: feeds must not declare a"
                + " DOCTYPE, because it can read local files (external entities) or expand entities without limit");
    }

    /** A ParsingFeedException: ROME wraps JDOM's parse exception, which wraps SAX's. */
    static SourceException malformed(ParsingFeedException e) {
        int line = e.getLineNumber();
        int column = e.getColumnNumber();
        SAXParseException sax = find(e, SAXParseException.class);
        if (line < 0 && sax != null) {
            line = sax.getLineNumber();
            column = sax.getColumnNumber();
        }
        String detail = sax != null && sax.getMessage() != null ? sax.getMessage() : stripRomePrefix(e.getMessage());
        if (detail.toUpperCase(Locale.ROOT).contains("DOCTYPE")) {
            return doctype(Math.max(line, 1));
        }
        if (detail.contains("must start and end within the same entity") || detail.contains("Premature end of file")) {
            detail = "the document ends too early (truncated?): " + detail;
        }
        String where = line < 0 ? "" : " at line " + line + (column < 0 ? "" : ", column " + column);
        return new SourceException("not well-formed XML" + where + ": " + detail, e);
    }

    static SourceException unreadable(Exception e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : stripRomePrefix(e.getMessage());
        return new SourceException("could not read the feed: " + msg, e);
    }

    static String excerpt(String text, int max) {
        String flat = text.replaceAll("[\\s\\p{Cc}]+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max) + "...";
    }

    private static String stripRomePrefix(String message) {
        if (message == null) {
            return "";
        }
        String m = message.startsWith("Invalid XML: ") ? message.substring(13) : message;
        return m.replaceFirst("^Error on line \\d+: ", "");
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }
}
