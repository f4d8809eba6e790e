package dev.gazette.config;

import dev.gazette.item.ItemKind;
import java.util.List;

/**
 * How to read items from an HTML page that has no feed: CSS selectors (jsoup syntax). {@code item}
 * selects each item's element; the other selectors are applied inside it. A date element's
 * {@code datetime} or {@code content} attribute is preferred over its text.
 *
 * @param itemKind whether the page lists articles or events
 * @param item selects one element per item (required)
 * @param title the title inside the item (required)
 * @param link the link inside the item: the element's own href, else the first a[href] in it
 * @param date the publication date (articles)
 * @param summary a summary or teaser
 * @param start the start date or date-time (events, required for them)
 * @param end the end date or date-time (events)
 * @param location the venue (events)
 * @param dateFormats java.time patterns tried in order after ISO-8601, e.g. "MMM d, yyyy"
 * @param timeZone IANA zone for dates the page gives without an offset; empty means UTC, and events
 *     then carry no zone of their own
 * @param locale language tag for month names in dateFormats, e.g. "en"
 */
public record PageSelectors(
        ItemKind itemKind,
        String item,
        String title,
        String link,
        String date,
        String summary,
        String start,
        String end,
        String location,
        List<String> dateFormats,
        String timeZone,
        String locale) {}
