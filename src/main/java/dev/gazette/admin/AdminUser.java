package dev.gazette.admin;

import java.time.Instant;

/**
 * Someone who may use the admin console, the admin commands and create API tokens. All admins may do everything.
 *
 * @param name as given when created; log-in ignores its case
 * @param lastLoginAt null until their first log-in to the console
 */
public record AdminUser(long id, String name, Instant createdAt, Instant passwordChangedAt, Instant lastLoginAt) {}
