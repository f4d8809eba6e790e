package dev.gazette.delivery;

/** Who a manual send goes to. */
public enum SendAudience {
    /** One test address, with a chosen subscriber's digest as they would get it now; it does not count as theirs. */
    TEST,
    /** The active subscribers of one topic: each gets their own digest, this period's edition. */
    TOPIC,
    /** Everyone whose send time has come (the scheduler's rule, {@link PlanMode#SCHEDULED}). */
    DUE,
    /** Every active subscriber, whatever the hour ({@link PlanMode#NOW}): this period's edition. */
    ACTIVE
}
