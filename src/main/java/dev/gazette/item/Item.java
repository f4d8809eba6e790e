package dev.gazette.item;

import java.time.Instant;
import java.util.List;

/**
 * A stored article or event.
 *
 * @param firstSeenAt when Gazette first collected it; digests select on this
 * @param startsAt for events: the start (all-day events: midnight UTC of the day); null for articles
 * @param topics the slugs of the topics it is tagged with, sorted
 */
public record Item(
        long id,
        String sourceId,
        ItemKind kind,
        String guid,
        String link,
        String title,
        String summaryHtml,
        String summaryText,
        List<String> categories,
        Instant publishedAt,
        Instant updatedAt,
        Instant startsAt,
        Instant endsAt,
        boolean allDay,
        String timeZone,
        String location,
        Instant firstSeenAt,
        List<String> topics) {

    public Item {
        categories = List.copyOf(categories);
        topics = List.copyOf(topics);
    }

    /** The date that places the item in time: an event's start, else its publication, else when first seen. */
    public Instant date() {
        if (startsAt != null) {
            return startsAt;
        }
        return publishedAt != null ? publishedAt : firstSeenAt;
    }

    /** A copy with the given topics. */
    public Item withTopics(List<String> newTopics) {
        return new Item(id, sourceId, kind, guid, link, title, summaryHtml, summaryText, categories, publishedAt,
                updatedAt, startsAt, endsAt, allDay, timeZone, location, firstSeenAt, newTopics);
    }
}
