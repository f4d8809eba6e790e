package dev.gazette.delivery;

import java.time.Instant;

/** A delivery about to be written to the ledger, before anything is sent. */
public record NewDelivery(
        long subscriberId,
        String edition,
        DeliveryKind kind,
        Instant windowStart,
        Instant windowEnd,
        String recipient,
        String messageId) {

    public String kindName() {
        return kind.name();
    }
}
