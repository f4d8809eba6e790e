package dev.gazette.source.feed;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import dev.gazette.source.FetchedDocument;
import dev.gazette.source.ItemParser;
import dev.gazette.source.ParsedItem;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads RSS (0.9x, 1.0, 2.0) and Atom 1.0 feeds with ROME. Every entry becomes an article; an entry
 * with neither a title nor any summary text is skipped. A feed with no entries gives an empty list.
 *
 * <p>Relative links resolve against, in order: the Atom entry's and feed's {@code xml:base}, the
 * feed's own link (when it is absolute http(s)), and the document's address. Only http(s) links
 * are kept. DOCTYPE declarations are refused (see {@link XmlProlog}).
 */
public final class FeedParser implements ItemParser {

    public FeedParser() {
        // stateless; ROME's parser objects are created per call
    }

    @Override
    public List<ParsedItem> parse(FetchedDocument document) {
        Objects.requireNonNull(document, "document");
        SyndFeed feed = FeedInput.read(document);
        String type = feed.getFeedType() == null ? "" : feed.getFeedType();
        boolean atom = type.startsWith("atom");

        com.rometools.rome.feed.atom.Feed atomFeed =
                feed.originalWireFeed() instanceof com.rometools.rome.feed.atom.Feed f ? f : null;
        URI docBase = document.uri();
        String feedXmlBase = atomFeed == null ? null : atomFeed.getXmlBase();
        URI feedBase = feedXmlBase == null ? docBase : orElse(FeedLinks.resolve(docBase, feedXmlBase), docBase);
        // ROME's SyndFeed.getLink() is the rel="self" link for Atom: pick the alternate one ourselves
        String feedLinkText = atom ? FeedLinks.alternate(feed.getLinks()) : feed.getLink();
        URI feedLink = FeedLinks.resolve(feedBase, feedLinkText);
        URI entryDefault = feedXmlBase == null && FeedLinks.isHttp(feedLink) ? feedLink : feedBase;

        EntryMapper mapper = new EntryMapper(atom);
        List<ParsedItem> items = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            URI base = entryDefault;
            if (entry.getWireEntry() instanceof com.rometools.rome.feed.atom.Entry atomEntry
                    && atomEntry.getXmlBase() != null) {
                base = orElse(FeedLinks.resolve(entryDefault, atomEntry.getXmlBase()), entryDefault);
            }
            ParsedItem item = mapper.map(entry, base);
            if (item != null) {
                items.add(item);
            }
        }
        return List.copyOf(items);
    }

    private static URI orElse(URI uri, URI fallback) {
        return uri == null ? fallback : uri;
    }
}
