package dev.gazette.config;

import java.time.Duration;

/**
 * Keyword alerts: a reader's stored queries, matched against every newly collected item.
 *
 * @param maxPerSubscriber the most alerts one subscriber may hold
 * @param maxQueryLength the longest query accepted, in characters
 * @param instantInterval the least time between two "as it happens" alert emails to one subscriber; matches found
 *     in the meantime wait and go out together in the next one
 * @param testWindow how far back "test this query" looks
 * @param maxItemsPerAlert the most items one alert shows in one email; the rest are counted as "N more"
 */
public record AlertsConfig(
        int maxPerSubscriber,
        int maxQueryLength,
        Duration instantInterval,
        Duration testWindow,
        int maxItemsPerAlert) {}
