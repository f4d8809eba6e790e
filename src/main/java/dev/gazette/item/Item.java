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

    /**
     * The item's link when it is an absolute http or https address, else null: other schemes (javascript:, data:)
     * never become links, wherever an item is shown.
     */
    public String webLink() {
        return webLink(link);
    }

    /** The address when it is an absolute http or https URL (no spaces or control characters), else null. */
    public static String webLink(String address) {
        if (address == null) {
            return null;
        }
        String candidate = address.strip();
        if (candidate.isEmpty() || candidate.chars().anyMatch(c -> c <= ' ' || c == 0x7F)) {
            return null;
        }
        try {
            java.net.URI uri = new java.net.URI(candidate);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null ? candidate : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** A copy with the given topics. */
    public Item withTopics(List<String> newTopics) {
        return new Item(id, sourceId, kind, guid, link, title, summaryHtml, summaryText, categories, publishedAt,
                updatedAt, startsAt, endsAt, allDay, timeZone, location, firstSeenAt, newTopics);
    }
}
