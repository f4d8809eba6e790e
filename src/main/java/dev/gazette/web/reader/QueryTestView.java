package dev.gazette.web.reader;

import dev.gazette.alert.Alerts.QueryTest;
import dev.gazette.alert.query.AlertQuery;
import dev.gazette.alert.query.Highlighted;
import dev.gazette.alert.query.TextSegment;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * What "Test this query" shows: how many items of the test window matched, the newest of them with the matched
 * words marked (as text segments, which the page prints escaped, wrapping matched ones in {@code <mark>}), and how
 * many items were searched.
 *
 * @param days the test window in days
 */
record QueryTestView(int count, int scanned, long days, List<Hit> hits) {
    /** The most matches the page lists. */
    static final int SHOWN = 20;
    private static final int SNIPPET = 220;

    /**
     * @param link the item's address if it is a plain web address, else null (the title is then not a link)
     */
    record Hit(List<TextSegment> title, List<TextSegment> snippet, String link, String date, String source) {}

    static QueryTestView of(QueryTest test, ZoneId zone, Locale locale, Function<String, String> sourceName) {
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).withZone(zone);
        AlertQuery query = test.query();
        List<Hit> hits = test.matched().stream().limit(SHOWN).map(item -> {
            Highlighted marked = query.highlight(item);
            List<TextSegment> title = marked.title().isEmpty() ? List.of(new TextSegment(item.guid(), false)) : marked.title();
            return new Hit(title, marked.snippet(SNIPPET), item.webLink(), dates.format(item.date()),
                    sourceName.apply(item.sourceId()));
        }).toList();
        return new QueryTestView(test.matched().size(), test.scanned(), test.window().toDays(), hits);
    }
}
