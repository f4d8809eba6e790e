package dev.gazette.source.calendar;

/**
 * Wall time that recurrence expansion may use while reading one document: at most
 * {@link #PER_RULE_MILLIS} per rule and {@link #PER_DOCUMENT_MILLIS} in all. ical4j walks up to 1000
 * empty periods between two dates, so a step budget alone does not bound the time of a rule such as
 * FREQ=SECONDLY;BYMINUTE=0,16,32,48;BYSECOND=0;COUNT=...; this does. Measured with
 * {@link System#nanoTime()}, not the injected clock (which is fixed in tests).
 */
final class ExpansionBudget {
    static final long PER_RULE_MILLIS = 250;
    static final long PER_DOCUMENT_MILLIS = 2_000;

    private long remainingNanos;

    ExpansionBudget() {
        this(PER_DOCUMENT_MILLIS);
    }

    ExpansionBudget(long totalMillis) {
        this.remainingNanos = totalMillis * 1_000_000L;
    }

    /** The System.nanoTime() by which a rule starting now must stop. */
    synchronized long deadlineForRule() {
        return System.nanoTime() + Math.min(PER_RULE_MILLIS * 1_000_000L, Math.max(remainingNanos, 0));
    }

    synchronized void spend(long nanos) {
        remainingNanos -= nanos;
    }

    synchronized boolean exhausted() {
        return remainingNanos <= 0;
    }
}
