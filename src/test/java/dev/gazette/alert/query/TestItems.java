package dev.gazette.alert.query;

import dev.gazette.item.Item;
import dev.gazette.item.ItemKind;
import java.time.Instant;
import java.util.List;

/** Items for the query engine's tests. */
final class TestItems {
    static final List<String> TOPICS = List.of("oncology", "vaccines", "policy", "korea");

    private TestItems() {
    }

    static Item article(long id, String title, String summary, String... topics) {
        return item(id, "wire", ItemKind.ARTICLE, title, summary, null, topics);
    }

    static Item event(long id, String title, String summary, String location, String... topics) {
        return item(id, "events", ItemKind.EVENT, title, summary, location, topics);
    }

    static Item item(long id, String source, ItemKind kind, String title, String summary, String location,
            String... topics) {
        Instant seen = Instant.parse("2026-11-10T10:00:00Z");
        return new Item(id, source, kind, "guid-" + id, "https://example.org/" + id, title,
                summary == null ? null : "<p>" + summary + "</p>", summary, List.of(), seen, seen,
                kind == ItemKind.EVENT ? seen : null, null, false, null, location, seen, List.of(topics));
    }

    static AlertQueries queries() {
        return new AlertQueries(TOPICS, 200);
    }
}
