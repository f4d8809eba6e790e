package dev.gazette.digest;

import dev.gazette.config.ConfigDefaults;
import dev.gazette.config.DigestConfig;
import dev.gazette.config.TopicConfig;
import dev.gazette.item.Item;
import dev.gazette.item.ItemKind;
import dev.gazette.subscriber.Frequency;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.SubscriberStatus;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** Subscribers, items, digests and configuration for digest tests. */
final class DigestSamples {
    static final Instant WINDOW_START = Instant.parse("2026-02-02T08:00:00Z");
    static final Instant WINDOW_END = Instant.parse("2026-02-09T08:00:00Z");
    static final DigestLinks LINKS = new DigestLinks("https://gazette.example.org/preferences?t=abc",
            "https://gazette.example.org/unsubscribe?t=abc", null);

    private DigestSamples() {}

    static List<TopicConfig> topics() {
        return ConfigDefaults.config().topics();
    }

    /** The default digest settings, templates read from {@code templates} (an empty folder: all bundled). */
    static DigestConfig config(Path templates) {
        DigestConfig d = ConfigDefaults.config().digest();
        return new DigestConfig(templates, d.eventHorizon(), d.maxItemsPerTopic(), d.maxEvents(), d.sendEmpty(),
                d.dailyStaleAfter(), d.weeklyStaleAfter(), d.checkEvery(), d.sendOnStart());
    }

    static DigestConfig config(Path templates, int maxItemsPerTopic, int maxEvents, Duration eventHorizon) {
        DigestConfig d = config(templates);
        return new DigestConfig(templates, eventHorizon, maxItemsPerTopic, maxEvents, d.sendEmpty(),
                d.dailyStaleAfter(), d.weeklyStaleAfter(), d.checkEvery(), d.sendOnStart());
    }

    static Subscriber subscriber(String name, List<String> topics, String zone, Locale locale) {
        return new Subscriber(1, "reader@example.org", name, SubscriberStatus.ACTIVE, topics, Frequency.WEEKLY,
                DayOfWeek.MONDAY, 8, ZoneId.of(zone), locale, 1, 1, WINDOW_START, WINDOW_START);
    }

    static Item article(long id, String title, String link, String summary, Instant published, List<String> topics) {
        return new Item(id, "sample-wire", ItemKind.ARTICLE, "g" + id, link, title, "<p>" + summary + "</p>", summary,
                List.of(), published, null, null, null, false, null, null, WINDOW_START.plusSeconds(3600), topics);
    }

    static Item event(long id, String title, String link, Instant start, Instant end, boolean allDay, String location,
            Instant firstSeen, List<String> topics) {
        return new Item(id, "sample-events", ItemKind.EVENT, "e" + id, link, title, "", "", List.of(), null, null,
                start, end, allDay, null, location, firstSeen, topics);
    }

    /** A digest with one section of these articles and these one-off events (counted as "more": none). */
    static Digest digest(Subscriber subscriber, String topic, String topicName, List<Item> articles, List<Item> events) {
        return seriesDigest(subscriber, topic, topicName, articles, events.stream().map(EventSeries::of).toList());
    }

    /** A digest with one section of these articles and these events (counted as "more": none). */
    static Digest seriesDigest(Subscriber subscriber, String topic, String topicName, List<Item> articles,
            List<EventSeries> events) {
        List<Digest.Section> sections = articles.isEmpty() ? List.of()
                : List.of(new Digest.Section(topic, topicName, articles, 0));
        int newEvents = (int) events.stream()
                .filter(s -> s.occurrences().stream().anyMatch(e -> !e.firstSeenAt().isBefore(WINDOW_START)))
                .count();
        return new Digest(subscriber, Digest.Edition.of(subscriber.frequency()), LocalDate.of(2026, 2, 9),
                WINDOW_START, WINDOW_END, sections, events, 0, newEvents);
    }
}
