package dev.gazette.subscriber;

/** What storing a subscriber from a file or form did. */
public enum UpsertOutcome {
    /** A new address: the subscriber was added. */
    NEW,
    /** A known address whose details changed (or which the file marks unsubscribed or bounced). */
    UPDATED,
    /** A known address, unchanged: nothing was written. */
    UNCHANGED,
    /**
     * A known address that unsubscribed or bounced: nothing was written, and it stays so. A file
     * can never bring such an address back.
     */
    KEPT_INACTIVE
}
