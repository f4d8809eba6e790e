package dev.gazette.digest;

import dev.gazette.item.Item;
import dev.gazette.subscriber.Frequency;
import dev.gazette.subscriber.Subscriber;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What goes into one subscriber's digest, chosen by {@link DigestSelector}: the articles first collected in the
 * window, in one section per followed topic, and the upcoming events of their topics.
 *
 * @param edition daily or weekly, from the subscriber's frequency
 * @param date the edition's date: the subscriber's local date at the end of the window
 * @param windowStart articles first collected at or after this are new ...
 * @param windowEnd ... up to (not including) this
 * @param sections one per followed topic with new articles, in the configured topic order; an article tagged
 *     with several followed topics is in the first of them only
 * @param events upcoming (or going-on) events of the followed topics, each recurring event once as a series of
 *     its occurrences (see {@link EventSeries}), soonest first, at most {@code digest.max-events} series
 * @param moreEvents how many more upcoming events (series) there are beyond {@code events}
 * @param newEventCount how many of all the upcoming events (series, listed or not) are new: have an occurrence
 *     first collected in the window. A series whose five occurrences were all first collected in the window is one
 *     new event, as a reader counts it (the subject's "1 new event").
 * @param notes the editors' notes written in the window and not withdrawn, oldest first (see {@link EditorNotes})
 * @param featured the items the editors pinned in the window, in the order pinned; shown above the sections, and an
 *     article featured is not listed again in a section
 */
public record Digest(
        Subscriber subscriber,
        Edition edition,
        LocalDate date,
        Instant windowStart,
        Instant windowEnd,
        List<Section> sections,
        List<EventSeries> events,
        int moreEvents,
        int newEventCount,
        List<EditorNote> notes,
        List<Item> featured) {

    public Digest {
        Objects.requireNonNull(subscriber, "subscriber");
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(date, "date");
        sections = List.copyOf(sections);
        events = List.copyOf(events);
        notes = List.copyOf(notes);
        featured = List.copyOf(featured);
    }

    /** A digest without editor's notes or featured items. */
    public Digest(Subscriber subscriber, Edition edition, LocalDate date, Instant windowStart, Instant windowEnd,
            List<Section> sections, List<EventSeries> events, int moreEvents, int newEventCount) {
        this(subscriber, edition, date, windowStart, windowEnd, sections, events, moreEvents, newEventCount, List.of(),
                List.of());
    }

    /** Which digest this is; it names the edition in the subject and the text. */
    public enum Edition {
        DAILY,
        WEEKLY;

        /** The edition of a subscriber's frequency; a paused subscriber (e.g. a test send) gets the weekly one. */
        public static Edition of(Frequency frequency) {
            return frequency == Frequency.DAILY ? DAILY : WEEKLY;
        }
    }

    /**
     * The new articles of one topic.
     *
     * @param topic the topic's slug
     * @param name the topic's display name from the configuration
     * @param articles newest first (by publication, else by when first collected), at most
     *     {@code digest.max-items-per-topic}
     * @param more how many more new articles of this topic there are beyond {@code articles}
     */
    public record Section(String topic, String name, List<Item> articles, int more) {
        public Section {
            articles = List.copyOf(articles);
        }

        /** Every new article of the section, shown or counted. */
        public int total() {
            return articles.size() + more;
        }
    }

    /** How many new articles the digest has, shown or counted as "more". */
    public int articleCount() {
        return sections.stream().mapToInt(Section::total).sum();
    }

    /** How many upcoming events (series) the digest has, shown or counted as "more". */
    public int eventCount() {
        return events.size() + moreEvents;
    }

    /**
     * Whether there is nothing new: no article and no occurrence of an upcoming event was first collected in the
     * window, and the editors wrote no note and featured nothing in it. Events already known from an earlier digest
     * are listed again in every digest, so they alone do not make one worth sending; a note does (it would otherwise
     * be lost to the readers whose digest was skipped).
     */
    public boolean isEmpty() {
        return articleCount() == 0 && newEventCount == 0 && notes.isEmpty() && featured.isEmpty();
    }

    /** Whether an item was first collected in this digest's window. */
    public boolean isNew(Item item) {
        Instant seen = item.firstSeenAt();
        return seen != null && !seen.isBefore(windowStart) && seen.isBefore(windowEnd);
    }

    /** Whether an event is new to the reader: any of its occurrences was first collected in this digest's window. */
    public boolean isNew(EventSeries event) {
        return event.occurrences().stream().anyMatch(this::isNew);
    }
}
