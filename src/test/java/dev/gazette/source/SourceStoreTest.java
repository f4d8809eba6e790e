package dev.gazette.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.config.SourceConfig;
import dev.gazette.config.SourceType;
import dev.gazette.db.Database;
import dev.gazette.db.DatabaseKind;
import dev.gazette.testing.TestDatabases;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Runs on H2 and on PostgreSQL. */
class SourceStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private static SourceConfig feed(String id, String url) {
        return new SourceConfig(id, "Feed " + id, SourceType.FEED, url, Duration.ofHours(1), "", List.of(), true, null);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void recordsHealthAndValidators(DatabaseKind kind) {
        try (Database db = TestDatabases.open(kind)) {
            SourceStore store = new SourceStore(db.jdbi(), Clock.fixed(NOW, ZoneOffset.UTC));
            store.sync(List.of(feed("a", "https://a.example/feed")));

            store.recordFailure("a", "HTTP 500 from https://a.example/feed", NOW.plusSeconds(300));
            store.recordFailure("a", "HTTP 502 from https://a.example/feed", NOW.plusSeconds(600));
            SourceStatus failing = store.find("a").orElseThrow();
            assertThat(failing.consecutiveFailures()).isEqualTo(2);
            assertThat(failing.lastError()).isEqualTo("HTTP 502 from https://a.example/feed");
            assertThat(failing.retryAfter()).isEqualTo(NOW.plusSeconds(600));
            assertThat(failing.lastSuccessAt()).isNull();

            store.recordSuccess("a", "\"v1\"", "Sat, 28 Nov 2026 09:00:00 GMT");
            SourceStatus ok = store.find("a").orElseThrow();
            assertThat(ok.consecutiveFailures()).isZero();
            assertThat(ok.retryAfter()).isNull();
            assertThat(ok.lastSuccessAt()).isEqualTo(NOW);
            assertThat(ok.etag()).isEqualTo("\"v1\"");
            assertThat(ok.lastModified()).isEqualTo("Sat, 28 Nov 2026 09:00:00 GMT");
            assertThat(ok.lastError()).as("the last error stays visible for the record").contains("502");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aChangedAddressForgetsValidatorsAndARemovedSourceIsDisabledNotDeleted(DatabaseKind kind) {
        try (Database db = TestDatabases.open(kind)) {
            SourceStore store = new SourceStore(db.jdbi(), Clock.fixed(NOW, ZoneOffset.UTC));
            store.sync(List.of(feed("a", "https://a.example/feed"), feed("b", "https://b.example/feed")));
            store.recordSuccess("a", "\"v1\"", null);
            store.recordSuccess("b", "\"v9\"", null);

            store.sync(List.of(feed("a", "https://a.example/other-feed")));

            assertThat(store.find("a").orElseThrow().etag()).isNull();
            assertThat(store.find("a").orElseThrow().url()).isEqualTo("https://a.example/other-feed");
            assertThat(store.find("b").orElseThrow().enabled()).isFalse();
            assertThat(store.find("b").orElseThrow().etag()).isEqualTo("\"v9\"");
            assertThat(store.list()).extracting(SourceStatus::id).containsExactly("a", "b");

            store.sync(List.of());
            assertThat(store.list()).noneMatch(SourceStatus::enabled);
        }
    }
}
