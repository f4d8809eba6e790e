package dev.gazette.source;

import dev.gazette.config.CalendarLimits;
import dev.gazette.config.SourceConfig;
import dev.gazette.source.calendar.CalendarParser;
import dev.gazette.source.feed.FeedParser;
import dev.gazette.source.page.PageParser;
import java.time.Clock;

/** Chooses the parser for a source by its type. */
public final class ItemParsers {
    private final CalendarLimits calendarLimits;
    private final Clock clock;

    public ItemParsers(CalendarLimits calendarLimits, Clock clock) {
        this.calendarLimits = calendarLimits;
        this.clock = clock;
    }

    public ItemParser forSource(SourceConfig source) {
        return switch (source.type()) {
            case FEED -> new FeedParser();
            case PAGE -> new PageParser(source.page());
            case CALENDAR -> new CalendarParser(calendarLimits, clock);
        };
    }
}
