package dev.gazette.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.config.TopicConfig;
import dev.gazette.db.Database;
import dev.gazette.db.DatabaseKind;
import dev.gazette.testing.MutableClock;
import dev.gazette.testing.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Keywords edited in the console, over the configured topics; on H2 and PostgreSQL. */
class TopicStoreTest {
    private static final List<TopicConfig> CONFIGURED = List.of(
            new TopicConfig("oncology", "Oncology", List.of("cancer", "tumour"), List.of()),
            new TopicConfig("cardiology", "Cardiology", List.of("heart"), List.of("heartbreak")));

    private final MutableClock clock = new MutableClock("2026-11-28T10:00:00Z");

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void editedKeywordsReplaceTheConfiguredOnesUntilReset(DatabaseKind kind) {
        try (Database db = TestDatabases.open(kind)) {
            TopicStore store = new TopicStore(db.jdbi(), clock, CONFIGURED);
            assertThat(store.effective()).isEqualTo(CONFIGURED);

            store.save("oncology", List.of(" cancer ", "", "lymphoma", "cancer", "림프종"), List.of("veterinary"), "alice");

            assertThat(store.effective().get(0)).isEqualTo(new TopicConfig("oncology", "Oncology",
                    List.of("cancer", "lymphoma", "림프종"), List.of("veterinary")));
            assertThat(store.effective().get(1)).isEqualTo(CONFIGURED.get(1));
            TopicOverride override = store.overrides().get("oncology");
            assertThat(override.updatedBy()).isEqualTo("alice");
            assertThat(override.updatedAt()).isEqualTo(clock.instant());
            assertThat(new TopicStore(db.jdbi(), clock, CONFIGURED).effective().get(0).include())
                    .as("another process reads the edit from the database").containsExactly("cancer", "lymphoma", "림프종");

            store.save("oncology", List.of("cancer"), List.of(), "bob");
            assertThat(store.overrides().get("oncology").updatedBy()).isEqualTo("bob");
            store.save("oncology", List.of("cancer", "tumour"), List.of(), "bob");
            assertThat(store.overrides()).as("the configured keywords again: no edit kept").isEmpty();

            store.save("cardiology", List.of(), List.of(), "alice");
            assertThat(store.effective().get(1).include()).isEmpty();
            assertThat(store.reset("cardiology")).isTrue();
            assertThat(store.reset("cardiology")).isFalse();
            assertThat(store.effective()).isEqualTo(CONFIGURED);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void badKeywordsAndUnknownTopicsAreRefusedAndNothingIsStored(DatabaseKind kind) {
        try (Database db = TestDatabases.open(kind)) {
            TopicStore store = new TopicStore(db.jdbi(), clock, CONFIGURED);

            assertThatThrownBy(() -> store.save("neurology", List.of("brain"), List.of(), "alice"))
                    .hasMessage("there is no topic 'neurology'");
            assertThatThrownBy(() -> store.save("oncology", List.of("a\tb"), List.of(), "alice"))
                    .hasMessageContaining("include keyword 'a b' has a line break or control character");
            assertThatThrownBy(() -> store.save("oncology", List.of("x".repeat(201)), List.of(), "alice"))
                    .hasMessageContaining("longer than 200 characters");
            List<String> many = new ArrayList<>();
            for (int i = 0; i <= TopicStore.MAX_KEYWORDS; i++) {
                many.add("word" + i);
            }
            assertThatThrownBy(() -> store.save("oncology", List.of(), many, "alice"))
                    .hasMessage("at most 500 exclude keywords");
            assertThat(store.overrides()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void countsItemsAndActiveSubscribersPerTopic(DatabaseKind kind) {
        try (Database db = TestDatabases.open(kind)) {
            db.jdbi().useHandle(h -> {
                h.execute("INSERT INTO source (id, name, type, url, definition_hash, enabled, created_at) "
                        + "VALUES ('wire', 'Wire', 'FEED', 'https://example.org', 'x', TRUE, CURRENT_TIMESTAMP)");
                for (int i = 1; i <= 3; i++) {
                    h.execute("INSERT INTO item (id, source_id, kind, guid, title, summary_html, summary_text, categories, "
                            + "content_hash, first_seen_at, last_seen_at, changed_at) VALUES (" + i + ", 'wire', 'ARTICLE', 'g"
                            + i + "', 't', '', '', '', 'h', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
                }
                h.execute("INSERT INTO item_topic (item_id, topic) VALUES (1, 'oncology'), (2, 'oncology'), (2, 'cardiology')");
                String subscriber = "INSERT INTO subscriber (id, email, email_key, name, status, frequency, send_day, "
                        + "send_hour, time_zone, locale, created_at, updated_at) VALUES (%d, '%s', '%s', 'N', '%s', 'DAILY', "
                        + "'MONDAY', 8, 'UTC', 'en', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)";
                h.execute(subscriber.formatted(1, "a@x.org", "a@x.org", "ACTIVE"));
                h.execute(subscriber.formatted(2, "b@x.org", "b@x.org", "UNSUBSCRIBED"));
                h.execute("INSERT INTO subscriber_topic (subscriber_id, topic) VALUES (1, 'oncology'), (2, 'oncology'), "
                        + "(2, 'cardiology')");
            });
            TopicStore store = new TopicStore(db.jdbi(), clock, CONFIGURED);

            assertThat(store.itemCounts()).containsEntry("oncology", 2).containsEntry("cardiology", 1);
            assertThat(store.subscriberCounts()).containsEntry("oncology", 1).doesNotContainKey("cardiology");
        }
    }

    @Test
    void aMatcherOnASupplierUsesTheTopicsInForceAtEachMatch() {
        AtomicReference<List<TopicConfig>> topics = new AtomicReference<>(CONFIGURED);
        TopicMatcher matcher = new TopicMatcher(topics::get);
        assertThat(matcher.match("Zebrafish hearts", "", List.of())).isEmpty();
        assertThat(matcher.match("A heart study", "", List.of())).containsExactly("cardiology");

        topics.set(List.of(CONFIGURED.get(0), new TopicConfig("cardiology", "Cardiology", List.of("zebrafish"), List.of())));

        assertThat(matcher.match("Zebrafish hearts", "", List.of())).containsExactly("cardiology");
        assertThat(matcher.match("A heart study", "", List.of())).isEmpty();
    }
}
