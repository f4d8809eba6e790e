package dev.gazette.web.api;

import dev.gazette.subscriber.Frequency;
import dev.gazette.subscriber.SubscriberStatus;
import dev.gazette.subscriber.SubscriberStore;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A subscriber's fields in a request body ({@code name, topics, frequency, sendDay, sendHour, timeZone, locale},
 * and {@code status} when changing one), each checked, every problem noted on the body. A field left out is null.
 */
record SubscriberFields(String name, List<String> topics, Frequency frequency, DayOfWeek sendDay, Integer sendHour,
        ZoneId timeZone, Locale locale, SubscriberStatus status) {

    /** Read and check the fields; {@code withStatus} allows {@code status}. */
    static SubscriberFields read(JsonBody body, Set<String> knownTopics, boolean withStatus) {
        String name = body.string("name");
        if (name != null) {
            name = name.strip();
            if (name.length() > SubscriberStore.MAX_NAME_LENGTH) {
                body.problem("name", "is longer than " + SubscriberStore.MAX_NAME_LENGTH + " characters");
            }
            if (name.chars().anyMatch(Character::isISOControl)) {
                body.problem("name", "must be one line, without control characters");
            }
        }
        List<String> topics = body.strings("topics");
        if (topics != null) {
            topics = topics.stream().map(String::strip).distinct().sorted().toList();
            for (String topic : topics) {
                if (!knownTopics.contains(topic)) {
                    body.problem("topics", "unknown topic '" + topic + "' (known: " + new java.util.TreeSet<>(knownTopics)
                            + ")");
                }
            }
        }
        Frequency frequency = body.choice("frequency", Frequency.class);
        DayOfWeek sendDay = body.choice("sendDay", DayOfWeek.class);
        Integer sendHour = body.integer("sendHour");
        if (sendHour != null && (sendHour < 0 || sendHour > 23)) {
            body.problem("sendHour", sendHour + " is not an hour from 0 to 23");
        }
        ZoneId zone = null;
        String zoneId = body.string("timeZone");
        if (zoneId != null) {
            if (ZoneId.getAvailableZoneIds().contains(zoneId.strip())) {
                zone = ZoneId.of(zoneId.strip());
            } else {
                body.problem("timeZone", "unknown time zone '" + zoneId + "' (use a name like Europe/Berlin or Asia/Seoul)");
            }
        }
        Locale locale = null;
        String tag = body.string("locale");
        if (tag != null) {
            Locale parsed = Locale.forLanguageTag(tag.strip());
            if (tag.isBlank() || parsed.getLanguage().isEmpty() || tag.length() > SubscriberStore.MAX_LOCALE_LENGTH) {
                body.problem("locale", "'" + tag + "' is not a language tag such as en or ko");
            } else {
                locale = parsed;
            }
        }
        SubscriberStatus status = withStatus ? body.choice("status", SubscriberStatus.class) : null;
        return new SubscriberFields(name, topics, frequency, sendDay, sendHour, zone, locale, status);
    }
}
