package dev.gazette.config;

/** How a source is read. */
public enum SourceType {
    /** RSS 0.9x/1.0/2.0 or Atom 1.0. */
    FEED,
    /** An HTML page without a feed, read with CSS selectors. */
    PAGE,
    /** An iCalendar (.ics) event feed. */
    CALENDAR
}
