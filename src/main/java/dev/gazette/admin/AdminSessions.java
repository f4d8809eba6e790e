package dev.gazette.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Admin sessions, kept in the database so they survive a restart and work across instances. A session id is 256
 * random bits, given to the browser once; only its SHA-256 is stored, so a copy of the database logs no one in.
 * A session ends after {@code admin.session-timeout} without use, at log-out, and when its admin's password
 * changes (except the browser that changed it).
 */
public final class AdminSessions {
    private final Jdbi jdbi;
    private final Clock clock;
    private final Duration timeout;

    AdminSessions(Jdbi jdbi, Clock clock, Duration timeout) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** Start a session for an admin who just logged in; returns its id, for the cookie (not stored anywhere). */
    public String start(AdminUser admin) {
        String id = Secrets.random(32);
        Instant now = clock.instant();
        jdbi.useExtension(SessionDao.class, dao -> {
            dao.deleteIdle(now.minus(timeout));
            dao.insert(Secrets.hash(id), admin.id(), now);
        });
        return id;
    }

    /**
     * The live session with this id, marked as used now; empty for an unknown, ended or idle one (an idle one is
     * ended here).
     */
    public Optional<AdminSession> use(String id) {
        if (id == null || id.isBlank() || id.length() > 100) {
            return Optional.empty();
        }
        String hash = Secrets.hash(id);
        Instant now = clock.instant();
        return jdbi.inTransaction(handle -> {
            SessionDao dao = handle.attach(SessionDao.class);
            Optional<AdminSession> session = dao.find(hash);
            if (session.isEmpty()) {
                return Optional.empty();
            }
            if (session.get().lastSeenAt().plus(timeout).isBefore(now)) {
                dao.delete(hash);
                return Optional.empty();
            }
            dao.touch(hash, now);
            AdminSession s = session.get();
            return Optional.of(new AdminSession(s.adminId(), s.adminName(), s.createdAt(), now));
        });
    }

    /** End a session (log-out); returns whether there was one. */
    public boolean end(String id) {
        if (id == null || id.isBlank()) {
            return false;
        }
        return jdbi.withExtension(SessionDao.class, dao -> dao.delete(Secrets.hash(id))) > 0;
    }

    /** End every session of an admin but {@code keepId} (null: all); returns how many ended. */
    public int endAll(long adminId, String keepId) {
        return jdbi.withExtension(SessionDao.class, dao -> dao.deleteOthers(adminId, keepId == null ? null : Secrets.hash(keepId)));
    }

    /** How many sessions of this admin are live. */
    public int countLive(long adminId) {
        return jdbi.withExtension(SessionDao.class, dao -> dao.countActive(adminId, clock.instant().minus(timeout)));
    }

    /** How long a session lasts without use. */
    public Duration timeout() {
        return timeout;
    }
}
