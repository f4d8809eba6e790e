package dev.gazette.delivery;

import dev.gazette.subscriber.Frequency;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One period's digest for one subscriber: the period that began at {@code slot}, the subscriber's local send
 * time. The ledger holds at most one delivery per subscriber and edition key, which is what makes a second
 * run for the same period send nothing.
 *
 * @param localDate the subscriber's local date of the slot
 * @param slot the instant the period began
 */
public record Edition(Frequency frequency, LocalDate localDate, Instant slot) {

    /** The ledger key: {@code daily:2026-11-28} or {@code weekly:2026-11-23}. */
    public String key() {
        return frequency.name().toLowerCase(java.util.Locale.ROOT) + ":" + localDate;
    }
}
