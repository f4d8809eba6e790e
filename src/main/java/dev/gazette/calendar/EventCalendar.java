package dev.gazette.calendar;

import dev.gazette.item.Item;
import dev.gazette.item.ItemKind;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationResult;

/**
 * Writes stored events as iCalendar (RFC 5545) with ical4j: one event as a file to import ({@link #ics(Item)}), or
 * many as a feed ({@link #ics(List, List)}, used by {@link CalendarFeed}). Each event keeps its time zone: a zoned
 * event has {@code DTSTART;TZID=...} and the zone's {@code VTIMEZONE} from ical4j's bundled registry (never fetched
 * over the network: see {@code ical4j.properties}), an event without a zone is written in UTC, and an all-day event
 * as dates ({@code VALUE=DATE}, {@code DTEND} the day after its last day). Its {@code UID} is derived from the item's
 * id and the installation's mail domain, so it is the same on every download and after every re-collection, and a
 * calendar app that imports it twice, or also subscribes to the feed, updates one event rather than adding another.
 * Escaping and the content lines are ical4j's; lines are then folded at 75 octets ({@link ContentLines}), since
 * ical4j folds at 75 characters, which a Korean line exceeds threefold in UTF-8.
 *
 * <p>Safe to share between threads.
 */
public final class EventCalendar {
    /** The product identifier written into every calendar. */
    public static final String PRODID = "-//Gazette//Gazette events//EN";

    private final String domain;
    private final URI organizer;
    private final Clock clock;

    /**
     * @param from the installation's From address as configured ({@code delivery.from}: {@code news@example.org} or
     *     {@code Gazette <news@example.org>}): its domain goes into every UID, and the address is the events'
     *     {@code ORGANIZER} (which iTIP's {@code METHOD:PUBLISH} requires)
     */
    public EventCalendar(String from, Clock clock) {
        String address = bareAddress(from);
        this.domain = mailDomain(from).toLowerCase(Locale.ROOT);
        this.organizer = URI.create("mailto:" + (address.isEmpty() ? "gazette@" + domain : address));
        this.clock = clock;
    }

    /** The address part of a From address: {@code news@example.org} of {@code Gazette <news@example.org>}. */
    private static String bareAddress(String from) {
        String address = from == null ? "" : from.strip();
        int open = address.lastIndexOf('<');
        int close = address.lastIndexOf('>');
        if (open >= 0 && close > open) {
            address = address.substring(open + 1, close).strip();
        }
        return address.matches("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+") ? address : "";
    }

    /**
     * The domain of a From address as configured ({@code news@example.org} or {@code Gazette <news@example.org>});
     * "gazette.invalid" when it has none.
     */
    public static String mailDomain(String from) {
        String address = bareAddress(from);
        return address.isEmpty() ? "gazette.invalid" : address.substring(address.lastIndexOf('@') + 1);
    }

    /** Whether the item is an event that can be written: an event with a start. */
    public static boolean isEvent(Item item) {
        return item.kind() == ItemKind.EVENT && item.startsAt() != null;
    }

    /** The event's UID: the same for this item on every download, in every calendar Gazette writes. */
    public String uid(Item item) {
        return "item-" + item.id() + "@" + domain;
    }

    /**
     * A calendar holding this one event ({@code METHOD:PUBLISH}), for an "add to calendar" link.
     *
     * @throws IllegalArgumentException when the item is not an event ({@link #isEvent})
     */
    public String ics(Item event) {
        if (!isEvent(event)) {
            throw new IllegalArgumentException("item " + event.id() + " is not an event with a start");
        }
        return ics(List.of(event), List.of());
    }

    /**
     * A calendar ({@code METHOD:PUBLISH}) holding these events, with the zones they need, and these further calendar
     * properties (a feed's name and refresh interval, say). Items that are not events are left out. Without events
     * there would be no component, which RFC 5545 does not allow: see {@link #ics(List, List, ZoneId)}.
     */
    public String ics(List<Item> events, List<Property> calendarProperties) {
        return ics(events, calendarProperties, null);
    }

