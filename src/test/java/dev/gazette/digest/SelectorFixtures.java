package dev.gazette.digest;

import static dev.gazette.digest.DigestSamples.WINDOW_END;
import static dev.gazette.digest.DigestSamples.WINDOW_START;

import dev.gazette.config.DigestConfig;
import dev.gazette.config.SourceConfig;
import dev.gazette.config.SourceType;
import dev.gazette.db.Database;
import dev.gazette.db.DatabaseKind;
import dev.gazette.item.CanonicalLinks;
import dev.gazette.item.Item;
import dev.gazette.item.ItemDraft;
import dev.gazette.item.ItemKind;
import dev.gazette.item.ItemStore;
import dev.gazette.source.SourceStore;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;


/** Items, sources, selectors and readers for the selection tests, on real H2 and PostgreSQL databases. */
final class SelectorFixtures {
    private SelectorFixtures() {}

    /** The send time: the end of the window. */
    static final Instant NOW = WINDOW_END;
    static final Instant PUBLISHED = Instant.parse("2026-02-03T12:00:00Z");

    static ItemStore store(Database db, Instant now) {
        return new ItemStore(db.jdbi(), Clock.fixed(now, ZoneOffset.UTC));
    }

    static Database open(DatabaseKind kind) {
        Database db = TestDatabases.open(kind);
        new SourceStore(db.jdbi(), Clock.fixed(WINDOW_START, ZoneOffset.UTC)).sync(List.of(
                new SourceConfig("wire", "wire", SourceType.FEED, "https://example.org/wire", Duration.ofHours(1), "",
                        List.of(), true, null),
                new SourceConfig("calendar", "calendar", SourceType.CALENDAR, "https://example.org/events.ics",
                        Duration.ofHours(1), "", List.of(), true, null),
                new SourceConfig("other-calendar", "other calendar", SourceType.CALENDAR,
                        "https://example.com/events.ics", Duration.ofHours(1), "", List.of(), true, null)));
        return db;
    }

    static void article(Database db, Instant firstSeen, String title, Instant published, String... topics) {
        String link = "https://news.example.org/" + title.replace(' ', '-');
        store(db, firstSeen).save("wire", new ItemDraft(ItemKind.ARTICLE, title, link, CanonicalLinks.key(link, null),
                title, "", title, List.of(), published, null, null, null, false, null, null, List.of(topics)));
    }

    static void event(Database db, Instant firstSeen, String title, Instant start, Instant end, boolean allDay,
            String... topics) {
        String link = "https://events.example.org/" + title.replace(' ', '-');
        store(db, firstSeen).save("wire", new ItemDraft(ItemKind.EVENT, title, link, CanonicalLinks.key(link, start),
                title, "", "", List.of(), null, null, start, end, allDay, null, "Venue", List.of(topics)));
    }

    /**
     * An event as a source stores it: an occurrence of a recurring calendar event has the guid
     * {@code <UID>/<original start>}, a page event its link and start.
     */
    static void listing(Database db, Instant firstSeen, String sourceId, String guid, String title,
            String link, String location, Instant start, String... topics) {
        store(db, firstSeen).save(sourceId, new ItemDraft(ItemKind.EVENT, guid, link, CanonicalLinks.key(link, start),
                title, "", "", List.of(), null, null, start, start.plus(Duration.ofHours(1)), false, null, location,
                List.of(topics)));
    }

    /** An occurrence of the recurring event {@code uid} of the source "calendar", as the iCalendar reader stores it. */
    static void occurrence(Database db, Instant firstSeen, String uid, String title, Instant start,
            String... topics) {
        listing(db, firstSeen, "calendar", uid + "/" + start, title, "https://example.org/events/club", "Online",
                start, topics);
    }

    static DigestSelector selector(Database db, int maxPerTopic, int maxEvents) {
        return selector(db, maxPerTopic, maxEvents, Duration.ofDays(30));
    }

    static DigestSelector selector(Database db, int maxPerTopic, int maxEvents, Duration horizon) {
        DigestConfig config = DigestSamples.config(Path.of("templates"), maxPerTopic, maxEvents, horizon);
        return new DigestSelector(store(db, NOW), config, DigestSamples.topics());
    }

    static Subscriber reader(String zone, String... topics) {
        return DigestSamples.subscriber("Reader", List.of(topics), zone, Locale.ENGLISH);
    }

    static List<String> titles(List<Item> items) {
        return items.stream().map(Item::title).toList();
    }

    /** The title of each listed event (a recurring one's soonest occurrence). */
    static List<String> eventTitles(Digest digest) {
        return digest.events().stream().map(e -> e.next().title()).toList();
    }
}
