package dev.gazette.config;

import java.nio.file.Path;
import java.time.DayOfWeek;

/**
 * Subscriber files and the defaults for what a subscriber leaves out.
 *
 * @param importDir the folder of subscriber CSV files
 * @param importOnStart whether {@code serve} imports every {@code *.csv} in {@code importDir} when it starts
 * @param timeZone the IANA time zone of a subscriber who gives none
 * @param locale the language of a subscriber who gives none (a language tag: en, ko)
 * @param sendDay the day a weekly digest goes out when a subscriber gives none
 * @param sendHour the local hour (0 to 23) digests go out when a subscriber gives none
 * @param confirmWithin how long a new subscriber has to confirm (double opt-in) before the sign-up is deleted
 */
public record SubscribersConfig(
        Path importDir, boolean importOnStart, String timeZone, String locale, DayOfWeek sendDay, int sendHour,
        java.time.Duration confirmWithin) {}
