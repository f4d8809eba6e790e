package dev.gazette.delivery;

/** What a delivery carries. */
public enum DeliveryKind {
    /** A subscriber's periodic digest. */
    DIGEST,
    /** A subscriber's digest sent to a test address; it does not count as their digest. */
    TEST
}
