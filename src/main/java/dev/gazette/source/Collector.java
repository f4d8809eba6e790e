package dev.gazette.source;

import dev.gazette.config.FetchConfig;
import dev.gazette.config.SourceConfig;
import dev.gazette.item.ItemDraft;
import dev.gazette.item.ItemStore;
import dev.gazette.source.fetch.FetchResult;
import dev.gazette.source.fetch.Fetcher;
import dev.gazette.source.fetch.Validators;
import dev.gazette.topic.TopicMatcher;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects sources: fetch, read, tag with topics, store once. A failing source is recorded with its
 * reason and backs off; it never stops the others, and never touches the items collected before.
 */
public final class Collector {
    private static final Logger log = LoggerFactory.getLogger(Collector.class);

    /** Whether a run honours the back-off of failing sources. */
    public enum Mode {
        /** Asked for by a person: every enabled source is tried now. */
        NOW,
        /** Run by the scheduler: a failing source waits out its back-off. */
        SCHEDULED
    }

    private final SourceStore sources;
    private final ItemStore items;
    private final Fetcher fetcher;
    private final Function<SourceConfig, ItemParser> parsers;
    private final TopicMatcher topics;
    private final FetchConfig fetch;
    private final Clock clock;

    public Collector(SourceStore sources, ItemStore items, Fetcher fetcher, Function<SourceConfig, ItemParser> parsers,
            TopicMatcher topics, FetchConfig fetch, Clock clock) {
        this.sources = sources;
        this.items = items;
        this.fetcher = fetcher;
        this.parsers = parsers;
        this.topics = topics;
        this.fetch = fetch;
        this.clock = clock;
    }

    public CollectReport collect(List<SourceConfig> configs, Mode mode) {
        List<SourceResult> results = new ArrayList<>();
        for (SourceConfig source : configs) {
            results.add(collect(source, mode));
        }
        return new CollectReport(results);
    }

    public SourceResult collect(SourceConfig source, Mode mode) {
        if (!source.enabled()) {
            return SourceResult.notTried(source.id(), SourceResult.Status.DISABLED, null);
        }
        SourceStatus status = sources.find(source.id()).orElseThrow(() ->
                new IllegalStateException("source " + source.id() + " was not synchronised before collecting"));
        Instant now = clock.instant();
        if (mode == Mode.SCHEDULED && status.retryAfter() != null && now.isBefore(status.retryAfter())) {
            return SourceResult.notTried(source.id(), SourceResult.Status.BACKING_OFF,
                    "failing; next attempt after " + status.retryAfter());
        }
        long started = System.nanoTime();
        try {
            SourceResult result = fetchAndStore(source, status, started);
            log.info("{}: {}", source.id(), describe(result));
            return result;
        } catch (RuntimeException e) {
            String reason = e instanceof SourceException ? e.getMessage() : "unexpected error: " + e;
            Instant retryAfter = now.plus(backoff(status.consecutiveFailures() + 1));
            sources.recordFailure(source.id(), reason, retryAfter);
            if (e instanceof SourceException) {
                log.warn("{}: failed: {} (next scheduled attempt after {})", source.id(), reason, retryAfter);
            } else {
                log.error("{}: failed unexpectedly", source.id(), e);
            }
            return new SourceResult(source.id(), SourceResult.Status.FAILED, 0, 0, 0, 0, reason, took(started));
        }
    }

    private SourceResult fetchAndStore(SourceConfig source, SourceStatus status, long started) {
        FetchResult fetched = fetcher.fetch(URI.create(source.url()), new Validators(status.etag(), status.lastModified()));
        if (fetched instanceof FetchResult.NotModified) {
            sources.recordNotModified(source.id());
            return new SourceResult(source.id(), SourceResult.Status.NOT_MODIFIED, 0, 0, 0, 0, null, took(started));
        }
        FetchResult.Fetched full = (FetchResult.Fetched) fetched;
        List<ParsedItem> parsed = parsers.apply(source).parse(full.document());
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int duplicates = 0;
        for (ParsedItem item : parsed) {
            ItemDraft draft = tagged(source, ItemDrafts.from(item));
            switch (items.save(source.id(), draft)) {
                case NEW -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
                case DUPLICATE -> duplicates++;
            }
        }
        sources.recordSuccess(source.id(), full.etag(), full.lastModified());
        return new SourceResult(source.id(), SourceResult.Status.COLLECTED, created, updated, unchanged, duplicates,
                null, took(started));
    }

    private ItemDraft tagged(SourceConfig source, ItemDraft draft) {
        Set<String> all = new LinkedHashSet<>(source.topics());
        all.addAll(topics.match(draft.title(), draft.summaryText(), draft.categories()));
        return draft.withTopics(List.copyOf(all));
    }

    /** The pause after the n-th consecutive failure: base, doubled per further failure, at most max. */
    Duration backoff(int failures) {
        Duration pause = fetch.backoffBase();
        for (int i = 1; i < failures && pause.compareTo(fetch.backoffMax()) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(fetch.backoffMax()) > 0 ? fetch.backoffMax() : pause;
    }

    private static Duration took(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private static String describe(SourceResult r) {
        return switch (r.status()) {
            case NOT_MODIFIED -> "not modified";
            default -> r.created() + " new, " + r.updated() + " updated, " + r.skipped() + " skipped ("
                    + r.took().toMillis() + " ms)";
        };
    }
}
