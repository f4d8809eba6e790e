package dev.gazette.web.api;

import dev.gazette.Gazette;
import dev.gazette.delivery.DeliveryStatus;
import dev.gazette.source.SourceStatus;
import dev.gazette.subscriber.SubscriberStatus;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gazette's meters in Prometheus' text format (Micrometer's {@link PrometheusMeterRegistry}). Every Gazette meter
 * reads what the stores hold already (function gauges and counters over one snapshot taken per scrape), so no
 * feature counts anything for the metrics' sake, and the values are right across restarts and across several
 * servers on one database:
 *
 * <ul>
 *   <li>{@code gazette_items} (gauge): items stored; {@code gazette_items_collected_total{source}} (counter): items
 *       stored from each source;</li>
 *   <li>{@code gazette_sources_failing} (gauge): enabled sources whose last collection failed;
 *       {@code gazette_source_failures{source}} (gauge): each source's failures in a row;
 *       {@code gazette_source_last_success_timestamp_seconds{source}} (gauge, NaN before a first success);</li>
 *   <li>{@code gazette_deliveries{status}} (gauge): rows of the delivery ledger in each status;</li>
 *   <li>{@code gazette_messages_sent_total} (counter): messages the mail server accepted, so
 *       {@code rate(gazette_messages_sent_total[5m])} is the send rate. It starts at the ledger's sent rows and grows
 *       as they grow, but never goes down: deleting a subscriber with their deliveries lowers the ledger, not the
 *       counter (a deletion and sends between the same two scrapes offset each other, so those sends go uncounted);
 *       </li>
 *   <li>{@code gazette_subscribers{status}} (gauge): subscribers in each status;</li>
 *   <li>the JVM's basics: memory, threads, class loading, processor, uptime.</li>
 * </ul>
 */
final class GazetteMetrics {
    private final Gazette gazette;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, List<Meter>> sourceMeters = new HashMap<>();
    private Snapshot snapshot;
    private long sentInLedger = -1;
    private double sentTotal;

    /** What one scrape reads from the stores. */
    private record Snapshot(Map<String, SourceStatus> sources, Map<DeliveryStatus, Integer> deliveries,
            Map<SubscriberStatus, Integer> subscribers) {}

    GazetteMetrics(Gazette gazette) {
        this.gazette = gazette;
        this.snapshot = new Snapshot(Map.of(), new EnumMap<>(DeliveryStatus.class), new EnumMap<>(SubscriberStatus.class));
        Gauge.builder("gazette.items", this, m -> m.snapshot.sources().values().stream()
                        .mapToLong(SourceStatus::itemCount).sum())
                .description("Items stored (articles and events)").register(registry);
        Gauge.builder("gazette.sources.failing", this, m -> m.snapshot.sources().values().stream()
                        .filter(s -> s.enabled() && s.failing()).count())
                .description("Enabled sources whose last collection failed").register(registry);
        for (DeliveryStatus status : DeliveryStatus.values()) {
            Gauge.builder("gazette.deliveries", this, m -> m.snapshot.deliveries().getOrDefault(status, 0))
                    .tag("status", name(status)).description("Deliveries in the ledger, by status").register(registry);
        }
        FunctionCounter.builder("gazette.messages.sent", this, m -> m.sentTotal)
                .description("Messages accepted by the mail server (digests, tests, confirmations, notices)")
                .register(registry);
        for (SubscriberStatus status : SubscriberStatus.values()) {
            Gauge.builder("gazette.subscribers", this, m -> m.snapshot.subscribers().getOrDefault(status, 0))
                    .tag("status", name(status)).description("Subscribers, by status").register(registry);
        }
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** The content type of {@link #scrape()}: Prometheus' text format 0.0.4. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** Read the stores once and write every meter. */
    synchronized String scrape() {
        refresh();
        return registry.scrape();
    }

    private void refresh() {
        Map<String, SourceStatus> sources = new LinkedHashMap<>();
        gazette.sources().list().forEach(s -> sources.put(s.id(), s));
        Map<DeliveryStatus, Integer> deliveries = gazette.digests().ledger().countByStatus();
        snapshot = new Snapshot(sources, deliveries, gazette.subscribers().countByStatus());
        long sent = deliveries.getOrDefault(DeliveryStatus.SENT, 0);
        if (sentInLedger < 0) {
            sentTotal = sent; // what the ledger holds when this server starts counting
        } else if (sent > sentInLedger) {
            sentTotal += sent - sentInLedger;
        }
        sentInLedger = sent;
        sources.keySet().stream().filter(id -> !sourceMeters.containsKey(id)).toList().forEach(this::addSource);
        sourceMeters.keySet().stream().filter(id -> !sources.containsKey(id)).toList()
                .forEach(id -> sourceMeters.remove(id).forEach(registry::remove));
    }

    private void addSource(String id) {
        sourceMeters.put(id, List.of(
                FunctionCounter.builder("gazette.items.collected", this, m -> itemCount(m, id)).tag("source", id)
                        .description("Items stored from each source").register(registry),
                Gauge.builder("gazette.source.failures", this, m -> failures(m, id)).tag("source", id)
                        .description("Failed collections in a row, by source").register(registry),
                Gauge.builder("gazette.source.last.success.timestamp", this, m -> lastSuccess(m, id)).tag("source", id)
                        .baseUnit("seconds").description("When each source was last collected without error")
                        .register(registry)));
    }

    private static double itemCount(GazetteMetrics m, String id) {
        SourceStatus s = m.snapshot.sources().get(id);
        return s == null ? 0 : s.itemCount();
    }

    private static double failures(GazetteMetrics m, String id) {
        SourceStatus s = m.snapshot.sources().get(id);
        return s == null ? 0 : s.consecutiveFailures();
    }

    /** NaN before a first success. */
    private static double lastSuccess(GazetteMetrics m, String id) {
        SourceStatus s = m.snapshot.sources().get(id);
        return s == null || s.lastSuccessAt() == null ? Double.NaN : s.lastSuccessAt().toEpochMilli() / 1000.0;
    }

    private static String name(Enum<?> status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
