package dev.gazette.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.config.ByteSize;
import dev.gazette.config.ConfigDefaults;
import dev.gazette.config.FetchConfig;
import dev.gazette.config.GazetteConfig;
import dev.gazette.config.SourceConfig;
import dev.gazette.db.Database;
import dev.gazette.db.DatabaseKind;
import dev.gazette.item.Item;
import dev.gazette.item.ItemKind;
import dev.gazette.item.ItemQuery;
import dev.gazette.item.ItemStore;
import dev.gazette.source.fetch.Fetcher;
import dev.gazette.testing.FixtureServer;
import dev.gazette.testing.FixtureServer.Route;
import dev.gazette.testing.TestDatabases;
import dev.gazette.topic.TopicMatcher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Collection end to end: a real HTTP server serving fixtures, real parsers, a real database. */
class CollectorTest {
    private static final GazetteConfig DEFAULTS = ConfigDefaults.config();
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final String HTML = "text/html; charset=utf-8";

    private final FixtureServer server = new FixtureServer();
    private Database db;
    private SourceStore sources;
    private ItemStore items;
    private List<SourceConfig> configured = List.of();

    @AfterEach
    void close() {
        server.close();
        if (db != null) {
            db.close();
        }
    }

    private Collector collector(DatabaseKind kind, FetchConfig fetch, SourceConfig... configured) {
        db = TestDatabases.open(kind);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        sources = new SourceStore(db.jdbi(), clock);
        items = new ItemStore(db.jdbi(), clock);
        sources.sync(List.of(configured));
        this.configured = List.of(configured);
        return new Collector(sources, items, new Fetcher(fetch), new ItemParsers(DEFAULTS.collect().calendar(), clock)::forSource,
                new TopicMatcher(DEFAULTS.topics()), fetch, clock);
    }

    private Collector collector(SourceConfig... configured) {
        return collector(DatabaseKind.H2, DEFAULTS.fetch(), configured);
    }

    /** The demo's page source, pointed at the fixture server. */
    private SourceConfig samplePage(String id, String sampleId, String path) {
        SourceConfig sample = DEFAULTS.sources().stream().filter(s -> s.id().equals(sampleId)).findFirst().orElseThrow();
        return new SourceConfig(id, sample.name(), sample.type(), server.uri(path).toString(), Duration.ofHours(1), "",
                List.of(), true, sample.page());
    }

