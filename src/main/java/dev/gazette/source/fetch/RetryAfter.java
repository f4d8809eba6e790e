package dev.gazette.source.fetch;

import java.net.http.HttpHeaders;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Reads an HTTP {@code Retry-After} header (RFC 9110, section 10.2.3): a number of seconds, or an HTTP date.
 * A date is measured from the response's own {@code Date} header when it has one, so that a server whose
 * clock is off still gets the pause it meant.
 */
final class RetryAfter {
    private RetryAfter() {}

    /** @return the pause asked for (zero or more), or empty when the header is missing or unreadable */
    static Optional<Duration> of(HttpHeaders headers, Instant now) {
        Optional<String> value = headers.firstValue("Retry-After").map(String::strip);
        if (value.isEmpty() || value.get().isEmpty()) {
            return Optional.empty();
        }
        String v = value.get();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
            } catch (NumberFormatException tooLong) {
                return Optional.of(Duration.ofSeconds(Long.MAX_VALUE / 1000));
            }
        }
        Optional<Instant> at = date(v);
        if (at.isEmpty()) {
            return Optional.empty();
        }
        Instant from = headers.firstValue("Date").flatMap(RetryAfter::date).orElse(now);
        Duration wait = Duration.between(from, at.get());
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
    }

    private static Optional<Instant> date(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
