package dev.gazette.item;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;

/**
 * Stores the items of one collected source in one transaction, with the same outcomes as
 * {@link ItemStore#save} item by item in feed order, but in a handful of statements: one look-up of the
 * source's known guids and one of the link keys (per 500), then batched inserts, updates and topic rows.
 *
 * <p>Two sources stored at the same time may both bring a link that neither saw stored: the unique index on
 * {@code link_key} lets only one of them commit it, and the other transaction fails (a unique violation, a
 * deadlock or a lock timeout, depending on the database). New items are inserted in link key order, so that
 * such a race makes one wait for the other rather than deadlock. Then the whole batch is tried again, now seeing
 * the other's items; after {@link #ATTEMPTS} such failures it is stored item by item, where each item
 * settles its own race.
 */
final class ItemBatch {
    static final int ATTEMPTS = 3;
    private static final int CHUNK = 500;
    /** Unique violation, serialization failure, PostgreSQL deadlock, H2 lock timeout, H2 concurrent update. */
    private static final Set<String> CONFLICTS = Set.of("23505", "40001", "40P01", "HYT00", "90131");

    private record Pending(ItemDraft stored, String hash) {}

    private ItemBatch() {}

    /** Whether a failed batch lost a race against another writer, so that trying again can succeed. */
    static boolean isConflict(JdbiException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && CONFLICTS.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Store the drafts in the handle's transaction; one outcome per draft, in order. */
    static List<SaveOutcome> store(Handle handle, String sourceId, List<ItemDraft> drafts, Instant now) {
        ItemDao dao = handle.attach(ItemDao.class);
        Map<String, ItemDao.KnownGuid> known = new HashMap<>();
        for (List<String> chunk : chunks(drafts.stream().map(ItemDraft::guid).distinct().toList())) {
            dao.findBySourceGuids(sourceId, chunk).forEach(k -> known.put(k.guid(), k));
        }
        Map<String, Long> linked = new HashMap<>();
        for (List<String> chunk : chunks(drafts.stream().map(ItemDraft::linkKey).filter(k -> k != null).distinct()
                .toList())) {
            dao.findIdsByLinkKeys(chunk).forEach(l -> linked.put(l.linkKey(), l.id()));
        }

        Map<String, Pending> inserts = new LinkedHashMap<>();
        Map<String, String> insertedLinks = new HashMap<>(); // link key -> guid of the pending insert
        Map<Long, Pending> updates = new LinkedHashMap<>();
        List<SaveOutcome> outcomes = new ArrayList<>(drafts.size());
        for (ItemDraft draft : drafts) {
            String hash = draft.contentHash();
            ItemDao.KnownGuid stored = known.get(draft.guid());
            if (stored != null) {
                Pending earlier = updates.get(stored.id());
                if ((earlier == null ? stored.contentHash() : earlier.hash()).equals(hash)) {
                    outcomes.add(SaveOutcome.UNCHANGED);
                    continue;
                }
                Long sameLink = draft.linkKey() == null ? null : linked.get(draft.linkKey());
                boolean taken = sameLink != null && sameLink != stored.id() || insertedLinks.containsKey(draft.linkKey());
                updates.put(stored.id(), new Pending(taken ? draft.withoutLinkKey() : draft, hash));
                outcomes.add(SaveOutcome.UPDATED);
                continue;
            }
            Pending earlier = inserts.get(draft.guid());
            if (earlier != null) { // the same guid twice in one feed: the later one updates the first
                if (earlier.hash().equals(hash)) {
                    outcomes.add(SaveOutcome.UNCHANGED);
                    continue;
                }
                String linkOwner = draft.linkKey() == null ? null : insertedLinks.get(draft.linkKey());
                boolean taken = draft.linkKey() != null && (linked.containsKey(draft.linkKey())
                        || linkOwner != null && !linkOwner.equals(draft.guid()));
                if (earlier.stored().linkKey() != null) {
                    insertedLinks.remove(earlier.stored().linkKey());
                }
                ItemDraft toStore = taken ? draft.withoutLinkKey() : draft;
                if (toStore.linkKey() != null) {
                    insertedLinks.put(toStore.linkKey(), draft.guid());
                }
                inserts.put(draft.guid(), new Pending(toStore, hash));
                outcomes.add(SaveOutcome.UPDATED);
                continue;
            }
            if (draft.linkKey() != null && (linked.containsKey(draft.linkKey())
                    || insertedLinks.containsKey(draft.linkKey()))) {
                outcomes.add(SaveOutcome.DUPLICATE);
                continue;
            }
            inserts.put(draft.guid(), new Pending(draft, hash));
            if (draft.linkKey() != null) {
                insertedLinks.put(draft.linkKey(), draft.guid());
            }
            outcomes.add(SaveOutcome.NEW);
        }

        // In link key order: two sources inserting some of the same links then take the index's locks in the
        // same order, so one waits for the other to finish instead of both waiting for each other (deadlock).
        List<Pending> ordered = new ArrayList<>(inserts.values());
        ordered.sort(Comparator.comparing((Pending p) -> p.stored().linkKey(),
                Comparator.nullsLast(Comparator.naturalOrder())));
        insert(dao, sourceId, ordered, now);
        update(dao, updates, now);
        return outcomes;
    }

    private static void insert(ItemDao dao, String sourceId, List<Pending> inserts, Instant now) {
        if (inserts.isEmpty()) {
            return;
        }
        List<ItemDraft> drafts = inserts.stream().map(Pending::stored).toList();
        dao.insertAll(sourceId, drafts, drafts.stream().map(d -> ItemRowMapper.joinCategories(d.categories())).toList(),
                inserts.stream().map(Pending::hash).toList(), now);
        Map<String, Long> ids = new HashMap<>();
        for (List<String> chunk : chunks(drafts.stream().map(ItemDraft::guid).toList())) {
            dao.findBySourceGuids(sourceId, chunk).forEach(k -> ids.put(k.guid(), k.id()));
        }
        insertTopics(dao, drafts, d -> ids.get(d.guid()));
    }

    private static void update(ItemDao dao, Map<Long, Pending> updates, Instant now) {
        if (updates.isEmpty()) {
            return;
        }
        List<Long> ids = List.copyOf(updates.keySet());
        List<ItemDraft> drafts = updates.values().stream().map(Pending::stored).toList();
        dao.updateAll(ids, drafts, drafts.stream().map(d -> ItemRowMapper.joinCategories(d.categories())).toList(),
                updates.values().stream().map(Pending::hash).toList(), now);
        dao.deleteTopicsOfAll(ids);
        Map<ItemDraft, Long> idOf = new java.util.IdentityHashMap<>();
        updates.forEach((id, pending) -> idOf.put(pending.stored(), id));
        insertTopics(dao, drafts, idOf::get);
    }

    private static void insertTopics(ItemDao dao, List<ItemDraft> drafts, java.util.function.Function<ItemDraft, Long> id) {
        List<Long> itemIds = new ArrayList<>();
        List<String> topics = new ArrayList<>();
        for (ItemDraft draft : drafts) {
            for (String topic : draft.topics()) {
                itemIds.add(id.apply(draft));
                topics.add(topic);
            }
        }
        if (!itemIds.isEmpty()) {
            dao.insertTopicRows(itemIds, topics);
        }
    }

    private static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            out.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return out;
    }
}
