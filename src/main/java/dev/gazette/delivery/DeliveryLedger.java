package dev.gazette.delivery;

import dev.gazette.db.SqlErrors;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The delivery ledger: one row per subscriber and edition, written before anything is handed to SMTP, and
 * moved along QUEUED, SENDING, then SENT, FAILED or SKIPPED. The unique (subscriber, edition) key makes
 * planning idempotent; claiming a row is a conditional update, so two senders never both take it; a claim
 * holds for a lease, so a row left SENDING by a crash is taken up again once its lease runs out.
 */
public final class DeliveryLedger {
    private static final String FINISH = ClasspathSqlLocator.removingComments().locate(DeliveryDao.class, "finish");
    private final Jdbi jdbi;
    private final Clock clock;

    public DeliveryLedger(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Write a planned delivery unless one exists for the same subscriber and edition; true if written now. */
    boolean plan(NewDelivery delivery) {
        try {
            return jdbi.withExtension(DeliveryDao.class, dao -> dao.insert(delivery, clock.instant())) == 1;
        } catch (UnableToExecuteStatementException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                return false; // planned already, by an earlier run or another process
            }
            throw e;
        }
    }

    /**
     * Write planned deliveries, none of which the ledger held when the caller looked: one batch in one transaction.
     * If another planner wrote one of them meanwhile, the batch is undone and each is written on its own. Returns how
     * many were written now.
     */
    int planAll(List<NewDelivery> deliveries) {
        if (deliveries.isEmpty()) {
            return 0;
        }
        try {
            Instant now = clock.instant();
            return jdbi.inTransaction(handle -> handle.attach(DeliveryDao.class).insertAll(deliveries, now).length);
        } catch (UnableToExecuteStatementException e) {
            if (!SqlErrors.isUniqueViolation(e)) {
                throw e;
            }
            int written = 0;
            for (NewDelivery delivery : deliveries) {
                written += plan(delivery) ? 1 : 0;
            }
            return written;
        }
    }

    public Optional<Delivery> find(long id) {
        return jdbi.withExtension(DeliveryDao.class, dao -> dao.find(id));
    }

    public Optional<Delivery> find(long subscriberId, String edition) {
        return jdbi.withExtension(DeliveryDao.class, dao -> dao.findByEdition(subscriberId, edition));
    }

    /** For each of these subscribers that had one: where their latest digest's window ended. */
    Map<Long, Instant> lastWindowEnds(Collection<Long> subscriberIds) {
        if (subscriberIds.isEmpty()) {
            return Map.of();
        }
        return jdbi.withExtension(DeliveryDao.class, dao -> dao.lastWindowEnds(subscriberIds)).stream()
                .collect(Collectors.toMap(DeliveryDao.WindowEnd::subscriberId, DeliveryDao.WindowEnd::windowEnd));
    }

    /** Which of these (subscriber, edition) pairs are in the ledger already, as "id edition" strings. */
    Set<String> planned(Collection<Long> subscriberIds, Collection<String> editions) {
        if (subscriberIds.isEmpty() || editions.isEmpty()) {
            return Set.of();
        }
        return jdbi.withExtension(DeliveryDao.class, dao -> dao.planned(subscriberIds, editions)).stream()
                .map(p -> p.subscriberId() + " " + p.edition())
                .collect(Collectors.toSet());
    }

    /** Deliveries waiting to be sent now, oldest first. */
    List<Long> claimable(int limit) {
        return jdbi.withExtension(DeliveryDao.class, dao -> dao.claimable(clock.instant(), limit));
    }

    /** Take a delivery for sending, for at most {@code lease}; false if another sender has it or it is done. */
    boolean claim(long id, Duration lease) {
        return !claimAll(List.of(id), lease).isEmpty();
    }

