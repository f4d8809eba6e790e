package dev.gazette.calendar;

import dev.gazette.item.Item;
import dev.gazette.item.ItemStore;
import dev.gazette.subscriber.Subscriber;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.XProperty;

/**
 * A subscriber's calendar feed: the events on their topics from a day ago up to the event horizon
 * ({@code digest.event-horizon}) ahead, as the digests select them ({@link ItemStore#upcomingEvents}), each with the
 * same UID as its "add to calendar" file, and always the definition of the subscriber's own zone (so that a feed
 * without events is still a valid calendar). Calendar apps are asked to refresh it every {@link #REFRESH} (RFC 7986
 * {@code REFRESH-INTERVAL}, and {@code X-PUBLISHED-TTL} for the apps that read only that).
 */
public final class CalendarFeed {
    /** How often a calendar app should fetch the feed again. */
    public static final Duration REFRESH = Duration.ofHours(6);
    /** How far back the feed reaches, so that today's events that have started stay in it. */
    public static final Duration LOOKBACK = Duration.ofDays(1);

    private final ItemStore items;
    private final EventCalendar calendar;
    private final Duration horizon;
    private final Clock clock;

    public CalendarFeed(ItemStore items, EventCalendar calendar, Duration horizon, Clock clock) {
        this.items = items;
        this.calendar = calendar;
        this.horizon = horizon;
        this.clock = clock;
    }

    /** The events of the subscriber's feed, soonest first. */
    public List<Item> events(Subscriber subscriber) {
        Instant now = clock.instant();
        return items.upcomingEvents(now.minus(LOOKBACK), now.plus(horizon), subscriber.topics());
    }

    /**
     * The feed as iCalendar text.
     *
     * @param name the calendar's name as the app shows it ({@code X-WR-CALNAME}), in the subscriber's language
     */
    public String ics(Subscriber subscriber, String name) {
        List<Property> properties = List.of(
                new XProperty("X-WR-CALNAME", name),
                new RefreshInterval(new ParameterList(List.of(Value.DURATION)), REFRESH),
                new XProperty("X-PUBLISHED-TTL", REFRESH.toString()));
        return calendar.ics(events(subscriber), properties, subscriber.timeZone());
    }
}
