package dev.gazette.web.reader;

import dev.gazette.delivery.SendTimes;
import dev.gazette.subscriber.Subscriber;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * When a subscriber's next digest goes out, as they read it: in their time zone, written in the page's language
 * ("Monday, November 30, 2026, 8:00 AM", "2026년 11월 30일 월요일 오전 8:00"), with the zone's name beside it.
 *
 * @param when the local date and time
 * @param zone the zone's IANA name (Europe/Berlin)
 */
record NextDigest(String when, String zone) {

    /** The next digest of a subscriber who gets digests; null for one who does not (paused, pending, left). */
    static NextDigest of(Subscriber subscriber, Instant now, Locale language) {
        if (!subscriber.receivesDigests()) {
            return null;
        }
        ZonedDateTime at = SendTimes.next(subscriber, now).atZone(subscriber.timeZone());
        return new NextDigest(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT)
                .withLocale(language).format(at), subscriber.timeZone().getId());
    }
}
