package dev.gazette.source.feed;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.gazette.source.FetchedDocument;
import dev.gazette.source.SourceException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;

/** Decodes the bytes of a feed and hands them to ROME, translating every failure. */
final class FeedInput {

    private FeedInput() {}

    /** Reads the document into ROME's model, or throws a SourceException that says why not. */
    static SyndFeed read(FetchedDocument document) {
        if (document.body().length == 0) {
            throw FeedErrors.empty();
        }
        String xml = decode(document);
        if (xml.isBlank()) {
            throw FeedErrors.empty();
        }
        String root = XmlProlog.rootElement(xml);

        SyndFeedInput input = new SyndFeedInput();
        // Keep ROME's own model too: only the Atom model exposes xml:base.
        input.setPreserveWireFeed(true);
        // Never setAllowDoctypes(true): ROME's default refuses DOCTYPEs (XXE, entity expansion).
        try {
            return input.build(new StringReader(xml));
        } catch (ParsingFeedException e) {
            throw FeedErrors.malformed(e);
        } catch (FeedException e) {
            throw FeedErrors.unreadable(e);
        } catch (IllegalArgumentException e) {
            if ("Invalid document".equals(e.getMessage())) {
                // ROME found no parser for this root element
                throw FeedErrors.notAFeed(root, null);
            }
            throw FeedErrors.unreadable(e);
        } catch (RuntimeException e) {
            throw FeedErrors.unreadable(e);
        }
    }

    /**
     * Decodes with ROME's XmlReader: a byte order mark, then the XML declaration's encoding, then
     * the Content-Type charset, then UTF-8. (Leniently, ROME lets the XML declaration win over the
     * HTTP charset.) Without a charset in the Content-Type the MIME type is ignored: RFC 3023 would
     * make an undeclared {@code text/xml} US-ASCII, which garbles most real feeds.
     */
    private static String decode(FetchedDocument document) {
        ByteArrayInputStream bytes = new ByteArrayInputStream(document.body());
        String utf8 = StandardCharsets.UTF_8.name();
        try (Reader reader = document.charset() == null
                ? new XmlReader(bytes, true, utf8)
                : new XmlReader(bytes, document.contentType(), true, utf8)) {
            StringBuilder out = new StringBuilder(document.body().length);
            char[] buffer = new char[8192];
            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                out.append(buffer, 0, n);
            }
            if (out.length() > 0 && out.charAt(0) == '\uFEFF') {
                out.deleteCharAt(0);
            }
            return out.toString();
        } catch (UnsupportedEncodingException e) {
            throw new SourceException("unsupported character encoding \"" + e.getMessage() + "\"", e);
        } catch (IOException | RuntimeException e) {
            throw new SourceException("could not decode the document: " + e.getMessage(), e);
        }
    }
}
