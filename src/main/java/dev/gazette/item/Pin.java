package dev.gazette.item;

import java.time.Instant;

/**
 * An item the editors feature in the next edition.
 *
 * @param pinnedBy who pinned it (an admin's name)
 * @param pinnedAt when; each subscriber's digest whose window contains this shows it as featured
 */
public record Pin(Item item, String pinnedBy, Instant pinnedAt) {}
