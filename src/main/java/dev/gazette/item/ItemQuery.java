package dev.gazette.item;

import java.time.Instant;

/**
 * Filters for listing items; null means "any".
 *
 * @param since only items dated (published, or starting for events) at or after this
 * @param limit the most items returned, newest first
 */
public record ItemQuery(String sourceId, String topic, ItemKind kind, Instant since, int limit) {
    public static ItemQuery all() {
        return new ItemQuery(null, null, null, null, Integer.MAX_VALUE);
    }
}
