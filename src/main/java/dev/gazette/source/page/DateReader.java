package dev.gazette.source.page;

import dev.gazette.source.SourceException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the date values a page shows: ISO-8601 first (offset date-time, local date-time, local
 * date), then each configured pattern in order. Values without an offset are taken in the
 * configured zone (UTC when none is configured). Immutable and thread-safe.
 */
final class DateReader {

    /**
     * One date value as read.
     *
     * @param instant the moment; for a date without time, the start of that day in the zone
     * @param date the calendar date as written on the page
     * @param hasTime whether the value had a time of day
     */
    record Reading(Instant instant, LocalDate date, boolean hasTime) {}

    /** "2026-01-23 14:30": HTML allows a space where ISO-8601 has the T. */
    private static final Pattern SPACED_ISO = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}.*)$");

    private final ZoneId zone;
    private final List<String> patterns;
    private final List<DateTimeFormatter> formatters;

    private DateReader(ZoneId zone, List<String> patterns, List<DateTimeFormatter> formatters) {
        this.zone = zone;
        this.patterns = List.copyOf(patterns);
        this.formatters = List.copyOf(formatters);
    }

    /**
     * @param patterns java.time patterns, may be null
     * @param timeZone IANA zone id, or null/blank for UTC
     * @param languageTag BCP 47 tag for month and day names, or null/blank for English
     * @throws SourceException naming the setting and its value when one is invalid
     */
    static DateReader create(List<String> patterns, String timeZone, String languageTag) {
        ZoneId zone = zoneOf(timeZone);
        Locale locale = localeOf(languageTag);
        List<String> kept = new ArrayList<>();
        List<DateTimeFormatter> formatters = new ArrayList<>();
        List<String> given = patterns == null ? List.of() : patterns;
        for (int i = 0; i < given.size(); i++) {
            String pattern = given.get(i);
            if (pattern == null || pattern.isBlank()) {
                throw new SourceException("dateFormats[" + i + "] is empty: give a java.time pattern such as 'MMM d, yyyy'");
            }
            formatters.add(formatterOf(i, pattern, zone, locale));
            kept.add(pattern);
        }
        return new DateReader(zone, kept, formatters);
    }

    /** The zone used for values without an offset. */
    ZoneId zone() {
        return zone;
    }

    /** What was tried, for error messages: "ISO-8601, 'MMM d, yyyy'". */
    String describeFormats() {
        StringBuilder text = new StringBuilder("ISO-8601");
        for (String pattern : patterns) {
            text.append(", '").append(pattern).append('\'');
        }
        return text.toString();
    }

    /** Read one value; empty when it is blank or matches no format. */
    Optional<Reading> read(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String value = raw.replace('\u00a0', ' ').replaceAll("\\s+", " ").strip();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String iso = SPACED_ISO.matcher(value).replaceFirst("$1T$2");
        Optional<Reading> reading = attempt(DateTimeFormatter.ISO_DATE_TIME, iso);
        if (reading.isEmpty()) {
            reading = attempt(DateTimeFormatter.ISO_LOCAL_DATE, value);
        }
        for (int i = 0; reading.isEmpty() && i < formatters.size(); i++) {
            reading = attempt(formatters.get(i), value);
        }
        return reading;
    }

    private Optional<Reading> attempt(DateTimeFormatter formatter, String value) {
        try {
            return Optional.of(toReading(formatter.parseBest(value,
                    ZonedDateTime::from, LocalDateTime::from, LocalDate::from)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private Reading toReading(TemporalAccessor parsed) {
        if (parsed instanceof ZonedDateTime zoned) {
            return new Reading(zoned.toInstant(), zoned.toLocalDate(), true);
        }
        if (parsed instanceof LocalDateTime local) {
            return new Reading(local.atZone(zone).toInstant(), local.toLocalDate(), true);
        }
        LocalDate date = (LocalDate) parsed;
        return new Reading(date.atStartOfDay(zone).toInstant(), date, false);
    }

    private static ZoneId zoneOf(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(timeZone.strip());
        } catch (DateTimeException e) {
            throw new SourceException("timeZone '" + timeZone
                    + "' is not a known time zone: use an IANA id such as 'Europe/Berlin' or 'UTC'", e);
        }
    }

    private static Locale localeOf(String languageTag) {
        if (languageTag == null || languageTag.isBlank()) {
            return Locale.ENGLISH;
        }
        try {
            return new Locale.Builder().setLanguageTag(languageTag.strip().replace('_', '-')).build();
        } catch (IllformedLocaleException e) {
            throw new SourceException("locale '" + languageTag
                    + "' is not a language tag: use one such as 'en', 'de' or 'ko-KR'", e);
        }
    }

    /**
     * Compile a pattern and prove it can read back a full date: a pattern that is valid but
     * carries no year, month or day (e.g. "HH:mm") would otherwise fail on every item.
     */
    private static DateTimeFormatter formatterOf(int index, String pattern, ZoneId zone, Locale locale) {
        String where = "dateFormats[" + index + "] '" + pattern + "'";
        DateTimeFormatter formatter;
        try {
            formatter = new DateTimeFormatterBuilder()
                    .parseCaseInsensitive()
                    .appendPattern(pattern)
                    .toFormatter(locale);
        } catch (IllegalArgumentException e) {
            throw new SourceException(where + " is not a valid date pattern: " + e.getMessage(), e);
        }
        try {
            String sample = formatter.format(ZonedDateTime.of(2026, 1, 23, 14, 30, 45, 0, zone));
            formatter.parseBest(sample, ZonedDateTime::from, LocalDateTime::from, LocalDate::from);
        } catch (DateTimeParseException e) {
            throw new SourceException(where + " does not give a full date (year, month and day)", e);
        } catch (DateTimeException e) {
            throw new SourceException(where + " is not a usable date pattern: " + e.getMessage(), e);
        }
        return formatter;
    }
}
