package dev.gazette.subscriber;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * A stored subscriber.
 *
 * @param email the address as given (compared case-insensitively)
 * @param topics the slugs of the topics they follow, sorted
 * @param sendDay the local day a weekly digest goes out
 * @param sendHour the local hour (0 to 23) digests go out
 * @param tokenVersion part of every token signed for them; raising it revokes all earlier links
 * @param calendarVersion part of their calendar feed's token ({@link TokenPurpose#CALENDAR}) instead of
 *     {@code tokenVersion}: raising it revokes only the feed's address
 * @param confirmedAt when they confirmed (or were imported); null while pending
 */
public record Subscriber(
        long id,
        String email,
        String name,
        SubscriberStatus status,
        List<String> topics,
        Frequency frequency,
        DayOfWeek sendDay,
        int sendHour,
        ZoneId timeZone,
        Locale locale,
        int tokenVersion,
        int calendarVersion,
        Instant createdAt,
        Instant confirmedAt) {

    public Subscriber {
        topics = List.copyOf(topics);
    }

    /** Whether digests go to them at all. */
    public boolean receivesDigests() {
        return status == SubscriberStatus.ACTIVE && frequency != Frequency.PAUSED;
    }
}
