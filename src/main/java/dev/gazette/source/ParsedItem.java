package dev.gazette.source;

import dev.gazette.item.ItemKind;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One item as a parser read it from a source, cleaned but not yet stored.
 *
 * @param kind article or event
 * @param guid the source's own identifier (feed guid/id, iCalendar UID plus occurrence); never blank.
 *     Parsers derive a stable one (the link, else a hash of title and date) when the source has none.
 * @param title plain text, whitespace collapsed, never blank
 * @param link absolute http(s) address, or null
 * @param summaryHtml sanitised HTML (see {@link HtmlSanitizer}), or empty
 * @param publishedAt when the source says it was published, or null when it does not say
 * @param updatedAt when the source says it was last updated, or null
 * @param categories the source's own categories or tags, as written
 * @param event when and where, for events; null for articles
 */
public record ParsedItem(
        ItemKind kind,
        String guid,
        String title,
        String link,
        String summaryHtml,
        Instant publishedAt,
        Instant updatedAt,
        List<String> categories,
        EventDetails event) {

    public ParsedItem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(guid, "guid");
        Objects.requireNonNull(title, "title");
        summaryHtml = summaryHtml == null ? "" : summaryHtml;
        categories = categories == null ? List.of() : List.copyOf(categories);
        if (kind == ItemKind.EVENT && event == null) {
            throw new IllegalArgumentException("an event needs event details: " + title);
        }
    }
}
