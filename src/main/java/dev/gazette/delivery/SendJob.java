package dev.gazette.delivery;

import dev.gazette.subscriber.Frequency;
import java.time.Instant;

/**
 * A manual send an admin started: the digest now, to a test address, the subscribers of a topic, or everyone due
 * or active. Its deliveries are rows of the ledger that carry its id, so its progress ({@link SendJobProgress}) is
 * read from there.
 *
 * @param requestKey the caller's one-time key: starting again with it returns this job rather than a second one
 * @param topic the topic's slug ({@link SendAudience#TOPIC}), else null
 * @param frequency only subscribers of this frequency; null for both
 * @param testAddress where a test send goes ({@link SendAudience#TEST}), else null
 * @param subscriberId whose digest a test send is ({@link SendAudience#TEST}), else null (also when that
 *     subscriber was deleted since)
 * @param createdBy who started it (an admin's name)
 * @param startedAt when it began planning, or null while {@link SendJobStatus#PLANNED}
 * @param plannedAt when every one of its deliveries was in the ledger, or null before
 * @param finishedAt when it was done or failed, or null before
 * @param alreadyHad subscribers of the audience who already had this period's digest (not sent again); null before
 *     planning finished
 * @param lastError why it failed ({@link SendJobStatus#FAILED}), else null
 */
public record SendJob(
        long id,
        String requestKey,
        SendAudience audience,
        String topic,
        Frequency frequency,
        String testAddress,
        Long subscriberId,
        SendJobStatus status,
        String createdBy,
        Instant createdAt,
        Instant startedAt,
        Instant plannedAt,
        Instant finishedAt,
        Integer alreadyHad,
        String lastError) {

    /** What was asked. */
    public SendRequest request() {
        return new SendRequest(audience, topic, frequency, subscriberId, testAddress);
    }
}
