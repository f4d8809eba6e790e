package dev.gazette.source.page;

import dev.gazette.config.PageSelectors;
import dev.gazette.item.ItemKind;
import dev.gazette.source.FetchedDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Test helpers: fixture pages and selector sets. */
final class Pages {
    static final URI BASE = URI.create("https://lab.example/notes/index.html");

    private Pages() {}

    /** A fixture from src/test/resources/fixtures/page, as fetched from {@link #BASE}. */
    static FetchedDocument fixture(String name, String contentType) {
        return new FetchedDocument(BASE, bytes("/fixtures/page/" + name), contentType);
    }

    static FetchedDocument fixture(String name) {
        return fixture(name, null);
    }

    /** An inline page, UTF-8, as fetched from {@link #BASE}. */
    static FetchedDocument html(String html) {
        return new FetchedDocument(BASE, html.getBytes(StandardCharsets.UTF_8), "text/html; charset=UTF-8");
    }

    static byte[] bytes(String resource) {
        try (InputStream in = Pages.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Builder articles(String item, String title) {
        return new Builder(ItemKind.ARTICLE, item, title);
    }

    static Builder events(String item, String title, String start) {
        return new Builder(ItemKind.EVENT, item, title).start(start);
    }

    /** Builds a {@link PageSelectors}; unset fields are null. */
    static final class Builder {
        private final ItemKind kind;
        private final String item;
        private final String title;
        private String link;
        private String date;
        private String summary;
        private String start;
        private String end;
        private String location;
        private List<String> formats = List.of();
        private String zone;
        private String locale;

        Builder(ItemKind kind, String item, String title) {
            this.kind = kind;
            this.item = item;
            this.title = title;
        }

        Builder link(String css) { this.link = css; return this; }
        Builder date(String css) { this.date = css; return this; }
        Builder summary(String css) { this.summary = css; return this; }
        Builder start(String css) { this.start = css; return this; }
        Builder end(String css) { this.end = css; return this; }
        Builder location(String css) { this.location = css; return this; }
        Builder formats(String... patterns) { this.formats = List.of(patterns); return this; }
        Builder zone(String id) { this.zone = id; return this; }
        Builder locale(String tag) { this.locale = tag; return this; }

        PageSelectors build() {
            return new PageSelectors(kind, item, title, link, date, summary, start, end, location,
                    formats, zone, locale);
        }

        PageParser parser() {
            return new PageParser(build());
        }
    }
}
