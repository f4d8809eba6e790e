package dev.gazette.item;

import dev.gazette.db.SqlErrors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Stores collected items once: a known (source, guid) is updated only when its content changed, and
 * a link already stored from another source is not stored again.
 */
public final class ItemStore {
    /** How long before {@code from} an event may have started and still be listed as going on. */
    public static final Duration ONGOING_LOOKBACK = Duration.ofDays(31);
    /** How long after midnight UTC a calendar day ends in the latest time zone (UTC-12). */
    private static final Duration LATEST_DAY_END = Duration.ofHours(12);

    private final Jdbi jdbi;
    private final Clock clock;

    public ItemStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Store one collected item of a source, in its own transaction. */
    public SaveOutcome save(String sourceId, ItemDraft draft) {
        String hash = draft.contentHash();
        String categories = ItemRowMapper.joinCategories(draft.categories());
        try {
            return jdbi.inTransaction(handle -> {
                ItemDao dao = handle.attach(ItemDao.class);
                var now = clock.instant();
                Optional<ItemDao.Known> known = dao.findBySourceGuid(sourceId, draft.guid());
                if (known.isPresent()) {
                    if (known.get().contentHash().equals(hash)) {
                        return SaveOutcome.UNCHANGED;
                    }
                    long id = known.get().id();
                    Optional<Long> sameLink = draft.linkKey() == null ? Optional.empty() : dao.findIdByLinkKey(draft.linkKey());
                    ItemDraft toStore = sameLink.isPresent() && sameLink.get() != id ? draft.withoutLinkKey() : draft;
                    dao.update(id, toStore, categories, hash, now);
                    dao.deleteTopics(id);
                    dao.insertTopics(id, draft.topics());
                    return SaveOutcome.UPDATED;
                }
                if (draft.linkKey() != null && dao.findIdByLinkKey(draft.linkKey()).isPresent()) {
                    return SaveOutcome.DUPLICATE;
                }
                long id = dao.insert(sourceId, draft, categories, hash, now);
                dao.insertTopics(id, draft.topics());
                return SaveOutcome.NEW;
            });
        } catch (UnableToExecuteStatementException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                // Another collection stored the same item between our look-up and our insert.
                return SaveOutcome.DUPLICATE;
            }
            throw e;
        }
    }

    /**
     * Store the items collected from one source, in one transaction and a few batched statements, with the
     * same outcomes as {@link #save} called for each draft in turn. Safe while other sources are stored at the
     * same time: a link that another source stores first is a {@link SaveOutcome#DUPLICATE} here (see
     * {@link ItemBatch}).
     *
     * @return one outcome per draft, in order
     */
    public List<SaveOutcome> saveAll(String sourceId, List<ItemDraft> drafts) {
        if (drafts.isEmpty()) {
            return List.of();
        }
        for (int attempt = 1; attempt <= ItemBatch.ATTEMPTS; attempt++) {
            try {
                return jdbi.inTransaction(handle -> ItemBatch.store(handle, sourceId, drafts, clock.instant()));
            } catch (JdbiException e) {
                if (!ItemBatch.isConflict(e)) {
                    throw e;
                }
            }
        }
        // Another collection keeps storing the same links right now: item by item, each settles its own race.
        List<SaveOutcome> outcomes = new ArrayList<>(drafts.size());
        for (ItemDraft draft : drafts) {
            outcomes.add(save(sourceId, draft));
        }
        return outcomes;
    }

    /** The stored item with this id, with its topics. */
    public Optional<Item> find(long id) {
        return byIds(List.of(id)).stream().findFirst();
    }

    public List<Item> list(ItemQuery query) {
        return jdbi.withHandle(handle -> {
            ItemDao dao = handle.attach(ItemDao.class);
            return withTopics(dao, dao.list(query.sourceId(), query.topic(),
                    query.kind() == null ? null : query.kind().name(), query.since(), query.limit()));
        });
    }

    /**
     * The articles first collected in {@code [from, to)} that are tagged with at least one of the topics, each
     * with all its topics, newest first (by publication, else by when first seen). One query on the indexed
     * {@code first_seen_at}, plus one per 500 items for the topics.
     *
     * @param topics topic slugs; none gives no articles
     */
    public List<Item> articlesFirstSeen(Instant from, Instant to, Collection<String> topics) {
        if (topics.isEmpty() || !from.isBefore(to)) {
            return List.of();
        }
        return jdbi.withHandle(handle -> {
            ItemDao dao = handle.attach(ItemDao.class);
            return withTopics(dao, dao.articlesFirstSeen(from, to, topics));
        });
    }

    /**
     * The events tagged with at least one of the topics that start in {@code [from, to)} or are still going on at
     * {@code from}, each with all its topics, soonest first. "Going on" means: started at most
     * {@link #ONGOING_LOOKBACK} before {@code from} and, for a timed event, ending after {@code from}; an all-day
     * event (stored from midnight UTC of its first day, see {@link Item}) counts until its last day has ended in
     * every time zone, so that a caller can narrow it to a reader's own date. An event without an end is not
     * going on once it has started (all-day: once its day is over). The query is bounded by the indexed
     * {@code starts_at}.
     *
     * @param topics topic slugs; none gives no events
     */
    public List<Item> upcomingEvents(Instant from, Instant to, Collection<String> topics) {
        if (topics.isEmpty() || !from.isBefore(to)) {
            return List.of();
        }
        Instant endOfDayEverywhere = from.minus(LATEST_DAY_END);
        return jdbi.withHandle(handle -> {
            ItemDao dao = handle.attach(ItemDao.class);
            return withTopics(dao, dao.upcomingEvents(from, to, from.minus(ONGOING_LOOKBACK), endOfDayEverywhere,
                    endOfDayEverywhere.minus(Duration.ofDays(1)), topics));
        });
    }

    static List<Item> withTopics(ItemDao dao, List<Item> items) {
        if (items.isEmpty()) {
            return items;
        }
        Map<Long, List<String>> topics = new java.util.HashMap<>();
        for (List<Long> chunk : chunks(items.stream().map(Item::id).toList(), 500)) {
            dao.topicsOf(chunk).forEach(row ->
                    topics.computeIfAbsent(row.itemId(), k -> new ArrayList<>()).add(row.topic()));
        }
        return items.stream().map(i -> i.withTopics(topics.getOrDefault(i.id(), List.of())))
                .collect(Collectors.toList());
    }

    public int countBySource(String sourceId) {
        return jdbi.withExtension(ItemDao.class, dao -> dao.countBySource(sourceId));
    }


    /**
     * Items not yet matched against the alerts (new, or changed since), collected or changed no later than
     * {@code upTo}, in id order after {@code afterId}; they stay so until {@link #markCheckedForAlerts}.
     */
    public List<Item> uncheckedForAlerts(long afterId, Instant upTo, int limit) {
        return jdbi.withHandle(handle -> {
            ItemDao dao = handle.attach(ItemDao.class);
            return withTopics(dao, dao.uncheckedForAlerts(afterId, upTo, limit));
        });
    }

    /**
     * Record that these items were matched against the alerts; one changed after {@code upTo} (while it was being
     * matched) is left unchecked, so that its new text is matched too.
     */
    public void markCheckedForAlerts(Collection<Long> ids, Instant upTo) {
        if (!ids.isEmpty()) {
            jdbi.useExtension(ItemDao.class, dao -> dao.markCheckedForAlerts(ids, upTo, clock.instant()));
        }
    }

    /** Every item (article or event, any topic) first collected at or after {@code from}, newest first, at most limit. */
    public List<Item> firstSeenSince(Instant from, int limit) {
        return jdbi.withHandle(handle -> {
            ItemDao dao = handle.attach(ItemDao.class);
            return withTopics(dao, dao.firstSeenSince(from, limit));
        });
    }

    /** The items with these ids that exist, in no particular order. */
    public List<Item> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(handle -> {
            ItemDao dao = handle.attach(ItemDao.class);
            List<Item> found = new ArrayList<>();
            for (List<Long> chunk : chunks(List.copyOf(ids), 500)) {
                found.addAll(dao.byIds(chunk));
            }
            return withTopics(dao, found);
        });
    }

    private static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            out.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return out;
    }
}
