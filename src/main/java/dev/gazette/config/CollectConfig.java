package dev.gazette.config;

import java.time.Duration;

/**
 * Collection defaults.
 *
 * @param defaultInterval how often a source without interval or cron is collected
 * @param onStart whether {@code serve} collects every source once at start-up
 * @param calendar bounds on iCalendar expansion
 */
public record CollectConfig(Duration defaultInterval, boolean onStart, CalendarLimits calendar) {}
