package dev.gazette.source.calendar;

import dev.gazette.config.CalendarLimits;
import dev.gazette.source.FetchedDocument;
import dev.gazette.source.ParsedItem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Shared set-up for the calendar tests: a fixed clock and fixtures from the class path. */
final class Fixtures {
    /** "Now" in every test: Tuesday 1 December 2026, noon UTC. */
    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final URI BASE = URI.create("https://calendar.example.org/feeds/events.ics");

    private Fixtures() {}

    static CalendarParser parser(Duration horizon, int maxOccurrences) {
        return new CalendarParser(new CalendarLimits(horizon, maxOccurrences), CLOCK);
    }

    /** Sixty days ahead, at most twenty occurrences per event. */
    static CalendarParser parser() {
        return parser(Duration.ofDays(60), 20);
    }

    static byte[] bytes(String classpathResource) {
        try (InputStream in = Fixtures.class.getResourceAsStream(classpathResource)) {
            if (in == null) {
                throw new IllegalArgumentException("no such resource: " + classpathResource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FetchedDocument fixture(String name) {
        return new FetchedDocument(BASE, bytes("/fixtures/calendar/" + name), "text/calendar; charset=utf-8");
    }

    static FetchedDocument text(String body) {
        return new FetchedDocument(BASE, body.getBytes(StandardCharsets.UTF_8), "text/calendar");
    }

    static List<ParsedItem> parse(String fixtureName) {
        return parser().parse(fixture(fixtureName));
    }

    static ParsedItem byGuid(List<ParsedItem> items, String guid) {
        return items.stream().filter(i -> i.guid().equals(guid)).findFirst()
                .orElseThrow(() -> new AssertionError("no item " + guid + " in " + items.stream().map(ParsedItem::guid).toList()));
    }

    static List<ParsedItem> withGuidPrefix(List<ParsedItem> items, String prefix) {
        return items.stream().filter(i -> i.guid().startsWith(prefix)).toList();
    }

    static Instant at(String iso) {
        return Instant.parse(iso);
    }
}
