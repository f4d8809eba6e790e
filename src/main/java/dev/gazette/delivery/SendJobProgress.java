package dev.gazette.delivery;

/**
 * Where a manual send stands, counted from the delivery ledger (so it is right after a page reload or a restart).
 *
 * @param planned its deliveries in the ledger (one per subscriber, or the one test send)
 * @param sent accepted by the mail server
 * @param failed given up (refused, or every attempt failed); the ledger keeps each one's reply
 * @param skipped not sent on purpose: nothing new, or the subscriber left before it went out
 * @param remaining still to send: waiting, being sent, or waiting to retry
 * @param alreadyHad subscribers of the audience who already had this period's digest (0 until planned)
 */
public record SendJobProgress(SendJob job, int planned, int sent, int failed, int skipped, int remaining,
        int alreadyHad) {

    /** Whether the job is over: done (every delivery final) or failed. */
    public boolean finished() {
        return job.status().isFinal();
    }
}
