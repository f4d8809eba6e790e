package dev.gazette.delivery;

/** Where a delivery stands in the ledger. */
public enum DeliveryStatus {
    /** Planned, or waiting for its next attempt after a transient failure. */
    QUEUED,
    /** Being handed to SMTP (claimed until its lease runs out; a crash leaves it here and it is retried). */
    SENDING,
    /** Accepted by the SMTP server. */
    SENT,
    /** Given up: a permanent refusal, or every attempt failed. */
    FAILED,
    /** Not sent on purpose: nothing new, or the subscriber left before it went out. */
    SKIPPED;

    public boolean isFinal() {
        return this == SENT || this == FAILED || this == SKIPPED;
    }
}