    private static FetchConfig fetch(Duration readTimeout, String maxBytes, int maxRedirects) {
        FetchConfig d = DEFAULTS.fetch();
        return new FetchConfig(d.userAgent(), Duration.ofSeconds(2), readTimeout, ByteSize.parse(maxBytes), maxRedirects,
                d.backoffBase(), d.backoffMax(), d.concurrency(), d.perHostConcurrency(), d.maxRetryAfter());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void collectsTheSeedPagesArticlesAndEventsOnceWithTopics(DatabaseKind kind) {
        server.resource("/news", "samples/biotech-news.html", HTML);
        Collector collector = collector(kind, DEFAULTS.fetch(), samplePage("latest", "sample-news", "/news"),
                samplePage("events", "sample-news-events", "/news"));

        CollectReport first = collector.collect(List.of(sources("latest"), sources("events")), Collector.Mode.NOW);

        assertThat(first.results()).extracting(SourceResult::created).containsExactly(7, 5);
        List<Item> events = items.list(new ItemQuery("events", null, ItemKind.EVENT, null, 50));
        assertThat(events).extracting(Item::title).contains("World Health Expo Dubai", "DCAT Week");
        assertThat(events).filteredOn(e -> e.title().equals("World Health Expo Dubai")).singleElement()
                .satisfies(e -> {
                    assertThat(e.startsAt()).isEqualTo(Instant.parse("2026-02-09T00:00:00Z"));
                    assertThat(e.location()).isEqualTo("Dubai Exhibition Centre, Dubai");
                });
        assertThat(items.list(new ItemQuery("latest", "infectious-disease", null, null, 50))).extracting(Item::title)
                .contains("Forced Migrants in Ukraine Face Barriers to HIV and TB Care Amid Disrupted Healthcare Systems");
        assertThat(items.list(new ItemQuery("latest", "cardiology", null, null, 50))).extracting(Item::title)
                .containsExactly("Residual Cardiovascular Risk Persists in Coronary Artery Disease Despite Advances in Treatment");

        CollectReport second = collector.collect(List.of(sources("latest"), sources("events")), Collector.Mode.NOW);
        assertThat(second.results()).extracting(SourceResult::created).containsExactly(0, 0);
        assertThat(second.results()).extracting(SourceResult::skipped).containsExactly(7, 5);
        assertThat(items.list(ItemQuery.all())).hasSize(12);
    }

    @Test
    void anUnchangedSourceCostsOneConditionalRequestAnswered304() {
        server.route("/news", samplePageRoute().withEtag("\"v1\""));
        Collector collector = collector(samplePage("latest", "sample-news", "/news"));

        collector.collect(sources("latest"), Collector.Mode.NOW);
        SourceResult again = collector.collect(sources("latest"), Collector.Mode.NOW);

        assertThat(again.status()).isEqualTo(SourceResult.Status.NOT_MODIFIED);
        assertThat(server.requests("/news")).extracting(FixtureServer.Request::ifNoneMatch).containsExactly(null, "\"v1\"");
        assertThat(server.requests("/news").get(0).userAgent()).startsWith("Gazette/");
        assertThat(sources.find("latest").orElseThrow().lastSuccessAt()).isEqualTo(NOW);
    }

    @Test
    void lastModifiedIsSentBackAsIfModifiedSince() {
        server.route("/news", samplePageRoute().withLastModified("Fri, 23 Jan 2026 08:00:00 GMT"));
        Collector collector = collector(samplePage("latest", "sample-news", "/news"));

        collector.collect(sources("latest"), Collector.Mode.NOW);
        SourceResult again = collector.collect(sources("latest"), Collector.Mode.NOW);

        assertThat(again.status()).isEqualTo(SourceResult.Status.NOT_MODIFIED);
        assertThat(server.requests("/news").get(1).ifModifiedSince()).isEqualTo("Fri, 23 Jan 2026 08:00:00 GMT");
    }

    @Test
    void aFailingSourceIsRecordedBacksOffAndNeitherStopsTheOthersNorLosesItsItems() {
        server.resource("/news", "samples/biotech-news.html", HTML);
        server.resource("/other", "samples/biotech-news.html", HTML);
        Collector collector = collector(samplePage("broken", "sample-news", "/news"),
                samplePage("fine", "sample-news-events", "/other"));
        collector.collect(sources("broken"), Collector.Mode.NOW);
        server.route("/news", Route.status(500));

        CollectReport report = collector.collect(List.of(sources("broken"), sources("fine")), Collector.Mode.NOW);

        assertThat(report.hasFailures()).isTrue();
        assertThat(report.results().get(0).status()).isEqualTo(SourceResult.Status.FAILED);
        assertThat(report.results().get(0).error()).isEqualTo("HTTP 500 from " + server.uri("/news"));
        assertThat(report.results().get(1).created()).isEqualTo(5);
        assertThat(items.countBySource("broken")).as("earlier items untouched").isEqualTo(7);
        SourceStatus status = sources.find("broken").orElseThrow();
        assertThat(status.consecutiveFailures()).isEqualTo(1);
        assertThat(status.retryAfter()).isEqualTo(NOW.plus(DEFAULTS.fetch().backoffBase()));

        SourceResult scheduled = collector.collect(sources("broken"), Collector.Mode.SCHEDULED);
        assertThat(scheduled.status()).isEqualTo(SourceResult.Status.BACKING_OFF);
        assertThat(server.requests("/news")).hasSize(2);
    }

    @Test
    void backOffDoublesPerFailureUpToTheMaximum() {
        Collector collector = collector(samplePage("x", "sample-news", "/x"));
        Duration base = DEFAULTS.fetch().backoffBase();
        assertThat(collector.backoff(1)).isEqualTo(base);
        assertThat(collector.backoff(2)).isEqualTo(base.multipliedBy(2));
        assertThat(collector.backoff(4)).isEqualTo(base.multipliedBy(8));
        assertThat(collector.backoff(40)).isEqualTo(DEFAULTS.fetch().backoffMax());
    }

    @Test
    void aPageWhoseSelectorsMatchNothingFailsWithTheSelectorNamed() {
        server.route("/redesigned", Route.ok("<html><body><p>New look!</p></body></html>", HTML));
        Collector collector = collector(samplePage("latest", "sample-news", "/redesigned"));

        SourceResult result = collector.collect(sources("latest"), Collector.Mode.NOW);

        assertThat(result.status()).isEqualTo(SourceResult.Status.FAILED);
        assertThat(result.error()).contains("section.latest li.post-item").contains("matched nothing");
        assertThat(sources.find("latest").orElseThrow().lastError()).isEqualTo(result.error());
    }

    @Test
    void anOversizedResponseIsRefused() {
        server.route("/huge", Route.ok("<html>" + "x".repeat(300_000) + "</html>", HTML));
        Collector collector = collector(DatabaseKind.H2, fetch(Duration.ofSeconds(5), "100KB", 3),
                samplePage("huge", "sample-news", "/huge"));

        SourceResult result = collector.collect(sources("huge"), Collector.Mode.NOW);

        assertThat(result.error()).isEqualTo("the response is larger than the 100KB limit (fetch.max-bytes)");
    }

    @Test
    void redirectsAreFollowedWithinTheLimit() {
        server.resource("/news", "samples/biotech-news.html", HTML);
        server.route("/moved", Route.redirect("/news"));
        server.route("/loop", Route.redirect("/loop"));
        Collector collector = collector(DatabaseKind.H2, fetch(Duration.ofSeconds(5), "5MB", 3),
                samplePage("moved", "sample-news", "/moved"), samplePage("loop", "sample-news-events", "/loop"));

        assertThat(collector.collect(sources("moved"), Collector.Mode.NOW).created()).isEqualTo(7);
        SourceResult loop = collector.collect(sources("loop"), Collector.Mode.NOW);
        assertThat(loop.error()).startsWith("more than 3 redirects (fetch.max-redirects)");
        assertThat(server.requests("/loop")).hasSize(4);
    }

    @Test
    void aSlowServerTimesOut() {
        server.route("/slow", samplePageRoute().delayedBy(5_000));
        Collector collector = collector(DatabaseKind.H2, fetch(Duration.ofMillis(500), "5MB", 3),
                samplePage("slow", "sample-news", "/slow"));

        long started = System.nanoTime();
        SourceResult result = collector.collect(sources("slow"), Collector.Mode.NOW);

        assertThat(result.status()).isEqualTo(SourceResult.Status.FAILED);
        assertThat(result.error()).contains("fetch.read-timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void anUnreachableHostFailsClearly() {
        Collector collector = collector(new SourceConfig("gone", "gone", dev.gazette.config.SourceType.FEED,
                "http://127.0.0.1:1/feed.xml", Duration.ofHours(1), "", List.of(), true, null));

        SourceResult result = collector.collect(sources("gone"), Collector.Mode.NOW);

        assertThat(result.error()).contains("127.0.0.1");
    }

    private Route samplePageRoute() {
        try (var in = getClass().getClassLoader().getResourceAsStream("samples/biotech-news.html")) {
            return Route.ok(in.readAllBytes(), HTML);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private SourceConfig sources(String id) {
        return configured.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }
}
