package dev.gazette.alert;

import dev.gazette.db.SqlErrors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Stores alerts and what they matched. A match is recorded once per (alert, item), ever, and given to exactly one
 * email by a conditional update ({@link #claim}), which is what keeps an item from being alerted twice for the same
 * alert, across re-collections, restarts and concurrent senders.
 */
public final class AlertStore {
    private final Jdbi jdbi;
    private final Clock clock;

    public AlertStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Store a new alert unless the subscriber has {@code limit} already; empty then. The subscriber's row is locked
     * while counting, so two requests at once cannot both take the last place.
     */
    Optional<Alert> insert(long subscriberId, String query, AlertFrequency frequency, int limit) {
        Optional<Long> id = jdbi.inTransaction(handle -> {
            AlertDao dao = handle.attach(AlertDao.class);
            dao.lockSubscriber(subscriberId);
            if (dao.countOfSubscriber(subscriberId) >= limit) {
                return Optional.empty();
            }
            return Optional.of(dao.insert(subscriberId, query, frequency.name(), clock.instant()));
        });
        return id.map(i -> find(i).orElseThrow());
    }

    public Optional<Alert> find(long id) {
        return jdbi.withExtension(AlertDao.class, dao -> dao.find(id));
    }

    /** A subscriber's alerts, oldest first. */
    public List<Alert> ofSubscriber(long subscriberId) {
        return jdbi.withExtension(AlertDao.class, dao -> dao.ofSubscriber(subscriberId));
    }

    boolean update(long id, String query, AlertFrequency frequency) {
        return jdbi.withExtension(AlertDao.class, dao -> dao.update(id, query, frequency.name(), clock.instant())) == 1;
    }

    /** Pause or resume; pausing drops the matches no email carried yet. */
    boolean setPaused(long id, boolean paused) {
        return jdbi.inTransaction(handle -> {
            AlertDao dao = handle.attach(AlertDao.class);
            boolean changed = dao.setPaused(id, paused, clock.instant()) == 1;
            if (changed && paused) {
                dao.deleteWaitingMatches(id);
            }
            return changed;
        });
    }

    /** Pause every alert of a subscriber (the one-click unsubscribe of an alert email); returns how many. */
    int pauseAllOf(long subscriberId) {
        return jdbi.inTransaction(handle -> {
            AlertDao dao = handle.attach(AlertDao.class);
            int paused = dao.pauseAllOf(subscriberId, clock.instant());
            dao.deleteWaitingOfSubscriber(subscriberId);
            return paused;
        });
    }

    boolean delete(long id) {
        return jdbi.withExtension(AlertDao.class, dao -> dao.delete(id)) == 1;
    }

    /** The alerts matched against new items: not paused, of active subscribers. */
    List<Alert> matching() {
        return jdbi.withExtension(AlertDao.class, AlertDao::matching);
    }

    /** How many alerts {@link #matching()} would give. */
    int countMatching() {
        return jdbi.withExtension(AlertDao.class, AlertDao::countMatching);
    }

    /** Drop the matches waiting for an email of subscribers who are not active (they left, bounced, or are pending). */
    int dropWaitingOfInactive() {
        return jdbi.withExtension(AlertDao.class, AlertDao::dropWaitingOfInactive);
    }

    /** Record that an alert matched an item, unless it was recorded before; true if recorded now. */
    boolean recordMatch(Alert alert, long itemId) {
        try {
            return jdbi.withExtension(AlertDao.class,
                    dao -> dao.insertMatch(alert.id(), itemId, alert.subscriberId(), clock.instant())) == 1;
        } catch (UnableToExecuteStatementException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                return false; // recorded at the same moment by another process
            }
            throw e;
        }
    }

    /** Per subscriber and frequency, the matches of unpaused alerts of active subscribers that no email carries yet. */
    public List<WaitingMatches> waiting() {
        return jdbi.withExtension(AlertDao.class, AlertDao::waiting).stream()
                .map(r -> new WaitingMatches(r.subscriberId(), AlertFrequency.valueOf(r.frequency()), r.oldest(),
                        r.total()))
                .toList();
    }

    /**
     * Give an email (a ledger row) the subscriber's waiting matches of one frequency found up to {@code upTo}; each
     * match goes to one email only. Returns how many it took now (none on a retry of the same email).
     */
    public int claim(long deliveryId, long subscriberId, AlertFrequency frequency, Instant upTo) {
        return jdbi.withExtension(AlertDao.class, dao -> dao.claim(deliveryId, subscriberId, frequency.name(), upTo));
    }

    /** The matches an email carries, by alert. */
    public List<AlertMatch> ofDelivery(long deliveryId) {
        return jdbi.withExtension(AlertDao.class, dao -> dao.ofDelivery(deliveryId));
    }

    /** How many alerts there are, and how many items they matched since {@code since}. */
    public AlertTotals totals(Instant since) {
        return jdbi.withExtension(AlertDao.class, dao -> dao.totals(since));
    }

    /** The latest matches of an alert, newest first. */
    public List<AlertMatch> recentMatches(long alertId, int limit) {
        return jdbi.withExtension(AlertDao.class, dao -> dao.recentMatches(alertId, limit));
    }

    /** How much each of these alerts matched (every id present; {@link AlertVolume#NONE} for an unknown one). */
    public Map<Long, AlertVolume> volumes(Collection<Long> alertIds) {
        if (alertIds.isEmpty()) {
            return Map.of();
        }
        Instant now = clock.instant();
        Map<Long, AlertVolume> found = jdbi.withExtension(AlertDao.class,
                dao -> dao.volumes(alertIds, now.minus(Duration.ofDays(7)), now.minus(Duration.ofDays(30)))).stream()
                .collect(Collectors.toMap(AlertDao.VolumeRow::alertId, r -> new AlertVolume(r.lastWeek(),
                        r.lastMonth(), r.total(), r.waiting(), r.lastMatchedAt())));
        return alertIds.stream().distinct().collect(Collectors.toMap(Function.identity(),
                id -> found.getOrDefault(id, AlertVolume.NONE)));
    }

    /** Alerts with their subscriber's address and volume, newest first; a null subscriber means everyone's. */
    public List<AlertListing> listing(Long subscriberId, int limit) {
        return listing(subscriberId, null, null, limit);
    }

    /**
     * Alerts with their subscriber's address and volume, newest first; a null filter means any.
     *
     * @param paused true: only paused ones; false: only active ones
     */
    public List<AlertListing> listing(Long subscriberId, AlertFrequency frequency, Boolean paused, int limit) {
        List<AlertDao.ListingRow> rows = jdbi.withExtension(AlertDao.class, dao -> dao.listing(subscriberId,
                frequency == null ? null : frequency.name(), paused, limit));
        Map<Long, AlertVolume> volumes = volumes(rows.stream().map(AlertDao.ListingRow::id).toList());
        return rows.stream().map(r -> new AlertListing(new Alert(r.id(), r.subscriberId(), r.query(), r.frequency(),
                r.paused(), r.createdAt(), r.updatedAt()), r.email(), volumes.get(r.id()))).toList();
    }
}
