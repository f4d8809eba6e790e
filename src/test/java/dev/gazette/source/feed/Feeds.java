package dev.gazette.source.feed;

import dev.gazette.source.FetchedDocument;
import dev.gazette.source.ParsedItem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Test fixtures: fetched documents built from files under fixtures/feed. */
final class Feeds {
    static final URI FEED_URI = URI.create("https://feeds.example.com/path/feed.xml");

    private Feeds() {}

    static byte[] bytes(String resource) {
        String path = resource.startsWith("/") ? resource : "/fixtures/feed/" + resource;
        try (InputStream in = Feeds.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FetchedDocument fixture(String name) {
        return new FetchedDocument(FEED_URI, bytes(name), "application/rss+xml; charset=utf-8");
    }

    static FetchedDocument text(String xml) {
        return new FetchedDocument(FEED_URI, xml.getBytes(StandardCharsets.UTF_8), null);
    }

    static List<ParsedItem> parse(String name) {
        return new FeedParser().parse(fixture(name));
    }

    static ParsedItem byGuid(List<ParsedItem> items, String guid) {
        return items.stream()
                .filter(i -> i.guid().equals(guid))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no item with guid " + guid + " in " + items));
    }

    static ParsedItem byTitle(List<ParsedItem> items, String title) {
        return items.stream()
                .filter(i -> i.title().equals(title))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no item titled " + title + " in " + items));
    }
}
