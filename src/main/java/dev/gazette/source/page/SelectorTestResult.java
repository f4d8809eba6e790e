package dev.gazette.source.page;

import dev.gazette.source.HtmlSanitizer;
import dev.gazette.source.ParsedItem;
import java.time.Instant;
import java.util.List;

/**
 * What a page's selectors extract, tried before saving them (see {@link SelectorTester}).
 *
 * @param url the page tried
 * @param matched how many elements the {@code item} selector matched on it
 * @param found how many items could be read from them (with a title, and for events a readable start)
 * @param items the first of those items, as they would be stored
 * @param errors what stops collection, each naming its selector or the address ("item selector 'li.post' matched
 *     nothing on the page"); empty when the page can be collected
 * @param warnings what would be collected incompletely, each naming its selector ("location selector '.venue'
 *     matched nothing in the 5 items")
 */
public record SelectorTestResult(String url, int matched, int found, List<Preview> items, List<String> errors,
        List<String> warnings) {

    public SelectorTestResult {
        items = List.copyOf(items);
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** Whether the page can be collected with these selectors. */
    public boolean ok() {
        return errors.isEmpty();
    }

    /**
     * One item as it would be stored. Texts are plain (the summary's HTML reduced to its text).
     *
     * @param link absolute http(s) address, or null
     * @param date the publication date, or null when the date selector found none or it could not be read
     * @param start an event's start (all-day: midnight UTC of its day), or null for articles
     * @param end an event's end, or null
     * @param location an event's venue, or null
     */
    public record Preview(String title, String link, Instant date, String summary, Instant start, Instant end,
            boolean allDay, String location) {

        static Preview of(ParsedItem item) {
            var event = item.event();
            return new Preview(item.title(), item.link(), item.publishedAt(), HtmlSanitizer.text(item.summaryHtml()),
                    event == null ? null : event.startsAt(), event == null ? null : event.endsAt(),
                    event != null && event.allDay(), event == null ? null : event.location());
        }
    }
}
