package dev.gazette.delivery;

/**
 * What a manual send would do, counted before anything is sent or recorded (its dry run).
 *
 * @param wouldSend subscribers who would get a digest now
 * @param alreadyHad subscribers who already had this period's digest, or have it queued: not sent again
 * @param wouldSkip subscribers whose digest would have nothing new: recorded as skipped, not sent (unless
 *     {@code digest.send-empty})
 */
public record SendCount(int wouldSend, int alreadyHad, int wouldSkip) {

    /** Every subscriber of the audience whose digest is due. */
    public int total() {
        return wouldSend + alreadyHad + wouldSkip;
    }
}
