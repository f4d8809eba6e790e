package dev.gazette.topic;

import dev.gazette.GazetteException;
import dev.gazette.config.TopicConfig;
import dev.gazette.db.SqlErrors;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The topics in force: the configured ones, with keywords edited in the admin console in place of the configured
 * {@code include} and {@code exclude} lists. Slugs and names stay as configured (subscribers and links depend on
 * them); only keywords can be edited. The collector tags items with {@link #effective()}, so an edit applies from
 * the next collection, to items collected or changed from then on; items already stored keep their topics.
 *
 * <p>{@link #effective()} is called for every item collected, so it is cached: an edit made through this store
 * applies at once in this process; one made by another process (another instance, a command) within
 * {@value #REFRESH_SECONDS} seconds.
 */
public final class TopicStore {
    public static final int MAX_KEYWORDS = 500;
    public static final int MAX_KEYWORD_LENGTH = 200;
    private static final long REFRESH_SECONDS = 30;

    private final Jdbi jdbi;
    private final Clock clock;
    private final List<TopicConfig> configured;
    private volatile Cached cached;

    private record Cached(List<TopicConfig> topics, long loadedNanos) {}

    public TopicStore(Jdbi jdbi, Clock clock, List<TopicConfig> configured) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.configured = List.copyOf(configured);
    }

    /** The configured topics, in configuration order, each with its edited keywords if any. */
    public List<TopicConfig> effective() {
        Cached current = cached;
        if (current == null || System.nanoTime() - current.loadedNanos() > Duration.ofSeconds(REFRESH_SECONDS).toNanos()) {
            current = new Cached(apply(overrides()), System.nanoTime());
            cached = current;
        }
        return current.topics();
    }

    /** The edited keywords, by slug (only of topics still configured). */
    public Map<String, TopicOverride> overrides() {
        Map<String, TopicOverride> bySlug = new LinkedHashMap<>();
        for (TopicDao.OverrideRow row : jdbi.withExtension(TopicDao.class, TopicDao::overrides)) {
            if (configured(row.slug()).isPresent()) {
                bySlug.put(row.slug(), new TopicOverride(row.slug(), lines(row.includeWords()), lines(row.excludeWords()),
                        row.updatedAt(), row.updatedBy()));
            }
        }
        return bySlug;
    }

    /** The topic as configured (not as edited). */
    public Optional<TopicConfig> configured(String slug) {
        return configured.stream().filter(t -> t.slug().equals(slug)).findFirst();
    }

    /**
     * Replace a topic's keywords; giving the configured ones back removes the edit.
     *
     * @throws GazetteException for an unknown topic, a keyword with a line break, too long, or too many keywords
     */
    public void save(String slug, List<String> include, List<String> exclude, String by) {
        TopicConfig topic = configured(slug).orElseThrow(() -> new GazetteException("there is no topic '" + slug + "'"));
        List<String> in = checked("include", include);
        List<String> out = checked("exclude", exclude);
        if (in.equals(topic.include()) && out.equals(topic.exclude())) {
            reset(slug);
            return;
        }
        String includeWords = String.join("\n", in);
        String excludeWords = String.join("\n", out);
        try {
            jdbi.useTransaction(handle -> {
                TopicDao dao = handle.attach(TopicDao.class);
                if (dao.update(slug, includeWords, excludeWords, clock.instant(), by) == 0) {
                    dao.insert(slug, includeWords, excludeWords, clock.instant(), by);
                }
            });
        } catch (UnableToExecuteStatementException e) {
            if (!SqlErrors.isUniqueViolation(e)) {
                throw e;
            }
            // saved at the same moment by someone else: ours comes second
            jdbi.useExtension(TopicDao.class, dao -> dao.update(slug, includeWords, excludeWords, clock.instant(), by));
        }
        cached = null;
    }

    /** Go back to the configured keywords; returns whether there was an edit. */
    public boolean reset(String slug) {
        boolean removed = jdbi.withExtension(TopicDao.class, dao -> dao.delete(slug)) > 0;
        cached = null;
        return removed;
    }

    /** How many stored items carry each topic. */
    public Map<String, Integer> itemCounts() {
        return counts(jdbi.withExtension(TopicDao.class, TopicDao::itemCounts));
    }

    /** How many active subscribers follow each topic. */
    public Map<String, Integer> subscriberCounts() {
        return counts(jdbi.withExtension(TopicDao.class, TopicDao::subscriberCounts));
    }

    private List<TopicConfig> apply(Map<String, TopicOverride> overrides) {
        List<TopicConfig> topics = new ArrayList<>();
        for (TopicConfig t : configured) {
            TopicOverride o = overrides.get(t.slug());
            topics.add(o == null ? t : new TopicConfig(t.slug(), t.name(), o.include(), o.exclude()));
        }
        return List.copyOf(topics);
    }

    private static List<String> checked(String which, List<String> words) {
        List<String> kept = new ArrayList<>();
        for (String word : words) {
            String w = word == null ? "" : word.strip();
            if (w.isEmpty() || kept.contains(w)) {
                continue;
            }
            if (w.chars().anyMatch(Character::isISOControl)) {
                throw new GazetteException(which + " keyword '" + w.replaceAll("\\p{Cntrl}", " ")
                        + "' has a line break or control character: put one keyword or phrase per line");
            }
            if (w.length() > MAX_KEYWORD_LENGTH) {
                throw new GazetteException(which + " keyword '" + w.substring(0, 40) + "…' is longer than "
                        + MAX_KEYWORD_LENGTH + " characters");
            }
            kept.add(w);
        }
        if (kept.size() > MAX_KEYWORDS) {
            throw new GazetteException("at most " + MAX_KEYWORDS + " " + which + " keywords");
        }
        return kept;
    }

    private static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }

    private static Map<String, Integer> counts(List<TopicDao.TopicCount> rows) {
        Map<String, Integer> counts = new HashMap<>();
        rows.forEach(r -> counts.put(r.topic(), r.total()));
        return counts;
    }
}
