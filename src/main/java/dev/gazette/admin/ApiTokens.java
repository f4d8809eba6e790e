package dev.gazette.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;

/**
 * API tokens: each {@value #PREFIX} followed by 256 random bits, named, shown once when created, revocable. Only
 * a token's SHA-256 is stored, so the database cannot give one away; {@link #verify} looks a presented token up by
 * that hash.
 */
public final class ApiTokens {
    /** Every token starts with this, so a leaked one is easy to recognise (and to search for in code). */
    public static final String PREFIX = "gzt_";
    public static final int MAX_NAME_LENGTH = 100;
    private static final int SECRET_LENGTH = PREFIX.length() + 43;

    private final Jdbi jdbi;
    private final Clock clock;

    ApiTokens(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Create a token; the returned secret is the only copy.
     *
     * @param createdBy the admin's name, or "cli"
     * @throws AdminException when the name is empty, too long, or has control characters
     */
    public NewApiToken create(String name, String createdBy) {
        String checked = name == null ? "" : name.strip();
        if (checked.isEmpty()) {
            throw new AdminException("a token needs a name that says what it is for");
        }
        if (checked.length() > MAX_NAME_LENGTH) {
            throw new AdminException("a token's name must be at most " + MAX_NAME_LENGTH + " characters");
        }
        if (checked.chars().anyMatch(Character::isISOControl)) {
            throw new AdminException("a token's name must be one line, without control characters");
        }
        String secret = PREFIX + Secrets.random(32);
        long id = jdbi.withExtension(ApiTokenDao.class,
                dao -> dao.insert(checked, Secrets.hash(secret), createdBy, clock.instant()));
        return new NewApiToken(find(id).orElseThrow(), secret);
    }

    public Optional<ApiToken> find(long id) {
        return jdbi.withExtension(ApiTokenDao.class, dao -> dao.find(id));
    }

    /** Every token, working ones first, newest first. */
    public List<ApiToken> list() {
        return jdbi.withExtension(ApiTokenDao.class, ApiTokenDao::list);
    }

    /** Revoke a token at once; returns false when there is no such token or it was revoked already. */
    public boolean revoke(long id, String revokedBy) {
        return jdbi.withExtension(ApiTokenDao.class, dao -> dao.revoke(id, revokedBy, clock.instant())) > 0;
    }

    /**
     * The working token a client presented ({@code Authorization: Bearer <token>}: pass what follows "Bearer "),
     * its use recorded; empty for a malformed, unknown or revoked one. Never throws for bad input.
     */
    public Optional<ApiToken> verify(String bearerToken) {
        if (bearerToken == null) {
            return Optional.empty();
        }
        String presented = bearerToken.strip();
        if (presented.length() != SECRET_LENGTH || !presented.startsWith(PREFIX)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return jdbi.withExtension(ApiTokenDao.class, dao -> {
            Optional<ApiToken> token = dao.findActiveByHash(Secrets.hash(presented));
            token.ifPresent(t -> dao.markUsed(t.id(), now, now.minus(Duration.ofMinutes(1))));
            return token;
        });
    }
}
