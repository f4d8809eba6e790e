package dev.gazette.delivery;

/** How the planner decides that a subscriber's digest is due. */
public enum PlanMode {
    /**
     * The scheduler's rule: the subscriber's send time has come for a period that began after they confirmed,
     * not longer ago than the staleness limit (a staler period is left out; its articles go into the next).
     */
    SCHEDULED,
    /** A send now (the CLI, an admin, the demo's send on start): the current period's digest, whatever the hour. */
    NOW
}
