package dev.gazette.schedule;

/** What the scheduler needs from collection: collect one source now, honouring its back-off. */
@FunctionalInterface
public interface ScheduledCollection {
    void collect(String sourceId);
}
