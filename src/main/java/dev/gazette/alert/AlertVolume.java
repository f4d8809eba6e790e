package dev.gazette.alert;

import java.time.Instant;

/**
 * How much an alert matches, for admins.
 *
 * @param lastWeek items matched in the last 7 days
 * @param lastMonth items matched in the last 30 days
 * @param total items matched since it was made
 * @param waiting matches not yet mailed
 * @param lastMatchedAt when it last matched, or null
 */
public record AlertVolume(int lastWeek, int lastMonth, int total, int waiting, Instant lastMatchedAt) {
    public static final AlertVolume NONE = new AlertVolume(0, 0, 0, 0, null);
}
