package dev.gazette.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.config.SourceConfig;
import dev.gazette.config.SourceType;
import dev.gazette.db.Database;
import dev.gazette.db.DatabaseKind;
import dev.gazette.source.SourceStore;
import dev.gazette.testing.MutableClock;
import dev.gazette.testing.TestDatabases;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Pinned items in the database, on H2 and PostgreSQL: a digest's window picks those pinned in it and still pinned. */
class PinnedItemsTest {
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    private static long save(ItemStore items, String guid, List<String> topics) {
        items.save("wire", ItemStoreTest.article(guid, "https://news.example.org/" + guid, "Story " + guid, topics));
        return items.list(ItemQuery.all()).stream().filter(i -> i.guid().equals(guid)).findFirst().orElseThrow().id();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void pinsFeatureAnItemInTheDigestsWhoseWindowHoldsThePinningOnce(DatabaseKind kind) {
        MutableClock clock = new MutableClock(T0);
        try (Database db = TestDatabases.open(kind)) {
            new SourceStore(db.jdbi(), clock).sync(List.of(new SourceConfig("wire", "Wire", SourceType.FEED,
                    "https://example.org/feed", Duration.ofHours(1), "", List.of(), true, null)));
            ItemStore items = new ItemStore(db.jdbi(), clock);
            long a = save(items, "a", List.of("oncology"));
            long b = save(items, "b", List.of());
            PinnedItems pins = new PinnedItems(db.jdbi(), clock);

            Pin pinnedA = pins.pin(a, "Ed");
            assertThat(pinnedA.item().title()).isEqualTo("Story a");
            assertThat(pinnedA.item().topics()).containsExactly("oncology");
            assertThat(pinnedA.pinnedAt()).isEqualTo(T0);
            clock.advance(Duration.ofHours(1));
            assertThat(pins.pin(a, "Flo").pinnedBy()).as("pinned already: stays as it was").isEqualTo("Ed");
            pins.pin(b, "Flo");

            Instant later = T0.plus(Duration.ofHours(2));
            assertThat(pins.pinnedIn(T0, later)).extracting(Item::id).containsExactly(a, b);
            assertThat(pins.pinnedIn(T0.plusSeconds(1), later)).extracting(Item::id).containsExactly(b);
            assertThat(pins.current(10)).extracting(p -> p.item().id()).containsExactly(b, a);

            assertThat(pins.unpin(a, "Ed")).isTrue();
            assertThat(pins.unpin(a, "Ed")).isFalse();
            assertThat(pins.pinnedIn(T0, later)).extracting(Item::id).containsExactly(b);
            assertThat(pins.current(10)).extracting(p -> p.item().id()).containsExactly(b);

            clock.advance(Duration.ofHours(5));
            Pin again = pins.pin(a, "Flo");
            assertThat(again.pinnedAt()).as("pinned again: featured again from now").isEqualTo(T0.plus(Duration.ofHours(6)));
            assertThat(pins.pinnedIn(later, T0.plus(Duration.ofHours(7)))).extracting(Item::id).containsExactly(a);

            assertThatThrownBy(() -> pins.pin(987654, "Ed")).hasMessageContaining("no item 987654");
            assertThatThrownBy(() -> pins.pin(a, "")).hasMessageContaining("who");
        }
    }
}
