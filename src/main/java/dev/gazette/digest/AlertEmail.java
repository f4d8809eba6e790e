package dev.gazette.digest;

import dev.gazette.item.Item;
import dev.gazette.subscriber.Subscriber;
import java.util.List;

/**
 * What an alert email reports, before it is rendered: for each of the reader's alerts that matched, the query and
 * the items it matched, with the words that matched marked.
 *
 * @param links the reader's links: preferences, their alerts page, stop all alerts, unsubscribe from everything
 */
public record AlertEmail(Subscriber subscriber, List<Section> sections, Links links) {
    public AlertEmail {
        sections = List.copyOf(sections);
    }

    /** The items in the email, shown or counted as "more". */
    public int itemCount() {
        return sections.stream().mapToInt(s -> s.hits().size() + s.more()).sum();
    }

    /**
     * One alert's matches.
     *
     * @param frequency instant, daily or weekly
     * @param stopUrl where this alert alone is stopped
     * @param hits the items shown, newest first
     * @param more how many more it matched than are shown
     */
    public record Section(String query, String frequency, String stopUrl, List<Hit> hits, int more) {
        public Section {
            hits = List.copyOf(hits);
        }
    }

    /**
     * A matched item.
     *
     * @param title its title in segments, the matched words marked
     * @param summary its summary text in segments, the matched words marked
     * @param calendarUrl for an event, where its .ics is downloaded; null otherwise
     */
    public record Hit(Item item, List<Mark> title, List<Mark> summary, String calendarUrl) {
        public Hit {
            title = List.copyOf(title);
            summary = List.copyOf(summary);
        }
    }

    /** A piece of text, and whether it is a word the query matched. */
    public record Mark(String text, boolean matched) {}

    /**
     * @param preferencesUrl the preference centre
     * @param alertsUrl the reader's alerts in the preference centre
     * @param stopAllUrl stops every alert, the digest left alone
     * @param unsubscribeUrl leaves Gazette altogether
     */
    public record Links(String preferencesUrl, String alertsUrl, String stopAllUrl, String unsubscribeUrl) {}
}
