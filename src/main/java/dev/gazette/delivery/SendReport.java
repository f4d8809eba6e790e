package dev.gazette.delivery;

/**
 * What a send run did.
 *
 * @param planned deliveries written to the ledger by this run
 * @param sent accepted by the SMTP server
 * @param skipped nothing new, or the subscriber left before it went out
 * @param failed given up (permanent refusal, or every attempt failed)
 * @param retrying waiting for another attempt after a transient failure, when the run stopped
 */
public record SendReport(int planned, int sent, int skipped, int failed, int retrying) {
    public static final SendReport NOTHING = new SendReport(0, 0, 0, 0, 0);

    public SendReport withPlanned(int count) {
        return new SendReport(count, sent, skipped, failed, retrying);
    }
}
