package dev.gazette.alert;

import java.util.Locale;

/** How often an alert's matches are mailed. */
public enum AlertFrequency {
    /** As it happens: soon after the collection that found them, at most one email per {@code alerts.instant-interval}. */
    INSTANT,
    /** Once a day, at the subscriber's send hour in their time zone. */
    DAILY,
    /** Once a week, on the subscriber's send day and hour. */
    WEEKLY;

    /** The lower-case name used in forms, the API and the command line: instant, daily, weekly. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Read a frequency as people write it (any case; "as-it-happens" and "now" mean instant).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static AlertFrequency parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "instant", "as-it-happens", "now" -> INSTANT;
            case "daily" -> DAILY;
            case "weekly" -> WEEKLY;
            default -> throw new IllegalArgumentException("unknown alert frequency '" + text
                    + "' (use instant, daily or weekly)");
        };
    }
}
