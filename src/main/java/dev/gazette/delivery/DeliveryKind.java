package dev.gazette.delivery;

/** What a delivery carries. */
public enum DeliveryKind {
    /** A subscriber's periodic digest. */
    DIGEST,
    /** A subscriber's digest sent to a test address; it does not count as their digest. */
    TEST,
    /** The double opt-in email of a sign-up: a signed link to confirm the subscription. */
    CONFIRM,
    /**
     * The email to the owner of an address someone tried to sign up again: "you are subscribed already" with a
     * link to their preferences, or, for an address that left, a link to subscribe again.
     */
    NOTICE,
    /**
     * A keyword alert email: the matches of a subscriber's alerts of one frequency that waited for it. Its edition
     * says which ({@code alert:<time>} as it happens, {@code alert-daily:<date>}, {@code alert-weekly:<date>}).
     */
    ALERT;

    /** Whether this is an email about the subscription itself (CONFIRM, NOTICE) rather than a digest. */
    public boolean isNotice() {
        return this == CONFIRM || this == NOTICE;
    }

    /** Whether it carries a digest (a subscriber's, or one sent to a test address), which has a web copy. */
    public boolean isDigest() {
        return this == DIGEST || this == TEST;
    }
}
