package dev.gazette.admin;

import java.time.Instant;

/**
 * A token for the REST API, as stored (the token itself is not: it is shown once, when created).
 *
 * @param name what it is for, given by the admin who created it
 * @param createdBy the admin (or "cli") who created it
 * @param lastUsedAt when it last authenticated a request (to the minute), or null
 * @param revokedAt when it was revoked, or null while it works
 */
public record ApiToken(long id, String name, String createdBy, Instant createdAt, Instant lastUsedAt, Instant revokedAt,
        String revokedBy) {

    public boolean active() {
        return revokedAt == null;
    }
}
