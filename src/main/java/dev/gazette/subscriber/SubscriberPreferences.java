package dev.gazette.subscriber;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What subscribers change about their own subscription in the preference centre: everything but their address
 * and status. Every field is given (the form shows the stored values).
 *
 * @param name may be empty
 * @param topics the slugs of the topics they follow
 * @param sendDay the local day a weekly digest goes out
 * @param sendHour the local hour (0 to 23) digests go out
 */
public record SubscriberPreferences(
        String name,
        List<String> topics,
        Frequency frequency,
        DayOfWeek sendDay,
        int sendHour,
        ZoneId timeZone,
        Locale locale) {

    public SubscriberPreferences {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(sendDay, "sendDay");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(locale, "locale");
        topics = topics.stream().distinct().sorted().toList();
    }

    /** A subscriber's preferences as stored. */
    public static SubscriberPreferences of(Subscriber subscriber) {
        return new SubscriberPreferences(subscriber.name(), subscriber.topics(), subscriber.frequency(),
                subscriber.sendDay(), subscriber.sendHour(), subscriber.timeZone(), subscriber.locale());
    }

    /** The same preferences with another frequency. */
    public SubscriberPreferences withFrequency(Frequency newFrequency) {
        return new SubscriberPreferences(name, topics, newFrequency, sendDay, sendHour, timeZone, locale);
    }
}
