package dev.gazette.digest;

import java.util.List;

/**
 * What the digest templates see as {@code ${digest}}: every value ready to print, dates formatted for the reader.
 * Texts from feeds and subscribers are raw text here: the HTML template must print them with {@code th:text} or
 * {@code [[...]]}, which escape. Links are null unless they are http(s) URLs.
 *
 * @param name the subscriber's name ("" when none)
 * @param edition "daily" or "weekly"
 * @param editionLabel the edition in the reader's language (message {@code digest.edition.<edition>})
 * @param date the edition's date
 * @param news what is new, in words: "7 new articles and 2 new events" (messages {@code digest.news.*})
 * @param topics the names of the topics the subscriber follows, in the configured order
 * @param topicList the same, joined with ", "
 * @param articleCount the new articles, shown or counted as more
 * @param eventCount the upcoming events, shown or counted as more; a recurring event counts once
 * @param newEventCount how many upcoming events are new since the last digest (a recurring event once, however many
 *     of its occurrences are new)
 * @param empty nothing new (see {@link Digest#isEmpty()})
 * @param notes the editors' notes for this digest, oldest first (see {@link NoteView})
 * @param featured the items the editors featured, in the order pinned, shown above the sections
 */
public record DigestView(
        String name,
        String edition,
        String editionLabel,
        String date,
        String news,
        List<String> topics,
        String topicList,
        List<SectionView> sections,
        List<EventView> events,
        int moreEvents,
        int articleCount,
        int eventCount,
        int newEventCount,
        boolean empty,
        List<NoteView> notes,
        List<FeaturedView> featured) {

    /**
     * An editor's note.
     *
     * @param html the note rendered from Markdown and sanitised by Gazette ({@link NoteMarkdown}): the one value the
     *     HTML template prints unescaped, with {@code th:utext}
     * @param text the same as plain text, wrapped to 72 columns, for {@code digest.txt}
     */
    public record NoteView(String html, String text) {}

    /**
     * A featured item: an article or an event the editors pinned.
     *
     * @param url the link, or null when the item has none that is http(s)
     * @param when an article's date, or an event's date(s) and time(s), in the reader's zone and language
     * @param location an event's venue ("" when none, and for articles)
     * @param summary plain text, at most about 280 characters, cut at a word
     * @param event whether it is an event
     * @param calendarUrl an event's "add to calendar" address (an .ics file of that event), or null
     */
    public record FeaturedView(String title, String url, String when, String location, String summary,
            boolean event, String calendarUrl) {}

    /** One topic's new articles; {@code more} beyond those listed. */
    public record SectionView(String slug, String name, List<ArticleView> articles, int more) {}

    /**
     * @param url the link, or null when the item has none that is http(s)
     * @param date the publication date (else when first collected), in the reader's zone
     * @param summary plain text, at most about 280 characters, cut at a word
     */
    public record ArticleView(String title, String url, String date, String summary) {}

    /**
     * An upcoming event: a one-off event, or the soonest occurrence of a recurring one (its title, link, time,
     * venue and summary) with the dates of its later occurrences.
     *
     * @param when the date(s), and for a timed event the time(s) and the zone, for the reader
     * @param alsoOn for a recurring event, its later dates in words: "Also on Dec 9, Dec 16 and 3 more dates"
     *     (messages {@code digest.event.alsoOn.*}); "" for a one-off event
     * @param laterDates every later date of a recurring event within the event horizon, soonest first, each once,
     *     short ("Dec 9"; with the year when it differs from the first occurrence's: "Jan 5, 2027"), in the
     *     reader's zone; empty for a one-off event
     * @param location the venue ("" when none)
     * @param isNew first collected since the last digest (for a recurring event: any of its occurrences)
     * @param calendarUrl the "add to calendar" address of the occurrence shown (an .ics file of it), or null
     */
    public record EventView(String title, String url, String when, String alsoOn, List<String> laterDates,
            String location, String summary, boolean isNew, String calendarUrl) {
        public EventView {
            laterDates = List.copyOf(laterDates);
        }
    }
}
