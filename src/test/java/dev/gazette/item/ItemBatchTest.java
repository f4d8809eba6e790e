package dev.gazette.item;

import static dev.gazette.item.ItemStoreTest.article;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link ItemStore#saveAll}: one source's items at once, alone and racing another source. H2 and PostgreSQL. */
class ItemBatchTest {
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private static ItemStore store(Database db, String... sourceIds) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        List<SourceConfig> configs = new ArrayList<>();
        for (String id : sourceIds) {
            configs.add(new SourceConfig(id, id, SourceType.FEED, "https://example.org/" + id, Duration.ofHours(1), "",
                    List.of(), true, null));
        }
        new SourceStore(db.jdbi(), clock).sync(configs);
        return new ItemStore(db.jdbi(), clock);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void givesTheSameOutcomesAsSavingItemByItem(DatabaseKind kind) {
        try (Database db = TestDatabases.open(kind)) {
            ItemStore items = store(db, "wire", "page");
            items.save("page", article("p1", "https://news.example.org/shared", "Shared story", List.of()));
            items.save("wire", article("w1", "https://news.example.org/one", "One", List.of("oncology")));
            items.save("wire", article("w2", "https://news.example.org/two", "Two", List.of()));

            List<SaveOutcome> outcomes = items.saveAll("wire", List.of(
                    article("w1", "https://news.example.org/one", "One", List.of("oncology")),
                    article("w2", "https://news.example.org/two", "Two, retitled", List.of("cardiology")),
                    article("w3", "https://news.example.org/shared?utm_source=rss", "Shared, again", List.of()),
                    article("w4", "https://news.example.org/four", "Four", List.of("oncology", "health-policy")),
                    article("w5", "https://news.example.org/four#top", "Four under another guid", List.of()),
                    article("w4", "https://news.example.org/four", "Four", List.of("oncology", "health-policy")),
                    article("w6", null, "No link", List.of())));

            assertThat(outcomes).containsExactly(SaveOutcome.UNCHANGED, SaveOutcome.UPDATED, SaveOutcome.DUPLICATE,
                    SaveOutcome.NEW, SaveOutcome.DUPLICATE, SaveOutcome.UNCHANGED, SaveOutcome.NEW);
            List<Item> wire = items.list(new ItemQuery("wire", null, null, null, 50));
            assertThat(wire).extracting(Item::title).containsExactlyInAnyOrder("One", "Two, retitled", "Four", "No link");
            assertThat(wire).filteredOn(i -> i.title().equals("Four")).singleElement()
                    .satisfies(i -> assertThat(i.topics()).containsExactly("health-policy", "oncology"));
            assertThat(wire).filteredOn(i -> i.title().equals("Two, retitled")).singleElement()
                    .satisfies(i -> assertThat(i.topics()).containsExactly("cardiology"));
            assertThat(items.saveAll("wire", List.of(article("w4", "https://news.example.org/four", "Four",
                    List.of("oncology", "health-policy"))))).containsExactly(SaveOutcome.UNCHANGED);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void twoSourcesStoringTheSameLinksAtOnceStoreEachLinkOnce(DatabaseKind kind) throws Exception {
        try (Database db = TestDatabases.open(kind)) {
            ItemStore items = store(db, "left", "right");
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 5; round++) {
                    List<ItemDraft> left = new ArrayList<>();
                    List<ItemDraft> right = new ArrayList<>();
                    for (int i = 0; i < 100; i++) {
                        String link = "https://news.example.org/r" + round + "/story-" + i;
                        left.add(article("left-" + round + "-" + i, link, "Story " + i, List.of("oncology")));
                        // the same links in the opposite order, under the other source's own guids
                        right.add(0, article("right-" + round + "-" + i, link + "?utm_medium=feed", "Story " + i,
                                List.of()));
                    }
                    CountDownLatch start = new CountDownLatch(1);
                    Future<List<SaveOutcome>> fromLeft = threads.submit(() -> {
                        start.await();
                        return items.saveAll("left", left);
                    });
                    Future<List<SaveOutcome>> fromRight = threads.submit(() -> {
                        start.await();
                        return items.saveAll("right", right);
                    });
                    start.countDown();
                    List<SaveOutcome> all = new ArrayList<>(fromLeft.get());
                    all.addAll(fromRight.get());

                    assertThat(all).filteredOn(o -> o == SaveOutcome.NEW).as("round %d", round).hasSize(100);
                    assertThat(all).filteredOn(o -> o == SaveOutcome.DUPLICATE).as("round %d", round).hasSize(100);
                }
            } finally {
                threads.shutdownNow();
            }
            List<Item> stored = items.list(new ItemQuery(null, null, null, null, 10_000));
            assertThat(stored).hasSize(500);
            assertThat(stored).extracting(Item::link).doesNotHaveDuplicates();
            assertThat(stored.stream().map(i -> CanonicalLinks.of(i.link())).distinct()).hasSize(500);
        }
    }
}
