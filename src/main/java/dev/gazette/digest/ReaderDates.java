package dev.gazette.digest;

import dev.gazette.item.Item;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Dates and times as one reader reads them: in their time zone, in their language's own style (java.time's
 * localized formats), times followed by the zone's short name ("KST", "PST"). All-day events are dates without a
 * time and are read in UTC, where they are stored (midnight UTC of the day), so that no zone moves them a day.
 */
final class ReaderDates {
    private final ZoneId zone;
    private final String range;
    private final DateTimeFormatter shortDate;
    private final DateTimeFormatter fullDate;
    private final DateTimeFormatter dateTime;
    private final DateTimeFormatter time;
    private final DateTimeFormatter zoneName;
    private final DateTimeFormatter day;
    private final DateTimeFormatter dayOfOtherYear;

    /**
     * @param range the message that joins two ends of a range, e.g. "{0} – {1}"
     * @param day a short day without its year, e.g. "Dec 9" (from the pattern "MMM d")
     * @param dayOfOtherYear a short day with its year, e.g. "Jan 5, 2027" (from "MMM d, yyyy")
     */
    ReaderDates(Locale locale, ZoneId zone, String range, DateTimeFormatter day, DateTimeFormatter dayOfOtherYear) {
        this.zone = zone;
        this.range = range;
        this.day = day.withLocale(locale);
        this.dayOfOtherYear = dayOfOtherYear.withLocale(locale);
        shortDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        fullDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale);
        dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT).withLocale(locale);
        time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
        zoneName = DateTimeFormatter.ofPattern("z", locale);
    }

    /**
     * The dates of a digest or alert email: the range and the short day patterns from the messages
     * ({@code email.range}, {@code digest.event.day}, {@code digest.event.day.otherYear}).
     */
    static ReaderDates of(EmailMessages messages, Locale locale, ZoneId zone) {
        return new ReaderDates(locale, zone, messages.message(locale, "email.range"),
                datePattern(messages, locale, "digest.event.day"),
                datePattern(messages, locale, "digest.event.day.otherYear"));
    }

    /** A date pattern from the messages; a broken one is an error naming its key. */
    private static DateTimeFormatter datePattern(EmailMessages messages, Locale locale, String key) {
        String pattern = messages.message(locale, key);
        try {
            return DateTimeFormatter.ofPattern(pattern, locale);
        } catch (IllegalArgumentException e) {
            throw new DigestTemplateException(messages.placeOf(locale, key) + ": message '" + key
                    + "' is not a valid date pattern (" + pattern + "): " + e.getMessage(), e);
        }
    }

    /** A day in the reader's zone, short: "Feb 9, 2026", "2026. 2. 9.". */
    String date(Instant instant) {
        return instant == null ? "" : shortDate.format(instant.atZone(zone));
    }

    /** A date, short. */
    String date(LocalDate date) {
        return shortDate.format(date);
    }

    /** The reader's day an event starts on: in their zone, or for an all-day event the date it is stored on. */
    LocalDate startDay(Item event) {
        return event.allDay() ? event.startsAt().atZone(ZoneOffset.UTC).toLocalDate()
                : event.startsAt().atZone(zone).toLocalDate();
    }

    /** A moment in the reader's zone, with the zone's name: "Monday, November 30, 2026, 8:00 AM CET". */
    String moment(Instant instant) {
        ZonedDateTime at = instant.atZone(zone);
        return dateTime.format(at) + " " + zoneName.format(at);
    }

    /** A day, short: without its year when it is {@code year} ("Dec 9", "12월 9일"), else with it ("Jan 5, 2027"). */
    String day(LocalDate date, int year) {
        return (date.getYear() == year ? day : dayOfOtherYear).format(date);
    }

    /** When an event takes place: its day(s) for an all-day event, else its start (and end) with the zone. */
    String when(Item event) {
        if (event.startsAt() == null) {
            return "";
        }
        if (event.allDay()) {
            LocalDate first = event.startsAt().atZone(ZoneOffset.UTC).toLocalDate();
            LocalDate last = event.endsAt() == null ? first
                    : event.endsAt().minusNanos(1).atZone(ZoneOffset.UTC).toLocalDate();
            return last.isAfter(first) ? join(fullDate.format(first), fullDate.format(last)) : fullDate.format(first);
        }
        ZonedDateTime start = event.startsAt().atZone(zone);
        if (event.endsAt() == null || !event.endsAt().isAfter(event.startsAt())) {
            return dateTime.format(start) + " " + zoneName.format(start);
        }
        ZonedDateTime end = event.endsAt().atZone(zone);
        boolean sameZoneName = zoneName.format(start).equals(zoneName.format(end));
        String from = dateTime.format(start) + (sameZoneName ? "" : " " + zoneName.format(start));
        String to = start.toLocalDate().equals(end.toLocalDate()) ? time.format(end) : dateTime.format(end);
        return join(from, to) + " " + zoneName.format(end);
    }

    private String join(String from, String to) {
        return new java.text.MessageFormat(range).format(new Object[] {from, to});
    }
}
