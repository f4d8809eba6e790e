package dev.gazette.item;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.config.SourceConfig;
import dev.gazette.config.SourceType;
import dev.gazette.db.Database;
import dev.gazette.db.DatabaseKind;
import dev.gazette.source.SourceStore;
import dev.gazette.testing.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The queries digests select with, on H2 and on PostgreSQL. */
class ItemStoreSelectionTest {
    private static final Instant FROM = Instant.parse("2026-02-02T08:00:00Z");
    private static final Instant TO = Instant.parse("2026-02-09T08:00:00Z");

    private static ItemStore store(Database db, Instant now) {
        return new ItemStore(db.jdbi(), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static void sources(Database db) {
        new SourceStore(db.jdbi(), Clock.fixed(FROM, ZoneOffset.UTC)).sync(List.of(new SourceConfig("wire", "wire",
                SourceType.FEED, "https://example.org/wire", Duration.ofHours(1), "", List.of(), true, null)));
    }

    private static void article(Database db, Instant firstSeen, String guid, Instant published, List<String> topics) {
        String link = "https://news.example.org/" + guid;
        store(db, firstSeen).save("wire", new ItemDraft(ItemKind.ARTICLE, guid, link, CanonicalLinks.key(link, null),
                guid, "", guid, List.of(), published, null, null, null, false, null, null, topics));
    }

    private static void event(Database db, String guid, Instant start, Instant end, boolean allDay, List<String> topics) {
        String link = "https://events.example.org/" + guid;
        store(db, FROM).save("wire", new ItemDraft(ItemKind.EVENT, guid, link, CanonicalLinks.key(link, start), guid,
                "", "", List.of(), null, null, start, end, allDay, null, "Venue", topics));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void articlesFirstSeenInTheWindowWithAnyOfTheTopicsNewestFirst(DatabaseKind kind) {
        try (Database db = TestDatabases.open(kind)) {
            sources(db);
            Instant published = Instant.parse("2026-02-01T00:00:00Z");
            article(db, FROM.minusMillis(1), "before", published, List.of("oncology"));
            article(db, FROM, "at-start", published, List.of("oncology", "cardiology"));
            article(db, FROM.plusSeconds(60), "unpublished", null, List.of("cardiology"));
            article(db, TO.minusMillis(1), "last", published.plusSeconds(10), List.of("oncology"));
            article(db, TO, "at-end", published, List.of("oncology"));
            article(db, FROM.plusSeconds(90), "other-topic", published, List.of("health-policy"));
            article(db, FROM.plusSeconds(95), "untagged", published, List.of());
            store(db, FROM.plusSeconds(100)).save("wire", new ItemDraft(ItemKind.EVENT, "an-event", null, null,
                    "an-event", "", "", List.of(), null, null, TO, null, false, null, null, List.of("oncology")));

            List<Item> found = store(db, TO).articlesFirstSeen(FROM, TO, List.of("oncology", "cardiology"));

            // the unpublished one is dated by when it was first seen (Feb 2), after the others' publication (Feb 1)
            assertThat(found).extracting(Item::guid).containsExactly("unpublished", "last", "at-start");
            assertThat(found.get(2).topics()).containsExactly("cardiology", "oncology");
            assertThat(store(db, TO).articlesFirstSeen(FROM, TO, List.of())).isEmpty();
            assertThat(store(db, TO).articlesFirstSeen(TO, TO, List.of("oncology"))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void upcomingEventsStartInTheRangeOrAreGoingOnSoonestFirst(DatabaseKind kind) {
        try (Database db = TestDatabases.open(kind)) {
            sources(db);
            Instant now = Instant.parse("2026-02-09T10:00:00Z");
            Instant horizon = now.plus(Duration.ofDays(60));
            List<String> topics = List.of("digital-health");
            event(db, "later", now.plus(Duration.ofDays(20)), null, false, topics);
            event(db, "soon", now.plus(Duration.ofHours(1)), now.plus(Duration.ofHours(3)), false, topics);
            event(db, "going-on", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)), false, topics);
            event(db, "ended", now.minus(Duration.ofHours(3)), now.minus(Duration.ofHours(1)), false, topics);
            event(db, "started-no-end", now.minus(Duration.ofHours(1)), null, false, topics);
            event(db, "too-long-ago", now.minus(ItemStore.ONGOING_LOOKBACK).minusSeconds(1), now.plus(Duration.ofDays(1)),
                    false, topics);
            event(db, "beyond-horizon", horizon, null, false, topics);
            event(db, "other-topic", now.plus(Duration.ofHours(2)), null, false, List.of("oncology"));
            // all-day, stored at midnight UTC: today (Feb 9) without an end, and yesterday, and a multi-day one
            event(db, "all-day-today", Instant.parse("2026-02-09T00:00:00Z"), null, true, topics);
            event(db, "all-day-two-days-ago", Instant.parse("2026-02-07T00:00:00Z"), null, true, topics);
            event(db, "all-day-three-days", Instant.parse("2026-02-08T00:00:00Z"), Instant.parse("2026-02-11T00:00:00Z"),
                    true, topics);

            List<Item> found = store(db, now).upcomingEvents(now, horizon, topics);

            assertThat(found).extracting(Item::guid).containsExactly("all-day-three-days", "going-on", "all-day-today",
                    "soon", "later");
            assertThat(found).allSatisfy(e -> assertThat(e.topics()).containsExactly("digital-health"));
            assertThat(store(db, now).upcomingEvents(now, horizon, List.of())).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anAllDayEventOfYesterdayInUtcIsStillListedWhileItIsThatDaySomewhere(DatabaseKind kind) {
        try (Database db = TestDatabases.open(kind)) {
            sources(db);
            List<String> topics = List.of("oncology");
            event(db, "feb-8", Instant.parse("2026-02-08T00:00:00Z"), null, true, topics);
            // 04:00 UTC on Feb 9 is still Feb 8 in Los Angeles: the store keeps it, the digest decides per reader
            Instant now = Instant.parse("2026-02-09T04:00:00Z");
            assertThat(store(db, now).upcomingEvents(now, now.plus(Duration.ofDays(1)), topics))
                    .extracting(Item::guid).containsExactly("feb-8");
            Instant later = Instant.parse("2026-02-09T12:00:01Z");
            assertThat(store(db, later).upcomingEvents(later, later.plus(Duration.ofDays(1)), topics)).isEmpty();
        }
    }
}