    /**
     * The same, always with the definition of {@code homeZone} (a reader's own zone; UTC when ical4j does not know
     * it), so that the calendar is valid even when it holds no event, as a feed may.
     */
    public String ics(List<Item> events, List<Property> calendarProperties, ZoneId homeZone) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableMethod.PUBLISH);
        calendarProperties.forEach(calendar::add);
        Map<String, VTimeZone> zones = new LinkedHashMap<>();
        if (homeZone != null) {
            TimeZone home = Registry.ZONES.getTimeZone(homeZone.getId());
            String id = home != null ? homeZone.getId() : "Etc/UTC";
            zones.put(id, (home != null ? home : Registry.ZONES.getTimeZone(id)).getVTimeZone());
        }
        List<VEvent> vevents = new ArrayList<>();
        Instant now = clock.instant();
        for (Item item : events) {
            if (!isEvent(item)) {
                continue;
            }
            Optional<VTimeZone> zone = item.allDay() ? Optional.empty() : vtimezone(item.timeZone());
            zone.ifPresent(z -> zones.putIfAbsent(item.timeZone(), z));
            vevents.add(vevent(item, zone.isPresent() ? ZoneId.of(item.timeZone()) : null, now));
        }
        zones.values().forEach(calendar::add);
        vevents.forEach(calendar::add);
        ValidationResult problems = calendar.validate();
        if (problems.hasErrors()) {
            throw new IllegalStateException("Gazette made an invalid calendar: " + problems);
        }
        return ContentLines.fold(calendar.toString());
    }

    private VEvent vevent(Item item, ZoneId zone, Instant now) {
        VEvent event = new VEvent(false);
        event.add(new Uid(uid(item)));
        event.add(new DtStamp(now.truncatedTo(ChronoUnit.SECONDS)));
        event.add(new Organizer(organizer));
        if (item.allDay()) {
            LocalDate first = LocalDate.ofInstant(item.startsAt(), ZoneOffset.UTC);
            // Stored: midnight UTC of the first day, and the exclusive end: midnight UTC of the day after the last.
            LocalDate after = item.endsAt() == null ? first.plusDays(1)
                    : LocalDate.ofInstant(item.endsAt(), ZoneOffset.UTC);
            event.add(new DtStart<>(first));
            event.add(new DtEnd<>(after.isAfter(first) ? after : first.plusDays(1)));
        } else {
            event.add(new DtStart<>(time(item.startsAt(), zone)));
            if (item.endsAt() != null && item.endsAt().isAfter(item.startsAt())) {
                event.add(new DtEnd<>(time(item.endsAt(), zone)));
            }
        }
        event.add(new Summary(oneLine(item.title())));
        if (item.location() != null && !item.location().isBlank()) {
            event.add(new Location(oneLine(item.location())));
        }
        if (item.summaryText() != null && !item.summaryText().isBlank()) {
            event.add(new Description(item.summaryText().strip()));
        }
        url(item.link()).ifPresent(uri -> event.add(new Url(uri)));
        return event;
    }

    /** A zoned time with TZID in the event's zone, or a UTC time when it has none. */
    private static Temporal time(Instant instant, ZoneId zone) {
        return zone == null ? instant : ZonedDateTime.ofInstant(instant, zone);
    }

    /** The zone's definition from ical4j's bundled registry; empty for none, an unknown or a fixed-offset zone. */
    private static Optional<VTimeZone> vtimezone(String zoneId) {
        if (zoneId == null || zoneId.isBlank()) {
            return Optional.empty();
        }
        try {
            ZoneId zone = ZoneId.of(zoneId);
            if (!(zone.getId().equals(zoneId)) || zone instanceof ZoneOffset || zoneId.equals("UTC")) {
                return Optional.empty();
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        TimeZone zone = Registry.ZONES.getTimeZone(zoneId);
        return zone == null ? Optional.empty() : Optional.ofNullable(zone.getVTimeZone());
    }

    /** An http(s) link as a URI; empty for anything else. */
    private static Optional<URI> url(String link) {
        if (link == null || !(link.startsWith("https://") || link.startsWith("http://"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI(link));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("[\\r\\n\\t]+", " ").strip();
    }

    /** ical4j's zone registry, made once (reading its bundled definitions, never the network). */
    private static final class Registry {
        static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();
    }
}
