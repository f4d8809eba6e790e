package dev.gazette.delivery;

import dev.gazette.subscriber.Frequency;
import dev.gazette.subscriber.Subscriber;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

/**
 * A subscriber's send slots: every day (daily) or every week on their send day (weekly), at their send hour,
 * in their time zone. Local times are turned into instants by the zone's rules, so a slot stays at the same
 * local hour across daylight-saving changes: an hour that does not exist that day (clocks jump forward) is
 * moved forward by the jump, and an hour that happens twice (clocks go back) is taken the first time. The
 * edition is named after the local date, so a repeated hour cannot make a second edition.
 */
public final class SendTimes {
    private SendTimes() {}

    /** The edition whose period contains {@code now}: the one that began at the latest slot at or before it. */
    public static Edition current(Subscriber subscriber, Instant now) {
        return current(subscriber, requireScheduled(subscriber), now);
    }

    /**
     * The period of the given frequency (daily or weekly) that contains {@code now}, at the subscriber's send day
     * and hour, whatever their digest's own frequency (alerts have their own).
     */
    public static Edition current(Subscriber subscriber, Frequency frequency, Instant now) {
        if (frequency == Frequency.PAUSED) {
            throw new IllegalArgumentException("a paused frequency has no periods");
        }
        LocalDate date = now.atZone(subscriber.timeZone()).toLocalDate();
        if (frequency == Frequency.WEEKLY) {
            date = date.with(TemporalAdjusters.previousOrSame(subscriber.sendDay()));
        }
        Instant slot = slot(subscriber, date);
        if (slot.isAfter(now)) {
            date = date.minusDays(frequency == Frequency.WEEKLY ? 7 : 1);
            slot = slot(subscriber, date);
        }
        return new Edition(frequency, date, slot);
    }

    /** The edition before the given one. */
    public static Edition previous(Subscriber subscriber, Edition edition) {
        LocalDate date = edition.localDate().minusDays(edition.frequency() == Frequency.WEEKLY ? 7 : 1);
        return new Edition(edition.frequency(), date, slot(subscriber, date));
    }

    /** The first slot after {@code now}: when the subscriber's next digest is due. */
    public static Instant next(Subscriber subscriber, Instant now) {
        Edition current = current(subscriber, now);
        LocalDate date = current.localDate().plusDays(current.frequency() == Frequency.WEEKLY ? 7 : 1);
        return slot(subscriber, date);
    }

    private static Instant slot(Subscriber subscriber, LocalDate date) {
        return ZonedDateTime.of(date, LocalTime.of(subscriber.sendHour(), 0), subscriber.timeZone()).toInstant();
    }

    private static Frequency requireScheduled(Subscriber subscriber) {
        if (subscriber.frequency() == Frequency.PAUSED) {
            throw new IllegalArgumentException(subscriber.email() + " has paused their digests");
        }
        return subscriber.frequency();
    }
}
