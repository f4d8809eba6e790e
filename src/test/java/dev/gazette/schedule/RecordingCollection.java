package dev.gazette.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A real {@link ScheduledCollection} that only remembers which sources it was asked to collect, in order. */
final class RecordingCollection implements ScheduledCollection {
    private final List<String> calls = new ArrayList<>();

    @Override
    public synchronized void collect(String sourceId) {
        calls.add(sourceId);
        notifyAll();
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    synchronized int count(String sourceId) {
        return (int) calls.stream().filter(sourceId::equals).count();
    }

    /** Wait until the source was collected at least {@code times} times; false if the time ran out first. */
    synchronized boolean await(String sourceId, int times, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count(sourceId) < times) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
