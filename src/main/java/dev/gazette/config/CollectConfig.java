package dev.gazette.config;

import java.time.Duration;

/**
 * Collection defaults.
 *
 * @param defaultInterval how often a source without interval or cron is collected
 * @param onStart whether {@code serve} collects an interval source at once when it is first scheduled (or its
 *     interval changed), rather than one interval later; kept schedules resume after a restart, and a
 *     collection missed during downtime runs once
 * @param calendar bounds on iCalendar expansion
 */
public record CollectConfig(Duration defaultInterval, boolean onStart, CalendarLimits calendar) {}
