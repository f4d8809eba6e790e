package dev.gazette.digest;

import dev.gazette.item.Item;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Groups stored event occurrences into the series they belong to, so that a digest lists a recurring event once.
 *
 * <p>Two occurrences are of one series when either rule holds, tried in this order:
 * <ol>
 *   <li><b>The same calendar series.</b> The iCalendar reader stores each occurrence of a recurring VEVENT with
 *       the guid {@code <UID>/<original start>}, the start being an instant as {@link Instant#toString()} writes
 *       it ({@code oncology-club@example.org/2026-12-01T17:00:00Z}); the original start is the occurrence's slot,
 *       so an occurrence moved or retitled by a RECURRENCE-ID override still belongs to its series. Occurrences
 *       whose guids have that form are one series when they come from the same source and their guids have the
 *       same part before the last {@code /}. Their titles, links and venues may differ.</li>
 *   <li><b>The same listing.</b> Any other event (a page or feed event, a one-off calendar event, a calendar event
 *       without a UID) joins another such event only when their titles, links and locations are all exactly
 *       equal, from any source. An event without a link is never merged this way: a title and a venue alone
 *       ("Seminar", "Room 4") say too little.</li>
 * </ol>
 * An event of the first kind is never merged with one of the second.
 */
final class EventSeriesGrouping {
    /** {@code <UID>/<instant>}: an occurrence of a recurring calendar event. */
    private static final Pattern OCCURRENCE =
            Pattern.compile("(.+)/(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?Z)");

    private EventSeriesGrouping() {}

    /** What identifies an event's series. */
    private sealed interface Key {}

    private record CalendarSeries(String sourceId, String uid) implements Key {}

    private record SameListing(String title, String link, String location) implements Key {}

    private record OwnEvent(long id) implements Key {}

    /**
     * The series of these occurrences, each in the order of its first occurrence, its occurrences in the given
     * order.
     *
     * @param soonestFirst occurrences ordered by start
     */
    static List<EventSeries> group(List<Item> soonestFirst) {
        Map<Key, List<Item>> series = new LinkedHashMap<>();
        for (Item occurrence : soonestFirst) {
            series.computeIfAbsent(keyOf(occurrence), k -> new ArrayList<>()).add(occurrence);
        }
        return series.values().stream().map(EventSeries::new).toList();
    }

    private static Key keyOf(Item event) {
        Matcher occurrence = OCCURRENCE.matcher(event.guid());
        if (occurrence.matches() && isInstant(occurrence.group(2))) {
            return new CalendarSeries(event.sourceId(), occurrence.group(1));
        }
        if (event.link() != null) {
            return new SameListing(event.title(), event.link(), event.location());
        }
        return new OwnEvent(event.id());
    }

    /** Written exactly as {@link Instant#toString()} writes it. */
    private static boolean isInstant(String text) {
        try {
            return Instant.parse(text).toString().equals(text);
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
