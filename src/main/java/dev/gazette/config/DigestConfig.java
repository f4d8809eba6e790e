package dev.gazette.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What goes into a digest and when digests are planned.
 *
 * @param templates the folder of email templates (editable without rebuilding); a template missing there is
 *     read from the copy bundled with Gazette
 * @param eventHorizon how far ahead upcoming events are listed
 * @param maxItemsPerTopic the most articles shown per topic; the rest are counted as "N more"
 * @param maxEvents the most upcoming events shown (a recurring event counts once); the rest are counted as "N more"
 * @param sendEmpty whether a digest with nothing new is sent (otherwise it is recorded as skipped)
 * @param dailyStaleAfter a daily digest whose send time passed longer ago than this (Gazette was down) is not
 *     sent late; its articles go into the next one
 * @param weeklyStaleAfter the same for weekly digests
 * @param checkEvery how often {@code serve} looks for subscribers whose send time has come
 * @param sendOnStart whether {@code serve} sends every active subscriber the digest of the current period at
 *     once when it starts, without waiting for their send time (for demos)
 */
public record DigestConfig(
        Path templates,
        Duration eventHorizon,
        int maxItemsPerTopic,
        int maxEvents,
        boolean sendEmpty,
        Duration dailyStaleAfter,
        Duration weeklyStaleAfter,
        Duration checkEvery,
        boolean sendOnStart) {}
