package dev.gazette.item;

import dev.gazette.Sha256;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An item as collected, ready to be stored: cleaned, its link made canonical, its topics chosen.
 *
 * @param linkKey identifies the item across sources (see {@link CanonicalLinks}); null when it has no link
 */
public record ItemDraft(
        ItemKind kind,
        String guid,
        String link,
        String linkKey,
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
        List<String> topics) {

    public ItemDraft {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(guid, "guid");
        Objects.requireNonNull(title, "title");
        categories = List.copyOf(categories);
        topics = topics.stream().distinct().sorted().toList();
    }

    /** A copy tagged with these topics. */
    public ItemDraft withTopics(List<String> newTopics) {
        return new ItemDraft(kind, guid, link, linkKey, title, summaryHtml, summaryText, categories, publishedAt,
                updatedAt, startsAt, endsAt, allDay, timeZone, location, newTopics);
    }

    /** A copy that does not claim its link: another stored item already does. */
    public ItemDraft withoutLinkKey() {
        return new ItemDraft(kind, guid, link, null, title, summaryHtml, summaryText, categories, publishedAt,
                updatedAt, startsAt, endsAt, allDay, timeZone, location, topics);
    }

    /** A digest of everything stored about the item, to tell a changed item from an unchanged one. */
    public String contentHash() {
        String all = String.join("\u0000", kind.name(), String.valueOf(link), title, summaryHtml,
                String.join("\u0001", categories), String.valueOf(publishedAt), String.valueOf(updatedAt),
                String.valueOf(startsAt), String.valueOf(endsAt), String.valueOf(allDay), String.valueOf(timeZone),
                String.valueOf(location), String.join("\u0001", topics));
        return Sha256.hex(all);
    }

}
