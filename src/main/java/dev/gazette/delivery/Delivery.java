package dev.gazette.delivery;

import java.time.Instant;
import org.jdbi.v3.core.mapper.reflect.JdbiConstructor;

/**
 * One row of the delivery ledger: one email to one subscriber for one edition.
 *
 * @param windowStart articles first seen at or after this go in
 * @param windowEnd ... and before this
 * @param recipient the address it goes to
 * @param messageId the Message-ID it is sent with, on every attempt (without angle brackets)
 * @param itemCount the articles and events it held, once rendered
 * @param nextAttemptAt when it may be attempted again (a retry after a transient failure, or the end of a
 *     claim while {@link DeliveryStatus#SENDING})
 * @param jobId the manual send ({@link SendJob}) it belongs to, or null (the schedule, the command line)
 */
public record Delivery(
        long id,
        long subscriberId,
        String edition,
        DeliveryKind kind,
        Instant windowStart,
        Instant windowEnd,
        String recipient,
        DeliveryStatus status,
        int attempts,
        String lastError,
        String messageId,
        Integer itemCount,
        Instant createdAt,
        Instant updatedAt,
        Instant nextAttemptAt,
        Instant sentAt,
        Long jobId) {

    @JdbiConstructor
    public Delivery {}

    /** A delivery of no manual send. */
    public Delivery(long id, long subscriberId, String edition, DeliveryKind kind, Instant windowStart,
            Instant windowEnd, String recipient, DeliveryStatus status, int attempts, String lastError, String messageId,
            Integer itemCount, Instant createdAt, Instant updatedAt, Instant nextAttemptAt, Instant sentAt) {
        this(id, subscriberId, edition, kind, windowStart, windowEnd, recipient, status, attempts, lastError, messageId,
                itemCount, createdAt, updatedAt, nextAttemptAt, sentAt, null);
    }
}
