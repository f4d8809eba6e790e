package dev.gazette.source.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;
import java.util.Objects;

/**
 * A DATE or DATE-TIME value: either a calendar date (all-day) or a wall-clock time together with
 * the zone that turns it into an instant. UTC ("Z") values are wall-clock times in {@link #UTC}.
 */
record IcsTime(LocalDate date, LocalDateTime local, Zone zone) {

    /** Turns a wall-clock time into an instant. */
    interface Zone {
        Instant toInstant(LocalDateTime local);

        LocalDateTime toLocal(Instant instant);

        /** The IANA id, or null when the zone is known only from an in-document definition. */
        String ianaId();
    }

    /** A zone from the JDK's time zone database. */
    record JdkZone(ZoneId zoneId, String ianaId) implements Zone {
        @Override
        public Instant toInstant(LocalDateTime local) {
            return local.atZone(zoneId).toInstant();
        }

        @Override
        public LocalDateTime toLocal(Instant instant) {
            return LocalDateTime.ofInstant(instant, zoneId);
        }
    }

    static final Zone UTC = new JdkZone(ZoneOffset.UTC, "UTC");

    IcsTime {
        if ((date == null) == (local == null)) {
            throw new IllegalArgumentException("exactly one of date and local");
        }
        if (local != null) {
            Objects.requireNonNull(zone, "zone");
        }
    }

    static IcsTime ofDate(LocalDate date) {
        return new IcsTime(date, null, null);
    }

    static IcsTime ofLocal(LocalDateTime local, Zone zone) {
        return new IcsTime(null, local, zone);
    }

    boolean allDay() {
        return date != null;
    }

    /** The wall-clock value: a LocalDate for all-day values, else a LocalDateTime. */
    Temporal temporal() {
        return allDay() ? date : local;
    }

    /** All-day values start at midnight UTC of their date. */
    Instant instant() {
        return allDay() ? date.atStartOfDay(ZoneOffset.UTC).toInstant() : zone.toInstant(local);
    }

    /** The same zone (or all-day-ness) at another wall-clock value of the same kind. */
    IcsTime with(Temporal other) {
        return other instanceof LocalDate d ? ofDate(d) : ofLocal((LocalDateTime) other, zone);
    }
}
