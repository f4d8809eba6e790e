package dev.gazette.digest;

import java.util.List;

/**
 * An alert email as its templates ({@code alert.html}, {@code alert.txt}) see it: texts cleaned, dates in the
 * reader's zone and language, links safe. Every value is printed escaped; matched words are separate segments
 * the HTML template wraps in {@code <mark>}, and the text template in asterisks.
 *
 * @param name the reader's name, or ""
 * @param matchCount the matched items, shown or counted as "more"
 * @param queryList the queries that matched, quoted and joined, for one-line texts
 */
public record AlertView(String name, int matchCount, String queryList, List<SectionView> sections) {

    /**
     * One alert's matches.
     *
     * @param frequencyLabel "as it happens", "daily" or "weekly" in the reader's language
     */
    public record SectionView(String query, String frequency, String frequencyLabel, String stopUrl,
            List<HitView> hits, int more) {}

    /**
     * A matched item.
     *
     * @param url its link, or null when it has none that is safe
     * @param when its date, or for an event its time in the reader's zone
     * @param titlePlain the title with matched words between asterisks, for the text part
     * @param summaryPlain the summary snippet likewise
     */
    public record HitView(List<AlertEmail.Mark> title, String url, String when, String location, boolean event,
            List<AlertEmail.Mark> summary, String calendarUrl, String titlePlain, String summaryPlain) {}
}
