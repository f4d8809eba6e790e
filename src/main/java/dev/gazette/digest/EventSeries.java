package dev.gazette.digest;

import dev.gazette.item.Item;
import java.util.List;

/**
 * One upcoming event as a digest lists it: a one-off event, or the occurrences of a recurring event ahead of the
 * reader within the event horizon, which Gazette stores one item per occurrence (see {@link EventSeriesGrouping} for
 * how occurrences are recognised as one series). The digest shows the soonest occurrence and mentions the later
 * dates.
 *
 * @param occurrences soonest first; never empty; a one-off event has one
 */
public record EventSeries(List<Item> occurrences) {
    public EventSeries {
        occurrences = List.copyOf(occurrences);
        if (occurrences.isEmpty()) {
            throw new IllegalArgumentException("an event series has at least one occurrence");
        }
    }

    /** A one-off event (or a series of which only this occurrence is ahead). */
    public static EventSeries of(Item event) {
        return new EventSeries(List.of(event));
    }

    /** The soonest occurrence: the one the digest shows. */
    public Item next() {
        return occurrences.get(0);
    }

    /** The occurrences after {@link #next()}, soonest first; empty for a one-off event. */
    public List<Item> later() {
        return occurrences.subList(1, occurrences.size());
    }
}
