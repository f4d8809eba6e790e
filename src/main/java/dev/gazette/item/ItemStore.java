package dev.gazette.item;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Stores collected items once: a known (source, guid) is updated only when its content changed, and
 * a link already stored from another source is not stored again.
 */
public final class ItemStore {
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
            if (isUniqueViolation(e)) {
                // Another collection stored the same item between our look-up and our insert.
                return SaveOutcome.DUPLICATE;
            }
            throw e;
        }
    }

    public List<Item> list(ItemQuery query) {
        return jdbi.withHandle(handle -> {
            ItemDao dao = handle.attach(ItemDao.class);
            List<Item> items = dao.list(query.sourceId(), query.topic(), query.kind() == null ? null : query.kind().name(),
                    query.since(), query.limit());
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
        });
    }

    public int countBySource(String sourceId) {
        return jdbi.withExtension(ItemDao.class, dao -> dao.countBySource(sourceId));
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    private static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            out.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return out;
    }
}
