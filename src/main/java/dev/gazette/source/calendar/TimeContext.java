package dev.gazette.source.calendar;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads DATE and DATE-TIME values of one document into {@link IcsTime}s.
 *
 * <p>A TZID is resolved, in order: as an IANA id known to the JDK (also as the tail of a prefixed id
 * such as "/mozilla.org/20050126_1/America/New_York"); through its VTIMEZONE's X-LIC-LOCATION; through
 * the VTIMEZONE's own observances; else the value is read as floating. The JDK's rules win over an
 * in-document VTIMEZONE with an IANA TZID: feeds often carry truncated or stale definitions.
 * Floating values are read in X-WR-TIMEZONE when it names a known zone, else in UTC.
 */
final class TimeContext {
    private static final Pattern DATE = Pattern.compile("(\\d{8})");
    private static final Pattern DATE_TIME = Pattern.compile("(\\d{8})T(\\d{2})(\\d{2})(\\d{2})(Z?)", Pattern.CASE_INSENSITIVE);

    private final Map<String, IcsComponent> vtimezones = new HashMap<>();
    private final Map<String, IcsTime.Zone> resolved = new HashMap<>();
    private final IcsTime.Zone floating;
    private final String calendarZone;
    private final ExpansionBudget budget;

    TimeContext(List<IcsComponent> calendars, ExpansionBudget budget) {
        this.budget = budget;
        String wrTimezone = null;
        for (IcsComponent calendar : calendars) {
            for (IcsComponent tz : calendar.children("VTIMEZONE")) {
                tz.text("TZID").ifPresent(id -> vtimezones.putIfAbsent(id, tz));
            }
            if (wrTimezone == null) {
                wrTimezone = calendar.text("X-WR-TIMEZONE").orElse(null);
            }
        }
        Optional<ZoneId> calendarZoneId = wrTimezone == null ? Optional.empty() : iana(wrTimezone);
        this.calendarZone = calendarZoneId.map(ZoneId::getId).orElse(null);
        this.floating = new IcsTime.JdkZone(calendarZoneId.orElse(ZoneOffset.UTC), calendarZone);
    }

    /** The time left for expanding recurrence rules in this document. */
    ExpansionBudget budget() {
        return budget;
    }

    /** The IANA id of X-WR-TIMEZONE, or null. */
    String calendarZone() {
        return calendarZone;
    }

    /** Floating values' zone: X-WR-TIMEZONE or UTC (the latter reported as no zone). */
    IcsTime.Zone floatingZone() {
        return floating;
    }

    /** The IANA zone an event's times are stated in, or null (see {@link dev.gazette.source.EventDetails}). */
    String reportedZone(IcsTime start) {
        if (start.allDay()) {
            return null;
        }
        if (start.zone() == IcsTime.UTC) {
            return calendarZone != null ? calendarZone : "UTC";
        }
        return start.zone().ianaId();
    }

    /** The first value of a DATE or DATE-TIME property. */
    IcsTime parse(IcsComponent.Property property) {
        String value = property.value().strip();
        int comma = value.indexOf(',');
        return parseValue(comma < 0 ? value : value.substring(0, comma), property);
    }

    /** Every value of a list property (RDATE, EXDATE); for PERIOD values, their starts. */
    List<IcsTime> parseList(IcsComponent.Property property) {
        List<IcsTime> out = new ArrayList<>();
        for (String part : property.value().split(",")) {
            if (!part.isBlank()) {
                out.add(parseValue(part.strip().split("/")[0], property));
            }
        }
        return out;
    }

    /** A UTC time stamp (CREATED, LAST-MODIFIED), or null when absent or unreadable. */
    Instant stamp(IcsComponent event, String name) {
        try {
            return event.first(name).map(p -> parse(p).instant()).orElse(null);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private IcsTime parseValue(String value, IcsComponent.Property property) {
        Matcher dateTime = DATE_TIME.matcher(value);
        if (dateTime.matches()) {
            LocalDate day = LocalDate.parse(dateTime.group(1), DateTimeFormatter.BASIC_ISO_DATE);
            int second = Math.min(Integer.parseInt(dateTime.group(4)), 59); // leap second 60
            LocalDateTime local = day.atTime(Integer.parseInt(dateTime.group(2)), Integer.parseInt(dateTime.group(3)), second);
            if (!dateTime.group(5).isEmpty()) {
                return IcsTime.ofLocal(local, IcsTime.UTC);
            }
            return IcsTime.ofLocal(local, property.param("TZID").map(this::zone).orElse(floating));
        }
        if (DATE.matcher(value).matches()) {
            return IcsTime.ofDate(LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE));
        }
        throw new DateTimeException("\"" + shorten(value) + "\" is not a DATE or DATE-TIME value");
    }

    /** The zone a TZID names (cached per document). */
    IcsTime.Zone zone(String tzid) {
        return resolved.computeIfAbsent(tzid, this::resolve);
    }

    private IcsTime.Zone resolve(String tzid) {
        Optional<ZoneId> known = iana(tzid);
        if (known.isPresent()) {
            return new IcsTime.JdkZone(known.get(), known.get().getId());
        }
        IcsComponent definition = vtimezones.get(tzid);
        if (definition != null) {
            Optional<ZoneId> location = definition.text("X-LIC-LOCATION").flatMap(TimeContext::iana);
            if (location.isPresent()) {
                return new IcsTime.JdkZone(location.get(), location.get().getId());
            }
            Optional<VTimezoneZone> defined = VTimezoneZone.of(definition, budget);
            if (defined.isPresent()) {
                return defined.get();
            }
        }
        // unknown and undefined: read as floating, but do not claim a zone
        return new IcsTime.JdkZone(((IcsTime.JdkZone) floating).zoneId(), null);
    }

    /** A JDK region id for the name, also for prefixed forms like "/example.org/1/Europe/Paris". */
    static Optional<ZoneId> iana(String name) {
        String id = name.strip();
        if (id.isEmpty() || id.length() > 100) {
            return Optional.empty();
        }
        Optional<ZoneId> whole = region(id);
        if (whole.isPresent()) {
            return whole;
        }
        String[] parts = id.split("/");
        for (int n = Math.min(3, parts.length - 1); n >= 1; n--) {
            String tail = String.join("/", List.of(parts).subList(parts.length - n, parts.length));
            Optional<ZoneId> zone = region(tail);
            if (zone.isPresent() && tail.contains("/")) {
                return zone;
            }
        }
        return Optional.empty();
    }

    private static Optional<ZoneId> region(String id) {
        if (id.startsWith("+") || id.startsWith("-") || id.toUpperCase(Locale.ROOT).startsWith("UTC+")
                || id.toUpperCase(Locale.ROOT).startsWith("GMT+") || id.toUpperCase(Locale.ROOT).startsWith("UTC-")
                || id.toUpperCase(Locale.ROOT).startsWith("GMT-")) {
            return Optional.empty();
        }
        try {
            ZoneId zone = ZoneId.of(id);
            return zone instanceof ZoneOffset ? Optional.empty() : Optional.of(zone);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    static String shorten(String s) {
        return shorten(s, 40);
    }

    /** One line of at most {@code max} characters (plus an ellipsis). */
    static String shorten(String s, int max) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() <= max ? one : one.substring(0, max) + "...";
    }
}
