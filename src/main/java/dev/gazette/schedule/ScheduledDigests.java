package dev.gazette.schedule;

/** What the scheduler needs from delivery: send every digest whose time has come. */
@FunctionalInterface
public interface ScheduledDigests {
    void sendDue();
}
