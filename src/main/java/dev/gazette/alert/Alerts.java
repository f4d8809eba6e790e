package dev.gazette.alert;

import dev.gazette.alert.query.AlertMonitor;
import dev.gazette.alert.query.AlertQueries;
import dev.gazette.alert.query.AlertQuery;
import dev.gazette.alert.query.InvalidQueryException;
import dev.gazette.config.AlertsConfig;
import dev.gazette.item.Item;
import dev.gazette.item.ItemStore;
import dev.gazette.subscriber.Subscriber;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keyword alerts: subscribers' stored queries, kept within {@code alerts.*} limits, and matched against every item
 * Gazette collects ({@link #matchNew}). Matching keeps the alerts in an in-memory Lucene Monitor, brought in line
 * with the database before each run, so alerts made or changed by another process (the command line, a second
 * server) are honoured too. An item counts for an alert only if it was first collected after the alert was made.
 */
public final class Alerts implements AutoCloseable {
    /**
     * The most items "test this query" reads from the test window, newest first: each is analysed for the one query
     * on the request's thread (about half a millisecond each), and any reader with a preferences link can ask.
     */
    static final int MAX_TESTED = 5_000;
    private static final int BATCH = 500;
    private static final Logger log = LoggerFactory.getLogger(Alerts.class);

    private final AlertStore store;
    private final ItemStore items;
    private final AlertsConfig config;
    private final AlertQueries queries;
    private final Clock clock;
    /** Made at the first match run: a command that never matches does not start Lucene's index and thread. */
    private AlertMonitor monitor;
    /** The parsed queries in the monitor, by alert id, with the text they were parsed from. */
    private final Map<Long, Registered> registered = new HashMap<>();

    private record Registered(Alert alert, AlertQuery query) {}

    public Alerts(AlertStore store, ItemStore items, AlertsConfig config, List<String> topicSlugs, Clock clock) {
        this.store = store;
        this.items = items;
        this.config = config;
        this.queries = new AlertQueries(topicSlugs, config.maxQueryLength());
        this.clock = clock;
    }

    public AlertStore store() {
        return store;
    }

    public AlertsConfig config() {
        return config;
    }

    /**
     * Read a query as an alert would.
     *
     * @throws InvalidQueryException saying what is wrong and where
     */
    public AlertQuery parse(String query) {
        return queries.parse(query);
    }

    /**
     * Make an alert for a subscriber.
     *
     * @throws InvalidQueryException for a query that cannot be read (nothing is stored)
     * @throws AlertLimitException when the subscriber has {@code alerts.max-per-subscriber} alerts already
     */
    public Alert create(Subscriber subscriber, String query, AlertFrequency frequency) {
        AlertQuery parsed = queries.parse(query);
        return store.insert(subscriber.id(), parsed.text(), frequency, config.maxPerSubscriber())
                .orElseThrow(() -> new AlertLimitException(subscriber.email(), config.maxPerSubscriber()));
    }

    /**
     * Change an alert's query and frequency; items it matched before stay matched.
     *
     * @throws InvalidQueryException for a query that cannot be read (nothing is changed)
     */
    public Alert change(long alertId, String query, AlertFrequency frequency) {
        AlertQuery parsed = queries.parse(query);
        store.update(alertId, parsed.text(), frequency);
        return store.find(alertId).orElseThrow(() -> new AlertNotFoundException(alertId));
    }

    /** Pause an alert: it matches and sends nothing until resumed, and what it had found but not sent is dropped. */
    public void pause(long alertId) {
        if (!store.setPaused(alertId, true)) {
            throw new AlertNotFoundException(alertId);
        }
    }

    public void resume(long alertId) {
        if (!store.setPaused(alertId, false)) {
            throw new AlertNotFoundException(alertId);
        }
    }

    public void delete(long alertId) {
        if (!store.delete(alertId)) {
            throw new AlertNotFoundException(alertId);
        }
    }

    /** Pause every alert of a subscriber; their digest is left alone. Returns how many were paused. */
    public int pauseAll(long subscriberId) {
        return store.pauseAllOf(subscriberId);
    }

    public Optional<Alert> find(long alertId) {
        return store.find(alertId);
    }

    /** A subscriber's alerts, oldest first. */
    public List<Alert> of(long subscriberId) {
        return store.ofSubscriber(subscriberId);
    }

    /**
     * What a query would have matched among the items collected in the last {@code alerts.test-window} (the newest
     * {@value #MAX_TESTED} of them), newest first; nothing is stored.
     *
     * @throws InvalidQueryException for a query that cannot be read
     */
    public QueryTest test(String query) {
        AlertQuery parsed = queries.parse(query);
        Duration window = config.testWindow();
        List<Item> recent = items.firstSeenSince(clock.instant().minus(window), MAX_TESTED);
        return new QueryTest(parsed, window, recent.size(), parsed.filter(recent));
    }

    /**
     * Match the items collected since the last run against every alert that is not paused, and record the matches.
     * Safe to run again after a crash: an item is marked as matched only after its matches are stored, and a match
     * stored twice is stored once. Matches still waiting for readers who are no longer active are dropped first, so a
     * reader who comes back is not sent old news.
     */
    public synchronized MatchReport matchNew() {
        Instant upTo = clock.instant(); // items collected or changed later wait for the next run and its alerts
        store.dropWaitingOfInactive();
        List<Item> batch = items.uncheckedForAlerts(0, upTo, BATCH);
        if (batch.isEmpty()) {
            return new MatchReport(0, 0, store.countMatching()); // nothing new: the alerts are only counted
        }
        Map<Long, Registered> active = sync();
        int checked = 0;
        int matched = 0;
        long afterId = 0;
        for (; !batch.isEmpty(); batch = items.uncheckedForAlerts(afterId, upTo, BATCH)) {
            afterId = batch.get(batch.size() - 1).id();
            Map<Long, List<Long>> hits = active.isEmpty() ? Map.of() : monitor.match(batch);
            for (Item item : batch) {
                for (long alertId : hits.getOrDefault(item.id(), List.of())) {
                    Registered r = active.get(alertId);
                    if (r != null && !item.firstSeenAt().isBefore(r.alert().createdAt()) && store.recordMatch(r.alert(),
                            item.id())) {
                        matched++;
                    }
                }
            }
            items.markCheckedForAlerts(batch.stream().map(Item::id).toList(), upTo);
            checked += batch.size();
        }
        if (matched > 0) {
            log.info("alerts: {} new item(s) matched {} time(s)", checked, matched);
        }
        return new MatchReport(checked, matched, active.size());
    }

    /** Stop the in-memory matcher (Lucene's Monitor holds an index and a thread). */
    @Override
    public synchronized void close() {
        if (monitor != null) {
            monitor.close();
        }
    }

    /** Bring the monitor in line with the alerts in the database; returns them by id. */
    private Map<Long, Registered> sync() {
        Map<Long, Registered> current = new LinkedHashMap<>();
        for (Alert alert : store.matching()) {
            Registered known = registered.get(alert.id());
            if (known != null && known.alert().query().equals(alert.query())) {
                current.put(alert.id(), new Registered(alert, known.query()));
                continue;
            }
            try {
                current.put(alert.id(), new Registered(alert, queries.parse(alert.query())));
            } catch (InvalidQueryException e) {
                // e.g. a topic it names was removed from the configuration: it matches nothing until changed
                log.warn("alert {} is not matched: its query '{}' is not valid any more: {}", alert.id(),
                        alert.query(), e.getMessage());
            }
        }
        Map<Long, AlertQuery> queriesById = new LinkedHashMap<>();
        current.forEach((id, r) -> queriesById.put(id, r.query()));
        if (monitor == null) {
            monitor = new AlertMonitor(queries);
        }
        monitor.sync(queriesById);
        registered.clear();
        registered.putAll(current);
        return current;
    }

    /**
     * @param checked items matched against the alerts in this run
     * @param matched (alert, item) matches recorded now
     * @param alerts alerts the items were matched against
     */
    public record MatchReport(int checked, int matched, int alerts) {}

    /**
     * The outcome of "test this query".
     *
     * @param scanned how many items of the window were read
     * @param matched the items it matched, newest first
     */
    public record QueryTest(AlertQuery query, Duration window, int scanned, List<Item> matched) {
        public QueryTest {
            matched = List.copyOf(new ArrayList<>(matched));
        }
    }
}
