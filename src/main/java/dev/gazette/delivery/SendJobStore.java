package dev.gazette.delivery;

import dev.gazette.db.SqlErrors;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The manual sends, in the database. A job's request key is unique, so recording the same request twice (a double
 * click, two browser tabs, two processes) gives one job; moving a job on is a conditional update, so two runners
 * never both begin it.
 */
final class SendJobStore {
    private final Jdbi jdbi;
    private final Clock clock;

    SendJobStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Record a job for the request unless one with the same key exists; either way, the job of that key. */
    SendJob create(String requestKey, SendRequest request, String createdBy) {
        try {
            long id = jdbi.withExtension(SendJobDao.class,
                    dao -> dao.insert(requestKey, request, createdBy, clock.instant()));
            return find(id).orElseThrow();
        } catch (UnableToExecuteStatementException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                return findByRequestKey(requestKey).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    Optional<SendJob> find(long id) {
        return jdbi.withExtension(SendJobDao.class, dao -> dao.find(id));
    }

    Optional<SendJob> findByRequestKey(String requestKey) {
        return jdbi.withExtension(SendJobDao.class, dao -> dao.findByRequestKey(requestKey));
    }

    List<SendJob> list(int limit) {
        return jdbi.withExtension(SendJobDao.class, dao -> dao.list(limit));
    }

    /** Jobs not done or failed: not begun, or begun and (perhaps) interrupted. */
    List<SendJob> unfinished() {
        return jdbi.withExtension(SendJobDao.class, SendJobDao::unfinished);
    }

    /** Begin a job that has not begun; false if another runner began it. */
    boolean markRunning(long id) {
        return jdbi.withExtension(SendJobDao.class, dao -> dao.markRunning(id, clock.instant())) == 1;
    }

    void markPlanned(long id, int alreadyHad) {
        jdbi.useExtension(SendJobDao.class, dao -> dao.markPlanned(id, alreadyHad, clock.instant()));
    }

    /** End a job that is not over yet; false if it was. */
    boolean finish(long id, SendJobStatus status, String error) {
        String clipped = error == null || error.length() <= 2000 ? error : error.substring(0, 1997) + "...";
        return jdbi.withExtension(SendJobDao.class,
                dao -> dao.finish(id, status.name(), clipped, clock.instant())) == 1;
    }
}
