package dev.gazette.subscriber;

/** How often a subscriber gets a digest. */
public enum Frequency {
    DAILY,
    WEEKLY,
    /** Subscribed, but no digests for now. */
    PAUSED
}
