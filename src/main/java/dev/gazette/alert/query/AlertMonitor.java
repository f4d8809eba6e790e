package dev.gazette.alert.query;

import dev.gazette.GazetteException;
import dev.gazette.item.Item;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.MultiMatchingQueries;
import org.apache.lucene.monitor.QueryMatch;

/**
 * Many alerts matched against many items at once, with Lucene's in-memory {@link Monitor}: the registered
 * alerts are kept in step with the active ones by {@link #sync}, and {@link #match} tells which alerts each
 * item matches. Its results are those of {@link AlertQuery#matches} for each pair. Safe to use from several
 * threads (calls are serialised).
 */
public final class AlertMonitor implements AutoCloseable {
    private static final int BATCH = 50;

    private final Monitor monitor;
    private final Map<Long, String> registered = new HashMap<>();

    /** An empty monitor analysing items like {@code queries} does. */
    public AlertMonitor(AlertQueries queries) {
        this(queries.analyzer());
    }

    AlertMonitor(Analyzer analyzer) {
        try {
            this.monitor = new Monitor(analyzer);
        } catch (IOException e) {
            throw new GazetteException("could not start the alert monitor: " + e.getMessage(), e);
        }
    }

    /**
     * Makes the registered alerts exactly {@code active} (alert id → query): registers the new ones and those
     * whose text changed, removes those no longer there.
     */
    public synchronized void sync(Map<Long, AlertQuery> active) {
        List<String> gone = new ArrayList<>();
        for (Long id : registered.keySet()) {
            if (!active.containsKey(id)) {
                gone.add(id.toString());
            }
        }
        List<MonitorQuery> changed = new ArrayList<>();
        Map<Long, String> changedTexts = new LinkedHashMap<>();
        active.forEach((id, query) -> {
            if (!query.text().equals(registered.get(id))) {
                changed.add(new MonitorQuery(id.toString(), query.query(), query.text(), Map.of()));
                changedTexts.put(id, query.text());
            }
        });
        try {
            if (!gone.isEmpty()) {
                monitor.deleteById(gone);
            }
            if (!changed.isEmpty()) {
                monitor.register(changed);
            }
        } catch (IOException e) {
            throw new GazetteException("could not update the alert monitor: " + e.getMessage(), e);
        }
        gone.forEach(id -> registered.remove(Long.valueOf(id)));
        registered.putAll(changedTexts);
    }

    /**
     * Matches items against the registered alerts.
     *
     * @return item id → ids of the alerts it matches, ascending; items matching no alert are left out
     */
    public synchronized Map<Long, List<Long>> match(List<Item> items) {
        Map<Long, List<Long>> result = new TreeMap<>();
        if (registered.isEmpty()) {
            return result;
        }
        for (int from = 0; from < items.size(); from += BATCH) {
            List<Item> batch = items.subList(from, Math.min(items.size(), from + BATCH));
            Document[] docs = batch.stream().map(ItemFields::document).toArray(Document[]::new);
            MultiMatchingQueries<QueryMatch> matches;
            try {
                matches = monitor.match(docs, QueryMatch.SIMPLE_MATCHER);
            } catch (IOException e) {
                throw new GazetteException("could not match items against alerts: " + e.getMessage(), e);
            }
            for (int i = 0; i < batch.size(); i++) {
                List<Long> alertIds = new ArrayList<>();
                for (QueryMatch match : matches.getMatches(i)) {
                    alertIds.add(Long.valueOf(match.getQueryId()));
                }
                if (!alertIds.isEmpty()) {
                    alertIds.sort(null);
                    result.put(batch.get(i).id(), List.copyOf(alertIds));
                }
            }
        }
        return result;
    }

    /** How many alerts are registered. */
    public synchronized int size() {
        return registered.size();
    }

    @Override
    public synchronized void close() {
        try {
            monitor.close();
        } catch (IOException e) {
            throw new GazetteException("could not close the alert monitor: " + e.getMessage(), e);
        }
    }
}
