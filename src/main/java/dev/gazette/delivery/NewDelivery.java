package dev.gazette.delivery;

import java.time.Instant;

/**
 * A delivery about to be written to the ledger, before anything is sent.
 *
 * @param jobId the manual send ({@link SendJob}) it belongs to, or null (the schedule, the command line)
 */
public record NewDelivery(
        long subscriberId,
        String edition,
        DeliveryKind kind,
        Instant windowStart,
        Instant windowEnd,
        String recipient,
        String messageId,
        Long jobId) {

    /** A delivery of no manual send. */
    public NewDelivery(long subscriberId, String edition, DeliveryKind kind, Instant windowStart, Instant windowEnd,
            String recipient, String messageId) {
        this(subscriberId, edition, kind, windowStart, windowEnd, recipient, messageId, null);
    }

    public String kindName() {
        return kind.name();
    }
}
