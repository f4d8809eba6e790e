package dev.gazette.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gazette.config.ConfigDefaults;
import dev.gazette.config.FetchConfig;
import dev.gazette.config.GazetteConfig;
import dev.gazette.config.SourceConfig;
import dev.gazette.config.SourceType;
import dev.gazette.db.Database;
import dev.gazette.db.DatabaseKind;
import dev.gazette.item.Item;
import dev.gazette.item.ItemQuery;
import dev.gazette.item.ItemStore;
import dev.gazette.source.fetch.Fetcher;
import dev.gazette.testing.TestDatabases;
import dev.gazette.topic.TopicMatcher;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Collecting many sources at once, from two real loopback "hosts" (127.0.0.1 and 127.0.0.2, one HTTP server
 * each) that count how many requests they hold open at the same time.
 */
class ParallelCollectionTest {
    private static final GazetteConfig DEFAULTS = ConfigDefaults.config();
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private final ExecutorService serverThreads = Executors.newFixedThreadPool(16);
    private final List<Host> hosts = List.of(new Host("127.0.0.1"), new Host("127.0.0.2"));
    private Database db;
    private SourceStore sources;
    private ItemStore items;

    /** One loopback address with its own server; {@code answers} overrides the feed for some paths. */
    private final class Host {
        final String address;
        final HttpServer server;
        final AtomicInteger open = new AtomicInteger();
        final AtomicInteger mostOpen = new AtomicInteger();
        final AtomicInteger requests = new AtomicInteger();
        final Map<String, Integer> statuses = new ConcurrentHashMap<>();
        final Map<String, String> retryAfter = new ConcurrentHashMap<>();

