package dev.gazette.admin;

import java.time.Instant;

/**
 * A logged-in browser of an admin.
 *
 * @param lastSeenAt when it was last used; it ends {@code admin.session-timeout} after this
 */
public record AdminSession(long adminId, String adminName, Instant createdAt, Instant lastSeenAt) {}
