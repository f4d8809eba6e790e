package dev.gazette.source;

import java.time.Instant;
import java.util.Objects;

/**
 * When and where an event takes place.
 *
 * @param startsAt the start; for an all-day event, midnight UTC of its first day
 * @param endsAt the end (exclusive), or null when the source gives none
 * @param allDay true when the source gives dates without times
 * @param timeZone the IANA zone the source states the times in, or null when it states none
 * @param location the venue as written by the source, or null
 */
public record EventDetails(Instant startsAt, Instant endsAt, boolean allDay, String timeZone, String location) {
    public EventDetails {
        Objects.requireNonNull(startsAt, "startsAt");
    }
}
