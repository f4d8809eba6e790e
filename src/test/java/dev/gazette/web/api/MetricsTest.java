package dev.gazette.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gazette.db.DatabaseKind;
import dev.gazette.delivery.SendProgress;
import dev.gazette.delivery.SendRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code /metrics} in Prometheus' text format, read after real collection and real sends (GreenMail). */
class MetricsTest {
    @TempDir
    Path dir;

    private ApiWorld world;

    @AfterEach
    void close() {
        if (world != null) {
            world.close();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theMetricsCountItemsFailingSourcesDeliveriesSendsAndSubscribers(DatabaseKind kind) throws Exception {
        world = new ApiWorld(dir, kind);
        Map<String, Double> before = metrics();
        assertThat(before).containsEntry("gazette_items", 0.0).containsEntry("gazette_messages_sent_total", 0.0)
                .containsEntry("gazette_sources_failing", 0.0);
        world.collect();
        world.importSubscribers(ApiWorld.READERS);
        world.gazette.subscribers().unsubscribe(world.subscriberId("cy@example.org"));
        world.gazette.digests().sendNow(null, 100, SendProgress.NONE);

        Map<String, Double> m = metrics();

        assertThat(m).containsEntry("gazette_items", 2.0)
                .containsEntry("gazette_items_collected_total{source=\"wire\"}", 2.0)
                .containsEntry("gazette_items_collected_total{source=\"broken\"}", 0.0)
                .containsEntry("gazette_sources_failing", 1.0)
                .containsEntry("gazette_source_failures{source=\"broken\"}", 1.0)
                .containsEntry("gazette_source_failures{source=\"wire\"}", 0.0)
                .containsEntry("gazette_deliveries{status=\"sent\"}", 2.0)
                .containsEntry("gazette_deliveries{status=\"failed\"}", 0.0)
                .containsEntry("gazette_deliveries{status=\"queued\"}", 0.0)
                .containsEntry("gazette_messages_sent_total", 2.0)
                .containsEntry("gazette_subscribers{status=\"active\"}", 2.0)
                .containsEntry("gazette_subscribers{status=\"unsubscribed\"}", 1.0)
                .containsEntry("gazette_subscribers{status=\"pending\"}", 0.0);
        assertThat(m.get("gazette_source_last_success_timestamp_seconds{source=\"wire\"}"))
                .isCloseTo(world.clock.instant().getEpochSecond(), within(120.0));
        assertThat(m.get("gazette_source_last_success_timestamp_seconds{source=\"broken\"}")).isNaN();
        assertThat(m.keySet()).anyMatch(k -> k.startsWith("jvm_memory_used_bytes{"))
                .anyMatch(k -> k.startsWith("process_uptime_seconds"));

        // deleting a subscriber takes their deliveries out of the ledger, not out of what was sent
        world.gazette.subscribers().delete(world.subscriberId("ana@example.org"));
        assertThat(metrics()).containsEntry("gazette_deliveries{status=\"sent\"}", 1.0)
                .containsEntry("gazette_messages_sent_total", 2.0);
        var job = world.gazette.sendJobs().start(SendRequest.test(world.subscriberId("jisoo@example.org"),
                "editor@example.org"), "metrics-test", "editor");
        assertThat(world.gazette.sendJobs().await(job.id(), Duration.ofSeconds(20)).sent()).isEqualTo(1);
        Map<String, Double> after = metrics();
        assertThat(after).containsEntry("gazette_deliveries{status=\"sent\"}", 2.0)
                .containsEntry("gazette_messages_sent_total", 3.0)
                .containsEntry("gazette_subscribers{status=\"active\"}", 1.0);
    }

    @Test
    void aSourceAddedLaterGetsItsMetersAndTheTextIsPrometheus() {
        world = new ApiWorld(dir, DatabaseKind.H2);
        metrics();
        world.api.post("/api/v1/sources", "{\"id\": \"later\", \"type\": \"feed\", \"url\": \"" + world.site("/feed.xml")
                + "\"}");
        world.api.post("/api/v1/sources/later/fetch");

        ApiClient.Answer answer = world.api.get("/metrics");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).contains("text/plain; version=0.0.4; charset=utf-8");
        assertThat(answer.body()).contains("# TYPE gazette_items_collected_total counter",
                "# TYPE gazette_deliveries gauge", "# HELP gazette_messages_sent_total");
        assertThat(parse(answer.body())).containsEntry("gazette_items_collected_total{source=\"later\"}", 2.0)
                .containsEntry("gazette_items_collected_total{source=\"wire\"}", 0.0)
                .containsEntry("gazette_items", 2.0);
        assertThat(world.gazette.admin().audit().list(null, "metrics", 0, 10)).isEmpty();
    }

    private Map<String, Double> metrics() {
        ApiClient.Answer answer = world.api.get("/metrics");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return parse(answer.body());
    }

    /** Each sample line as "name{labels}" to its value. */
    private static Map<String, Double> parse(String text) {
        Map<String, Double> samples = new HashMap<>();
        text.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).forEach(line -> {
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        });
        return samples;
    }
}
