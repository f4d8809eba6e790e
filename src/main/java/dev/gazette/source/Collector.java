package dev.gazette.source;

import dev.gazette.config.FetchConfig;
import dev.gazette.config.SourceConfig;
import dev.gazette.item.ItemDraft;
import dev.gazette.item.ItemStore;
import dev.gazette.item.SaveOutcome;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collects sources: fetch, read, tag with topics, store once (each source's items in one transaction). A failing
 * source is recorded with its reason and backs off; it never stops the others, and never touches the items
 * collected before. A site that answers HTTP 429 or 503 with Retry-After is not asked again before then: the
 * source's next scheduled attempt waits at least that long, and the rest of the run leaves that host alone.
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

    /**
     * Collect these sources: up to {@code fetch.concurrency} at once, and at most
     * {@code fetch.per-host-concurrency} of one host at once (see {@link ParallelCollection}). The report lists
     * them in the given order.
     */
    public CollectReport collect(List<SourceConfig> configs, Mode mode) {
        Map<String, SourceStatus> states = sources.states(); // read once for the run, not once per source
        return new CollectReport(ParallelCollection.run(configs, fetch.concurrency(), fetch.perHostConcurrency(),
                source -> attempt(source, mode, Optional.ofNullable(states.get(source.id())))));
    }

    public SourceResult collect(SourceConfig source, Mode mode) {
        return attempt(source, mode, sources.find(source.id())).result();
    }

    /**
     * What collecting one source did, and until when its host asked not to be asked again (a Retry-After
     * with HTTP 429 or 503), or null.
     */
    record Attempt(SourceResult result, Instant hostRetryAfter) {
        Attempt(SourceResult result) {
            this(result, null);
        }
    }

    private Attempt attempt(SourceConfig source, Mode mode, Optional<SourceStatus> stored) {
        if (!source.enabled()) {
            return new Attempt(SourceResult.notTried(source.id(), SourceResult.Status.DISABLED, null));
        }
        SourceStatus status = stored.orElseThrow(() ->
                new IllegalStateException("source " + source.id() + " was not synchronised before collecting"));
        Instant now = clock.instant();
        if (mode == Mode.SCHEDULED && status.retryAfter() != null && now.isBefore(status.retryAfter())) {
            return new Attempt(SourceResult.notTried(source.id(), SourceResult.Status.BACKING_OFF,
                    "failing; next attempt after " + status.retryAfter()));
        }
        long started = System.nanoTime();
        try {
            SourceResult result = fetchAndStore(source, status, started);
            log.info("{}: {}", source.id(), describe(result));
            return new Attempt(result);
        } catch (RuntimeException e) {
            String reason = e instanceof SourceException ? e.getMessage() : "unexpected error: " + e;
            Instant retryAfter = now.plus(backoff(status.consecutiveFailures() + 1));
            Instant asked = e instanceof SourceException s ? s.retryAfter().map(wait -> now.plus(
                    wait.compareTo(fetch.maxRetryAfter()) > 0 ? fetch.maxRetryAfter() : wait)).orElse(null) : null;
            if (asked != null && asked.isAfter(retryAfter)) {
                retryAfter = asked;
            }
            sources.recordFailure(source.id(), reason, retryAfter);
            if (e instanceof SourceException) {
                log.warn("{}: failed: {} (next scheduled attempt after {})", source.id(), reason, retryAfter);
            } else {
                log.error("{}: failed unexpectedly", source.id(), e);
            }
            return new Attempt(new SourceResult(source.id(), SourceResult.Status.FAILED, 0, 0, 0, 0, reason,
                    took(started)), asked);
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
        List<ItemDraft> drafts = new ArrayList<>(parsed.size());
        for (ParsedItem item : parsed) {
            drafts.add(tagged(source, ItemDrafts.from(item)));
        }
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int duplicates = 0;
        for (SaveOutcome outcome : items.saveAll(source.id(), drafts)) {
            switch (outcome) {
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
