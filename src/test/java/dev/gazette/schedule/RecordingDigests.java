package dev.gazette.schedule;

import java.time.Duration;

/** A real {@link ScheduledDigests} that only counts how often it was asked to send the due digests. */
final class RecordingDigests implements ScheduledDigests {
    private int runs;

    @Override
    public synchronized void sendDue() {
        runs++;
        notifyAll();
    }

    synchronized int runs() {
        return runs;
    }

    /** Wait until it ran at least {@code times} times; false if the time ran out first. */
    synchronized boolean await(int times, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (runs < times) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
