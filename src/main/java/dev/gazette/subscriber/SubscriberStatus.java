package dev.gazette.subscriber;

/** Where a subscriber stands. Only {@link #ACTIVE} subscribers are mailed. */
public enum SubscriberStatus {
    /** Signed up, not yet confirmed (double opt-in). */
    PENDING,
    /** Confirmed, or imported by an admin: gets digests. */
    ACTIVE,
    /** Asked to stop. A re-import does not bring them back. */
    UNSUBSCRIBED,
    /** Their mail server refused the address for good. A re-import does not bring them back. */
    BOUNCED
}
