package dev.gazette.item;

import dev.gazette.GazetteException;
import dev.gazette.db.SqlErrors;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Items the editors pin for the next edition: each subscriber's next digest (the one whose window contains the
 * moment of pinning) shows them as "Featured", above the sections, once. Unpinning before then keeps an item out;
 * pinning it again later features it again, in the digests after that.
 */
public final class PinnedItems {
    /** The longest name of who pins, in characters. */
    static final int MAX_BY = 200;

    private final Jdbi jdbi;
    private final Clock clock;

    public PinnedItems(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Pin an item for the next edition. An item pinned already stays as it is (same time, same person).
     *
     * @param by who pins it (an admin's name)
     * @throws GazetteException if there is no such item
     */
    public Pin pin(long itemId, String by) {
        String who = requireBy(by);
        try {
            jdbi.useTransaction(handle -> {
                PinnedItemDao dao = handle.attach(PinnedItemDao.class);
                if (dao.itemExists(itemId) == 0) {
                    throw new GazetteException("there is no item " + itemId + " to pin");
                }
                if (dao.find(itemId).isEmpty()) {
                    dao.insert(itemId, who, clock.instant());
                } else {
                    dao.repin(itemId, who, clock.instant());
                }
            });
        } catch (UnableToExecuteStatementException e) {
            if (!SqlErrors.isUniqueViolation(e)) {
                throw e; // otherwise pinned at the same moment by someone else: theirs stands
            }
        }
        return current(Integer.MAX_VALUE).stream().filter(p -> p.item().id() == itemId).findFirst()
                .orElseThrow(() -> new GazetteException("item " + itemId + " was unpinned while being pinned"));
    }

    /** Take a pinned item out of the next edition; false if it was not pinned. */
    public boolean unpin(long itemId, String by) {
        String who = requireBy(by);
        return jdbi.withExtension(PinnedItemDao.class, dao -> dao.unpin(itemId, who, clock.instant())) == 1;
    }

    /** The items pinned now, newest pin first. */
    public List<Pin> current(int limit) {
        return jdbi.withHandle(handle -> {
            PinnedItemDao dao = handle.attach(PinnedItemDao.class);
            List<PinnedItemDao.PinRow> rows = dao.current(limit);
            if (rows.isEmpty()) {
                return List.of();
            }
            Map<Long, Item> items = ItemStore.withTopics(handle.attach(ItemDao.class),
                            dao.items(rows.stream().map(PinnedItemDao.PinRow::itemId).toList()))
                    .stream().collect(Collectors.toMap(Item::id, Function.identity()));
            return rows.stream().filter(r -> items.containsKey(r.itemId()))
                    .map(r -> new Pin(items.get(r.itemId()), r.pinnedBy(), r.pinnedAt())).toList();
        });
    }

    /** The items pinned in {@code [from, to)} and still pinned, in the order they were pinned: a digest's featured. */
    public List<Item> pinnedIn(Instant from, Instant to) {
        if (!from.isBefore(to)) {
            return List.of();
        }
        return jdbi.withHandle(handle -> ItemStore.withTopics(handle.attach(ItemDao.class),
                handle.attach(PinnedItemDao.class).pinnedIn(from, to)));
    }

    static String requireBy(String by) {
        if (by == null || by.isBlank() || by.length() > MAX_BY) {
            throw new GazetteException("say who does it: a name of 1 to " + MAX_BY + " characters");
        }
        return by.strip();
    }
}
