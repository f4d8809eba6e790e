package dev.gazette.subscriber.csv;

import dev.gazette.subscriber.Frequency;
import dev.gazette.subscriber.SubscriberStatus;
import dev.gazette.subscriber.SubscriberStore;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads and writes the cells whose values come from a fixed set: frequency, time zone, locale, send
 * day and hour, status. Each reader throws {@link IllegalArgumentException} with the reason to show.
 */
final class FieldValues {
    /** IANA names in Area/Location form, plus UTC, by their lower-cased form. */
    private static final Map<String, String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(id -> id.equals("UTC") || (id.indexOf('/') > 0 && !id.startsWith("SystemV/")))
            .collect(Collectors.toMap(id -> id.toLowerCase(Locale.ROOT), Function.identity()));
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    private FieldValues() {}

    static Frequency frequency(String value) {
        for (Frequency f : Frequency.values()) {
            if (f.name().equalsIgnoreCase(value)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown frequency '" + value + "' (daily, weekly or paused)");
    }

    /** An IANA region such as Asia/Seoul, in any case, or UTC; not an offset (+09:00) or an abbreviation (EST). */
    static ZoneId timeZone(String value) {
        String id = ZONES.get(value.toLowerCase(Locale.ROOT));
        if (id == null) {
            throw new IllegalArgumentException("unknown time zone '" + value
                    + "' (an IANA name such as Asia/Seoul, America/Los_Angeles or UTC)");
        }
        return ZoneId.of(id);
    }

    /** A language tag whose language is a two-letter ISO 639 code: en, ko, en-US, zh-Hant-TW. */
    static Locale locale(String value) {
        if (value.indexOf('_') >= 0) {
            throw new IllegalArgumentException("unknown locale '" + value + "' (write a language tag with a hyphen, e.g. "
                    + value.replace('_', '-') + ")");
        }
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(value).build();
        } catch (IllformedLocaleException e) {
            throw new IllegalArgumentException("unknown locale '" + value + "' (a language tag such as en or ko)");
        }
        if (locale.toLanguageTag().length() > SubscriberStore.MAX_LOCALE_LENGTH) {
            throw new IllegalArgumentException("unknown locale '" + value + "' (longer than "
                    + SubscriberStore.MAX_LOCALE_LENGTH + " characters)");
        }
        if (!LANGUAGES.contains(locale.getLanguage())) {
            throw new IllegalArgumentException("unknown locale '" + value
                    + "' (the language must be a two-letter code such as en or ko)");
        }
        return locale;
    }

    /** monday ... sunday, or mon ... sun, in any case. */
    static DayOfWeek day(String value) {
        String wanted = value.toUpperCase(Locale.ROOT);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().equals(wanted) || day.name().substring(0, 3).equals(wanted)) {
                return day;
            }
        }
        throw new IllegalArgumentException("unknown send_day '" + value + "' (monday ... sunday, or mon ... sun)");
    }

    /** 0 to 23. */
    static int hour(String value) {
        if (!value.matches("[0-9]{1,2}") || Integer.parseInt(value) > 23) {
            throw new IllegalArgumentException("send_hour '" + value + "' is not an hour from 0 to 23");
        }
        return Integer.parseInt(value);
    }

    static SubscriberStatus status(String value) {
        for (SubscriberStatus s : SubscriberStatus.values()) {
            if (s.name().equalsIgnoreCase(value)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown status '" + value + "' (active, pending, unsubscribed or bounced)");
    }

    /** The lower-case name Gazette writes for an enum value: daily, monday, active. */
    static String written(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
