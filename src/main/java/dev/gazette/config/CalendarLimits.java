package dev.gazette.config;

import java.time.Duration;

/**
 * Bounds on reading iCalendar feeds, so that a dense or endless recurrence rule cannot run away.
 *
 * @param horizon how far ahead recurring events are expanded (and one-off events kept)
 * @param maxOccurrences the most occurrences kept per recurring event within the horizon
 */
public record CalendarLimits(Duration horizon, int maxOccurrences) {}
