package dev.gazette.subscriber;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * A subscriber about to be stored (from a CSV row, a form, the API); already validated.
 *
 * @param email the address as given; it must pass {@link EmailAddresses}
 * @param name may be empty
 * @param timeZone null keeps a stored subscriber's zone, or takes the configured default for a new one
 * @param locale null keeps a stored subscriber's language, or takes the configured default for a new one
 * @param sendDay null keeps a stored subscriber's day, or takes the configured default for a new one
 * @param sendHour null keeps a stored subscriber's hour, or takes the configured default for a new one
 */
public record SubscriberDraft(
        String email,
        String name,
        List<String> topics,
        Frequency frequency,
        ZoneId timeZone,
        Locale locale,
        DayOfWeek sendDay,
        Integer sendHour) {

    public SubscriberDraft {
        topics = List.copyOf(topics);
    }
}