        Host(String address) {
            this.address = address;
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(address), 0), 100);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            server.createContext("/", this::handle);
            server.setExecutor(serverThreads);
            server.start();
        }

        String url(String path) {
            return "http://" + address + ":" + server.getAddress().getPort() + path;
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                requests.incrementAndGet();
                mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(40); // long enough for requests to overlap
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                String path = exchange.getRequestURI().getPath();
                int status = statuses.getOrDefault(path, 200);
                if (status != 200) {
                    if (retryAfter.containsKey(path)) {
                        exchange.getResponseHeaders().add("Retry-After", retryAfter.get(path));
                    }
                    exchange.sendResponseHeaders(status, -1);
                    return;
                }
                String etag = "\"" + path + "\"";
                if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
                byte[] body = feed(address + path, 5);
                exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
                exchange.getResponseHeaders().add("ETag", etag);
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            } finally {
                open.decrementAndGet();
            }
        }
    }

    @AfterEach
    void close() {
        hosts.forEach(h -> h.server.stop(0));
        serverThreads.shutdownNow();
        if (db != null) {
            db.close();
        }
    }

    private static byte[] feed(String name, int items) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>")
                .append(name).append("</title><link>https://example.org/</link><description>d</description>");
        for (int i = 0; i < items; i++) {
            xml.append("<item><title>Story ").append(i).append(" of ").append(name).append("</title><link>https://")
                    .append(name.replace(':', '-').replace('/', '-')).append(".example.org/story/").append(i)
                    .append("</link><guid>").append(name).append('#').append(i).append("</guid><description>Text ")
                    .append(i).append("</description></item>");
        }
        return xml.append("</channel></rss>").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static FetchConfig fetch(int concurrency, int perHost) {
        FetchConfig d = DEFAULTS.fetch();
        return new FetchConfig(d.userAgent(), Duration.ofSeconds(2), Duration.ofSeconds(10), d.maxBytes(),
                d.maxRedirects(), d.backoffBase(), d.backoffMax(), concurrency, perHost, d.maxRetryAfter());
    }

    /** {@code perHost} sources on each host, named h0-0, h1-0, h0-1, ... in configured order. */
    private List<SourceConfig> sourcesOnBothHosts(int perHost) {
        List<SourceConfig> configured = new ArrayList<>();
        for (int i = 0; i < perHost; i++) {
            for (int h = 0; h < hosts.size(); h++) {
                configured.add(new SourceConfig("h" + h + "-" + i, "Feed " + h + "-" + i, SourceType.FEED,
                        hosts.get(h).url("/feed/" + i + ".xml"), Duration.ofHours(1), "", List.of(), true, null));
            }
        }
        return configured;
    }

    private Collector collector(DatabaseKind kind, FetchConfig fetch, List<SourceConfig> configured) {
        db = TestDatabases.open(kind);
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        sources = new SourceStore(db.jdbi(), clock);
        items = new ItemStore(db.jdbi(), clock);
        sources.sync(configured);
        return new Collector(sources, items, new Fetcher(fetch),
                new ItemParsers(DEFAULTS.collect().calendar(), clock)::forSource, new TopicMatcher(DEFAULTS.topics()),
                fetch, clock);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void manySourcesAreCollectedAtOnceEachItemStoredOnceAndReportedInConfiguredOrder(DatabaseKind kind) {
        List<SourceConfig> configured = sourcesOnBothHosts(12);
        Collector collector = collector(kind, fetch(8, 2), configured);

        CollectReport report = collector.collect(configured, Collector.Mode.NOW);

        assertThat(report.results()).extracting(SourceResult::sourceId)
                .containsExactlyElementsOf(configured.stream().map(SourceConfig::id).toList());
        assertThat(report.results()).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(SourceResult.Status.COLLECTED);
            assertThat(r.created()).isEqualTo(5);
        });
        List<Item> stored = items.list(new ItemQuery(null, null, null, null, 1000));
        assertThat(stored).hasSize(24 * 5);
        assertThat(stored).extracting(Item::link).doesNotHaveDuplicates();
        for (Host host : hosts) {
            assertThat(host.mostOpen.get()).as("requests open at once to %s", host.address).isEqualTo(2);
        }

        CollectReport again = collector.collect(configured, Collector.Mode.NOW);
        assertThat(again.results()).extracting(SourceResult::status).containsOnly(SourceResult.Status.NOT_MODIFIED);
    }

    @Test
    void thePerHostLimitHoldsWhateverTheTotal() {
        List<SourceConfig> configured = sourcesOnBothHosts(10);
        Collector collector = collector(DatabaseKind.H2, fetch(16, 1), configured);

        collector.collect(configured, Collector.Mode.NOW);

        assertThat(hosts).allSatisfy(h -> assertThat(h.mostOpen.get()).isEqualTo(1));
        assertThat(items.list(new ItemQuery(null, null, null, null, 1000))).hasSize(20 * 5);
    }

    @Test
    void aFailingSourceAmongManyFailsAloneWithItsMessage() {
        List<SourceConfig> configured = sourcesOnBothHosts(10);
        hosts.get(1).statuses.put("/feed/4.xml", 500);
        Collector collector = collector(DatabaseKind.H2, fetch(8, 2), configured);

        CollectReport report = collector.collect(configured, Collector.Mode.NOW);

        assertThat(report.results()).filteredOn(r -> r.status() == SourceResult.Status.FAILED).singleElement()
                .satisfies(r -> {
                    assertThat(r.sourceId()).isEqualTo("h1-4");
                    assertThat(r.error()).isEqualTo("HTTP 500 from " + hosts.get(1).url("/feed/4.xml"));
                });
        assertThat(report.results()).filteredOn(r -> r.status() == SourceResult.Status.COLLECTED).hasSize(19);
        assertThat(sources.find("h1-4").orElseThrow().consecutiveFailures()).isEqualTo(1);
        assertThat(items.list(new ItemQuery(null, null, null, null, 1000))).hasSize(19 * 5);
    }

    @Test
    void aRetryAfterIsRecordedAndTheHostIsLeftAloneForTheRestOfTheRun() {
        List<SourceConfig> configured = sourcesOnBothHosts(5);
        Host busy = hosts.get(1);
        for (int i = 0; i < 5; i++) {
            busy.statuses.put("/feed/" + i + ".xml", i % 2 == 0 ? 429 : 503);
            busy.retryAfter.put("/feed/" + i + ".xml", "3600");
        }
        Collector collector = collector(DatabaseKind.H2, fetch(4, 1), configured);

        CollectReport report = collector.collect(configured, Collector.Mode.NOW);

        assertThat(busy.requests.get()).as("requests to the host that asked to wait").isEqualTo(1);
        SourceResult asked = report.results().get(1);
        assertThat(asked.sourceId()).isEqualTo("h1-0");
        assertThat(asked.status()).isEqualTo(SourceResult.Status.FAILED);
        assertThat(asked.error()).isEqualTo("HTTP 429 from " + busy.url("/feed/0.xml")
                + "; the site asks to wait 1h (Retry-After)");
        assertThat(sources.find("h1-0").orElseThrow().retryAfter()).as("later than the back-off of 5m")
                .isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(report.results()).filteredOn(r -> r.sourceId().startsWith("h1-") && !r.sourceId().equals("h1-0"))
                .hasSize(4).allSatisfy(r -> {
                    assertThat(r.status()).isEqualTo(SourceResult.Status.BACKING_OFF);
                    assertThat(r.error()).contains("127.0.0.2 asked to be left alone until " + NOW.plus(Duration.ofHours(1)));
                });
        assertThat(report.results()).filteredOn(r -> r.sourceId().startsWith("h0-"))
                .extracting(SourceResult::status).containsOnly(SourceResult.Status.COLLECTED);

        SourceResult scheduled = collector.collect(configured.get(1), Collector.Mode.SCHEDULED);
        assertThat(scheduled.status()).isEqualTo(SourceResult.Status.BACKING_OFF);
        assertThat(busy.requests.get()).isEqualTo(1);
    }

    @Test
    void aRetryAfterLongerThanTheMaximumIsCut() {
        List<SourceConfig> configured = sourcesOnBothHosts(1);
        hosts.get(0).statuses.put("/feed/0.xml", 503);
        hosts.get(0).retryAfter.put("/feed/0.xml", String.valueOf(Duration.ofDays(30).toSeconds()));
        Collector collector = collector(DatabaseKind.H2, fetch(4, 2), configured);

        collector.collect(configured, Collector.Mode.NOW);

        assertThat(sources.find("h0-0").orElseThrow().retryAfter()).isEqualTo(NOW.plus(DEFAULTS.fetch().maxRetryAfter()));
    }
}
