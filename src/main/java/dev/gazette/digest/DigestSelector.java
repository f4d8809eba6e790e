package dev.gazette.digest;

import dev.gazette.config.DigestConfig;
import dev.gazette.config.TopicConfig;
import dev.gazette.item.Item;
import dev.gazette.item.ItemStore;
import dev.gazette.subscriber.Subscriber;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses what goes into each subscriber's {@link Digest}.
 *
 * <p>Articles: those first collected in the digest's window and tagged with a topic the subscriber follows, in
 * one section per followed topic, sections in the configured topic order ({@code topics} in the configuration,
 * the same for every subscriber). An article tagged with several followed topics appears once, in the section of
 * the first of them in that order. Each section lists its newest articles first (by publication date, else by
 * when first collected), at most {@code digest.max-items-per-topic}, and counts the rest as "N more". Topics the
 * configuration does not know (a stale subscriber entry, an item tagged before a topic was removed) are ignored.
 *
 * <p>Events: those of the followed topics that start between now and now + {@code digest.event-horizon}, or have
 * started and are still going on (an all-day event until the subscriber's local date passes its last day; see
 * {@link ItemStore#upcomingEvents}). The occurrences of a recurring event are grouped into one {@link EventSeries}
 * (see {@link EventSeriesGrouping} for how a series is recognised), placed at its soonest occurrence, so that a
 * weekly club does not fill the list. Soonest first, at most {@code digest.max-events} series, the rest counted
 * as "N more" (series too). An event is new when any of its occurrences was first collected in the window, and
 * counts once in {@link Digest#newEventCount()} however many of its occurrences are new.
 *
 * <p>Editor's notes and featured items: those the editors wrote or pinned within the digest's window (see
 * {@link EditorsPicks}), so each subscriber's next digest has them, once. A featured article is not listed again in
 * its section.
 *
 * <p>A send run selects for many subscribers: use {@link #forRun(Instant)}, which loads the events once and the
 * articles once per distinct window (subscribers of one edition share it), and filters per subscriber in memory.
 */
public final class DigestSelector {
    /** The most distinct windows a run keeps loaded at once (subscribers are usually grouped by window). */
    private static final int WINDOWS_KEPT = 64;

    private final ItemStore items;
    private final DigestConfig config;
    private final EditorsPicks picks;
    private final Map<String, TopicConfig> topics = new LinkedHashMap<>();

    /** A selector without editor's notes or featured items. */
    public DigestSelector(ItemStore items, DigestConfig config, List<TopicConfig> topics) {
        this(items, config, topics, EditorsPicks.NONE);
    }

    /** @param picks the editors' notes and featured items, by window */
    public DigestSelector(ItemStore items, DigestConfig config, List<TopicConfig> topics, EditorsPicks picks) {
        this.items = items;
        this.config = config;
        this.picks = picks;
        topics.forEach(topic -> this.topics.putIfAbsent(topic.slug(), topic));
    }

    /** Select one digest; for many subscribers use {@link #forRun(Instant)} instead. */
    public Digest select(Subscriber subscriber, Instant windowStart, Instant windowEnd, Instant now) {
        return forRun(now).select(subscriber, windowStart, windowEnd);
    }

    /** A selection for one send run at {@code now}: the events and each window's articles are loaded once. */
    public Run forRun(Instant now) {
        return new Run(now);
    }

    /** One send run's selection; safe to share between threads. */
    public final class Run {
        private final Instant now;
        private final Map<Window, WindowContent> articles = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Window, WindowContent> eldest) {
                return size() > WINDOWS_KEPT;
            }
        };
        private List<Item> events;
        private int queries;

        private Run(Instant now) {
            this.now = now;
        }

        /**
         * The digest of the articles first collected in {@code [windowStart, windowEnd)} and of the events from
         * this run's now on.
         */
        public Digest select(Subscriber subscriber, Instant windowStart, Instant windowEnd) {
            if (windowEnd.isBefore(windowStart)) {
                throw new IllegalArgumentException("digest window ends (" + windowEnd + ") before it starts ("
                        + windowStart + ")");
            }
            Set<String> followedSet = new HashSet<>(subscriber.topics());
            List<TopicConfig> followed = topics.values().stream().filter(t -> followedSet.contains(t.slug())).toList();
            WindowContent content = articles(new Window(windowStart, windowEnd));
            Map<String, List<Item>> byTopic = content.byTopic();

            List<Digest.Section> sections = new ArrayList<>();
            Set<Long> placed = new HashSet<>();
            content.featured().forEach(item -> placed.add(item.id())); // featured above: not listed again
            for (TopicConfig topic : followed) {
                List<Item> shown = new ArrayList<>();
                int total = 0;
                for (Item article : byTopic.getOrDefault(topic.slug(), List.of())) {
                    if (placed.add(article.id())) {
                        total++;
                        if (shown.size() < config.maxItemsPerTopic()) {
                            shown.add(article);
                        }
                    }
                }
                if (total > 0) {
                    sections.add(new Digest.Section(topic.slug(), topic.name(), shown, total - shown.size()));
                }
            }

            LocalDate today = now.atZone(subscriber.timeZone()).toLocalDate();
            List<EventSeries> upcoming = EventSeriesGrouping.group(events().stream()
                    .filter(e -> e.topics().stream().anyMatch(followedSet::contains))
                    .filter(e -> aheadOrGoingOn(e, today))
                    .toList());
            List<EventSeries> shownEvents = upcoming.subList(0, Math.min(upcoming.size(), config.maxEvents()));
            int newEvents = (int) upcoming.stream()
                    .filter(series -> series.occurrences().stream()
                            .anyMatch(e -> isIn(e.firstSeenAt(), windowStart, windowEnd)))
                    .count();

            return new Digest(subscriber, Digest.Edition.of(subscriber.frequency()),
                    windowEnd.atZone(subscriber.timeZone()).toLocalDate(), windowStart, windowEnd, sections,
                    shownEvents, upcoming.size() - shownEvents.size(), newEvents, content.notes(), content.featured());
        }

        /** How many item queries this run has made (for tests of reuse). */
        synchronized int queries() {
            return queries;
        }

        private synchronized WindowContent articles(Window window) {
            WindowContent loaded = articles.get(window);
            if (loaded == null) {
                queries++;
                Map<String, List<Item>> byTopic = new HashMap<>();
                for (Item article : items.articlesFirstSeen(window.start(), window.end(), topics.keySet())) {
                    for (String topic : article.topics()) {
                        byTopic.computeIfAbsent(topic, k -> new ArrayList<>()).add(article);
                    }
                }
                loaded = new WindowContent(byTopic, picks.notes(window.start(), window.end()),
                        picks.featured(window.start(), window.end()));
                articles.put(window, loaded);
            }
            return loaded;
        }

        private synchronized List<Item> events() {
            if (events == null) {
                queries++;
                Duration horizon = config.eventHorizon();
                events = items.upcomingEvents(now, now.plus(horizon), topics.keySet());
            }
            return events;
        }

        /** Timed: starts now or later, or ends after now. All-day: its last day is not before the reader's today. */
        private boolean aheadOrGoingOn(Item event, LocalDate today) {
            if (event.allDay()) {
                LocalDate first = event.startsAt().atZone(ZoneOffset.UTC).toLocalDate();
                LocalDate last = event.endsAt() == null ? first
                        : event.endsAt().minusNanos(1).atZone(ZoneOffset.UTC).toLocalDate();
                return !(last.isBefore(first) ? first : last).isBefore(today);
            }
            return !event.startsAt().isBefore(now) || event.endsAt() != null && event.endsAt().isAfter(now);
        }
    }

    private static boolean isIn(Instant instant, Instant start, Instant end) {
        return instant != null && !instant.isBefore(start) && instant.isBefore(end);
    }

    private record Window(Instant start, Instant end) {}

    /** What one window holds: its new articles by topic, and the editors' notes and featured items. */
    private record WindowContent(Map<String, List<Item>> byTopic, List<EditorNote> notes, List<Item> featured) {}
}