    /**
     * Take these deliveries for sending, for at most {@code lease}, with two statements however many: those still
     * waiting are stamped with a fresh claim token, then read back by it. Returns the ones taken, by id; those another
     * sender has, or that are done, are not among them.
     */
    List<Delivery> claimAll(Collection<Long> ids, Duration lease) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        String token = UUID.randomUUID().toString();
        return jdbi.inTransaction(handle -> {
            DeliveryDao dao = handle.attach(DeliveryDao.class);
            return dao.claimAll(ids, token, now, now.plus(lease)) == 0 ? List.of() : dao.claimed(ids, token);
        });
    }

    void sent(long id, int itemCount) {
        finish(id, DeliveryStatus.SENT, null, itemCount);
    }

    void skipped(long id, String reason, Integer itemCount) {
        finish(id, DeliveryStatus.SKIPPED, reason, itemCount);
    }

    void failed(long id, String error) {
        finish(id, DeliveryStatus.FAILED, error, null);
    }

    void retryAt(long id, String error, Instant at) {
        jdbi.useExtension(DeliveryDao.class, dao -> dao.retryLater(id, clip(error), at, clock.instant()));
    }

    /** When the earliest delivery still waiting may next be attempted; empty if none waits for a time. */
    Optional<Instant> nextRetry() {
        return jdbi.withExtension(DeliveryDao.class, DeliveryDao::nextRetry);
    }

    /** When the latest email about this subscriber's subscription (CONFIRM or NOTICE) was recorded, if ever. */
    Optional<Instant> lastNoticeAt(long subscriberId) {
        return jdbi.withExtension(DeliveryDao.class, dao -> dao.lastNoticeAt(subscriberId));
    }

    /** When the latest alert email whose edition starts with this prefix was recorded for the subscriber, if ever. */
    Optional<Instant> lastAlertAt(long subscriberId, String editionPrefix) {
        return jdbi.withExtension(DeliveryDao.class, dao -> dao.lastAlertAt(subscriberId, editionPrefix + "%"));
    }

    public Map<DeliveryStatus, Integer> countByStatus() {
        Map<DeliveryStatus, Integer> counts = new EnumMap<>(DeliveryStatus.class);
        for (DeliveryStatus status : DeliveryStatus.values()) {
            counts.put(status, 0);
        }
        jdbi.withExtension(DeliveryDao.class, DeliveryDao::countByStatus)
                .forEach(row -> counts.put(DeliveryStatus.valueOf(row.status()), row.count()));
        return counts;
    }

    /** Deliveries of one manual send waiting to be sent now, oldest first. */
    List<Long> claimableOfJob(long jobId, int limit) {
        return jdbi.withExtension(DeliveryDao.class, dao -> dao.claimableOfJob(jobId, clock.instant(), limit));
    }

    /** When the earliest delivery of one manual send still waiting may next be attempted. */
    Optional<Instant> nextRetryOfJob(long jobId) {
        return jdbi.withExtension(DeliveryDao.class, dao -> dao.nextRetryOfJob(jobId));
    }

    /** How many deliveries of one manual send are in each state (every state present, 0 for none). */
    public Map<DeliveryStatus, Integer> countByJob(long jobId) {
        Map<DeliveryStatus, Integer> counts = new EnumMap<>(DeliveryStatus.class);
        for (DeliveryStatus status : DeliveryStatus.values()) {
            counts.put(status, 0);
        }
        jdbi.withExtension(DeliveryDao.class, dao -> dao.countByJob(jobId))
                .forEach(row -> counts.put(DeliveryStatus.valueOf(row.status()), row.count()));
        return counts;
    }

    /** The deliveries of one manual send, newest first; a null status means any. */
    public List<Delivery> listOfJob(long jobId, DeliveryStatus status, int limit) {
        return jdbi.withExtension(DeliveryDao.class,
                dao -> dao.listOfJob(jobId, status == null ? null : status.name(), limit));
    }

    /** The latest deliveries, newest first; null filters mean any. */
    public List<Delivery> list(DeliveryStatus status, Long subscriberId, int limit) {
        return jdbi.withExtension(DeliveryDao.class,
                dao -> dao.list(status == null ? null : status.name(), subscriberId, limit));
    }

    /**
     * Put FAILED deliveries back in the queue, attempts reset, to be sent by the next run (the next digest check,
     * or {@link DigestDispatcher#sendQueued()}); their window and Message-ID stay. Returns how many.
     *
     * @param subscriberId only this subscriber's, or null for all
     */
    public int retryFailed(Long subscriberId) {
        return jdbi.withExtension(DeliveryDao.class, dao -> dao.retryFailed(subscriberId, clock.instant()));
    }

    /**
     * Once per message, so run as a plain statement of the SQL in {@code DeliveryDao/finish.sql}, read once: through the
     * SQL object each call located its SQL again, about 90 KB of garbage per message.
     */
    private void finish(long id, DeliveryStatus status, String error, Integer itemCount) {
        jdbi.useHandle(handle -> handle.createUpdate(FINISH)
                .bind("id", id)
                .bind("status", status.name())
                .bind("error", clip(error))
                .bindByType("itemCount", itemCount, Integer.class)
                .bind("now", clock.instant())
                .execute());
    }

    private static String clip(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 1997) + "...";
    }
}
