package dev.gazette.delivery;

import dev.gazette.alert.AlertFrequency;
import java.time.Instant;

/**
 * The ledger's names for alert emails: {@code alert:<start of the interval>} for "as it happens" (one per
 * {@code alerts.instant-interval} at most), {@code alert-daily:<local date>} and {@code alert-weekly:<local date of
 * the week's send day>}. A name is unique per subscriber, so planning twice plans nothing new.
 */
final class AlertEditions {
    static final String INSTANT_PREFIX = "alert:";

    private AlertEditions() {}

    static String instant(Instant now, java.time.Duration interval) {
        long seconds = Math.max(1, interval.toSeconds());
        return INSTANT_PREFIX + Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), seconds) * seconds);
    }

    static String periodic(Edition edition) {
        return "alert-" + edition.key();
    }

    /** Which alerts' matches an alert delivery carries, from its edition. */
    static AlertFrequency frequency(String edition) {
        if (edition.startsWith(INSTANT_PREFIX)) {
            return AlertFrequency.INSTANT;
        }
        if (edition.startsWith("alert-daily:")) {
            return AlertFrequency.DAILY;
        }
        if (edition.startsWith("alert-weekly:")) {
            return AlertFrequency.WEEKLY;
        }
        throw new IllegalArgumentException("'" + edition + "' is not the edition of an alert email");
    }
}
