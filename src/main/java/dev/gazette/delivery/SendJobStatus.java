package dev.gazette.delivery;

/** Where a manual send stands. */
public enum SendJobStatus {
    /** Recorded, not yet begun. */
    PLANNED,
    /** Writing its deliveries to the ledger, or sending them (also after a restart, until it is resumed). */
    RUNNING,
    /** Every delivery is sent, skipped or given up (see the counts for which). */
    DONE,
    /** Stopped by a problem that concerns every delivery alike (no mail server, a broken template); see its error. */
    FAILED;

    public boolean isFinal() {
        return this == DONE || this == FAILED;
    }
}
