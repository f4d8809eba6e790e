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

/** Runs on H2 and on PostgreSQL: every query must work on both. */
class ItemStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private static ItemStore store(Database db) {
        SourceStore sources = new SourceStore(db.jdbi(), Clock.fixed(NOW, ZoneOffset.UTC));
        sources.sync(List.of(source("wire"), source("page")));
        return new ItemStore(db.jdbi(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static SourceConfig source(String id) {
        return new SourceConfig(id, id, SourceType.FEED, "https://example.org/" + id, Duration.ofHours(1), "",
                List.of(), true, null);
    }

    static ItemDraft article(String guid, String link, String title, List<String> topics) {
        return new ItemDraft(ItemKind.ARTICLE, guid, link, CanonicalLinks.key(link, null), title, "<p>" + title + "</p>",
                title, List.of("News"), Instant.parse("2026-01-23T00:00:00Z"), null, null, null, false, null, null, topics);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void storesAnItemOnceAndKnowsWhenItChanged(DatabaseKind kind) {
        try (Database db = TestDatabases.open(kind)) {
            ItemStore items = store(db);
            ItemDraft first = article("g1", "https://news.example.org/a", "Measles trends in Togo", List.of("infectious-disease"));

            assertThat(items.save("wire", first)).isEqualTo(SaveOutcome.NEW);
            assertThat(items.save("wire", first)).isEqualTo(SaveOutcome.UNCHANGED);
            ItemDraft retitled = article("g1", "https://news.example.org/a", "Measles trends in Togo, 2020-2024",
                    List.of("infectious-disease"));
            assertThat(items.save("wire", retitled)).isEqualTo(SaveOutcome.UPDATED);

            List<Item> stored = items.list(ItemQuery.all());
            assertThat(stored).singleElement().satisfies(item -> {
                assertThat(item.title()).isEqualTo("Measles trends in Togo, 2020-2024");
                assertThat(item.topics()).containsExactly("infectious-disease");
                assertThat(item.firstSeenAt()).isEqualTo(NOW);
                assertThat(item.publishedAt()).isEqualTo(Instant.parse("2026-01-23T00:00:00Z"));
                assertThat(item.categories()).containsExactly("News");
            });
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theSameLinkFromAnotherSourceIsADuplicateEvenWithTrackingParameters(DatabaseKind kind) {
        try (Database db = TestDatabases.open(kind)) {
            ItemStore items = store(db);
            items.save("wire", article("wire-1", "https://news.example.org/a?id=7", "Heart study", List.of()));

            SaveOutcome again = items.save("page", article("page-1",
                    "HTTPS://News.Example.org:443/a?utm_source=mail&id=7&utm_medium=x#top", "Heart study", List.of()));

            assertThat(again).isEqualTo(SaveOutcome.DUPLICATE);
            assertThat(items.list(ItemQuery.all())).extracting(Item::sourceId).containsExactly("wire");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void changedTopicsCountAsAnUpdateAndReplaceTheOldTags(DatabaseKind kind) {
        try (Database db = TestDatabases.open(kind)) {
            ItemStore items = store(db);
            items.save("wire", article("g", "https://x.example/1", "Coronary disease", List.of("cardiology", "policy")));

            assertThat(items.save("wire", article("g", "https://x.example/1", "Coronary disease", List.of("cardiology"))))
                    .isEqualTo(SaveOutcome.UPDATED);
            assertThat(items.list(ItemQuery.all()).get(0).topics()).containsExactly("cardiology");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void listsFilterBySourceTopicKindAndDateAndKeepKoreanText(DatabaseKind kind) {
        try (Database db = TestDatabases.open(kind)) {
            ItemStore items = store(db);
            items.save("wire", article("a", "https://x.example/a", "한국 바이오 산업 동향", List.of("korea-biotech")));
            items.save("page", article("b", "https://x.example/b", "Lymphoma prognosis", List.of("oncology")));
            Instant start = Instant.parse("2027-03-09T16:00:00Z");
            items.save("page", new ItemDraft(ItemKind.EVENT, "e", null, null, "HIMSS27", "", "", List.of(), null, null,
                    start, start.plus(Duration.ofHours(8)), false, "America/Los_Angeles", "Las Vegas, Nevada",
                    List.of("digital-health")));

            assertThat(items.list(new ItemQuery("wire", null, null, null, 10))).extracting(Item::title)
                    .containsExactly("한국 바이오 산업 동향");
            assertThat(items.list(new ItemQuery(null, "oncology", null, null, 10))).extracting(Item::title)
                    .containsExactly("Lymphoma prognosis");
            assertThat(items.list(new ItemQuery(null, null, ItemKind.EVENT, null, 10))).singleElement().satisfies(e -> {
                assertThat(e.startsAt()).isEqualTo(start);
                assertThat(e.timeZone()).isEqualTo("America/Los_Angeles");
                assertThat(e.location()).isEqualTo("Las Vegas, Nevada");
            });
            assertThat(items.list(new ItemQuery(null, null, null, Instant.parse("2027-01-01T00:00:00Z"), 10)))
                    .extracting(Item::title).containsExactly("HIMSS27");
            assertThat(items.list(new ItemQuery(null, null, null, null, 2))).hasSize(2)
                    .first().extracting(Item::title).isEqualTo("HIMSS27");
            assertThat(items.countBySource("page")).isEqualTo(2);
        }
    }
}
