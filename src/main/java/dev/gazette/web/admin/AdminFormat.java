package dev.gazette.web.admin;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Times on admin pages, in the installation's time zone (the default zone of subscribers), as {@code fmt} in
 * every admin template: {@code ${fmt.time(s.lastSuccessAt)}}. Null shows as an empty string.
 */
public final class AdminFormat {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;

    public AdminFormat(ZoneId zone) {
        this.zone = zone;
    }

    /** e.g. "2026-11-28 10:00" */
    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(zone));
    }

    /** e.g. "2026-11-28 10:00:05" */
    public String seconds(Instant instant) {
        return instant == null ? "" : SECONDS.format(instant.atZone(zone));
    }

    /** The zone times are shown in, e.g. "Europe/Berlin". */
    public String zone() {
        return zone.getId();
    }

    /** A rough "in 5 min" / "in 3 h" / "in 2 d" (or "now") from {@code now} until {@code instant}. */
    public String until(Instant now, Instant instant) {
        if (instant == null) {
            return "";
        }
        Duration left = Duration.between(now, instant);
        if (left.isNegative() || left.toMinutes() < 1) {
            return "now";
        }
        if (left.toHours() < 1) {
            return left.toMinutes() + " min";
        }
        if (left.toDays() < 2) {
            return left.toHours() + " h";
        }
        return left.toDays() + " d";
    }
}
