package dev.gazette.admin;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * The audit log: who did what to what, and when, for every admin action from the console, the REST API and the
 * command line. Entries are only ever added. Long values are cut to the column sizes, never refused: an action
 * is never lost for want of a log line.
 */
public final class AuditLog {
    /** The actor of the command line. */
    public static final String CLI = "cli";
    /** The actor of what {@code gazette serve} does by itself at start-up. */
    public static final String SERVE = "serve";

    private final Jdbi jdbi;
    private final Clock clock;

    AuditLog(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** The actor name of a request made with an API token. */
    public static String tokenActor(ApiToken token) {
        return "token:" + token.name();
    }

    /**
     * Record an action.
     *
     * @param target what it was done to, or null
     * @param detail more, for people, or null
     */
    public void record(String actor, String action, String target, String detail) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(action, "action");
        jdbi.useExtension(AuditDao.class, dao -> dao.insert(clock.instant(), cut(actor, 100), cut(action, 64),
                cut(target, 400), cut(detail, 2000)));
    }

    /**
     * The newest entries first.
     *
     * @param actor only this actor's, or null
     * @param action only this action, or those under it ("subscriber" gives subscriber.update, subscriber.delete,
     *     ...), or null
     * @param beforeId only entries older than this id (the last id of the previous page), or 0 for the newest
     */
    public List<AuditEntry> list(String actor, String action, long beforeId, int limit) {
        return jdbi.withExtension(AuditDao.class, dao -> dao.list(blankToNull(actor), blankToNull(action),
                beforeId <= 0 ? Long.MAX_VALUE : beforeId, limit));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 1) + "…";
    }
}
