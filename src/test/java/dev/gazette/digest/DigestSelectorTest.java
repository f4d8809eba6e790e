package dev.gazette.digest;

import static dev.gazette.digest.DigestSamples.WINDOW_END;
import static dev.gazette.digest.DigestSamples.WINDOW_START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.config.DigestConfig;
import dev.gazette.config.SourceConfig;
import dev.gazette.config.SourceType;
import dev.gazette.db.Database;
import dev.gazette.db.DatabaseKind;
import dev.gazette.item.CanonicalLinks;
import dev.gazette.item.Item;
import dev.gazette.item.ItemDraft;
import dev.gazette.item.ItemKind;
import dev.gazette.item.ItemStore;
import dev.gazette.source.SourceStore;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.testing.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Selection on real items in H2 and PostgreSQL. */
class DigestSelectorTest {
    /** The send time: the end of the window. */
    private static final Instant NOW = WINDOW_END;
    private static final Instant PUBLISHED = Instant.parse("2026-02-03T12:00:00Z");

    private static ItemStore store(Database db, Instant now) {
        return new ItemStore(db.jdbi(), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Database open(DatabaseKind kind) {
        Database db = TestDatabases.open(kind);
        new SourceStore(db.jdbi(), Clock.fixed(WINDOW_START, ZoneOffset.UTC)).sync(List.of(
                new SourceConfig("wire", "wire", SourceType.FEED, "https://example.org/wire", Duration.ofHours(1), "",
                        List.of(), true, null),
                new SourceConfig("calendar", "calendar", SourceType.CALENDAR, "https://example.org/events.ics",
                        Duration.ofHours(1), "", List.of(), true, null),
                new SourceConfig("other-calendar", "other calendar", SourceType.CALENDAR,
                        "https://example.com/events.ics", Duration.ofHours(1), "", List.of(), true, null)));
        return db;
    }

    private static void article(Database db, Instant firstSeen, String title, Instant published, String... topics) {
        String link = "https://news.example.org/" + title.replace(' ', '-');
        store(db, firstSeen).save("wire", new ItemDraft(ItemKind.ARTICLE, title, link, CanonicalLinks.key(link, null),
                title, "", title, List.of(), published, null, null, null, false, null, null, List.of(topics)));
    }

    private static void event(Database db, Instant firstSeen, String title, Instant start, Instant end, boolean allDay,
            String... topics) {
        String link = "https://events.example.org/" + title.replace(' ', '-');
        store(db, firstSeen).save("wire", new ItemDraft(ItemKind.EVENT, title, link, CanonicalLinks.key(link, start),
                title, "", "", List.of(), null, null, start, end, allDay, null, "Venue", List.of(topics)));
    }

    /**
     * An event as a source stores it: an occurrence of a recurring calendar event has the guid
     * {@code <UID>/<original start>}, a page event its link and start.
     */
    private static void listing(Database db, Instant firstSeen, String sourceId, String guid, String title,
            String link, String location, Instant start, String... topics) {
        store(db, firstSeen).save(sourceId, new ItemDraft(ItemKind.EVENT, guid, link, CanonicalLinks.key(link, start),
                title, "", "", List.of(), null, null, start, start.plus(Duration.ofHours(1)), false, null, location,
                List.of(topics)));
    }

    /** An occurrence of the recurring event {@code uid} of the source "calendar", as the iCalendar reader stores it. */
    private static void occurrence(Database db, Instant firstSeen, String uid, String title, Instant start,
            String... topics) {
        listing(db, firstSeen, "calendar", uid + "/" + start, title, "https://example.org/events/club", "Online",
                start, topics);
    }

    private static DigestSelector selector(Database db, int maxPerTopic, int maxEvents) {
        return selector(db, maxPerTopic, maxEvents, Duration.ofDays(30));
    }

    private static DigestSelector selector(Database db, int maxPerTopic, int maxEvents, Duration horizon) {
        DigestConfig config = DigestSamples.config(Path.of("templates"), maxPerTopic, maxEvents, horizon);
        return new DigestSelector(store(db, NOW), config, DigestSamples.topics());
    }

    private static Subscriber reader(String zone, String... topics) {
        return DigestSamples.subscriber("Reader", List.of(topics), zone, Locale.ENGLISH);
    }

    private static List<String> titles(List<Item> items) {
        return items.stream().map(Item::title).toList();
    }

    /** The title of each listed event (a recurring one's soonest occurrence). */
    private static List<String> eventTitles(Digest digest) {
        return digest.events().stream().map(e -> e.next().title()).toList();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void articlesOfTheFollowedTopicsFirstSeenInTheWindowBySectionInTheConfiguredOrder(DatabaseKind kind) {
        try (Database db = open(kind)) {
            article(db, WINDOW_START.minusSeconds(1), "seen before the window", PUBLISHED, "oncology");
            article(db, WINDOW_START, "seen at the start", PUBLISHED, "oncology");
            article(db, WINDOW_END.minusSeconds(1), "heart news", PUBLISHED, "cardiology");
            article(db, WINDOW_END, "seen at the end", PUBLISHED, "oncology");
            article(db, WINDOW_START.plusSeconds(5), "not followed", PUBLISHED, "digital-health");
            article(db, WINDOW_START.plusSeconds(6), "unknown topic", PUBLISHED, "ghost");

            // subscriber topics are sorted (cardiology, ghost, oncology); sections follow the configuration
            Digest digest = selector(db, 5, 10).select(reader("UTC", "cardiology", "ghost", "oncology"), WINDOW_START,
                    WINDOW_END, NOW);

            assertThat(digest.sections()).extracting(Digest.Section::topic).containsExactly("oncology", "cardiology");
            assertThat(digest.sections()).extracting(Digest.Section::name).containsExactly("Oncology", "Cardiology");
            assertThat(titles(digest.sections().get(0).articles())).containsExactly("seen at the start");
            assertThat(titles(digest.sections().get(1).articles())).containsExactly("heart news");
            assertThat(digest.articleCount()).isEqualTo(2);
            assertThat(digest.isEmpty()).isFalse();
            assertThat(digest.edition()).isEqualTo(Digest.Edition.WEEKLY);
            assertThat(digest.date()).isEqualTo(LocalDate.of(2026, 2, 9));
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anArticleOfTwoFollowedTopicsAppearsOnceInTheFirstOfThemInTheConfiguredOrder(DatabaseKind kind) {
        try (Database db = open(kind)) {
            // configured order: oncology, cardiology, infectious-disease, health-policy, ...
            article(db, WINDOW_START.plusSeconds(1), "cancer drug pricing", PUBLISHED, "health-policy", "oncology");
            article(db, WINDOW_START.plusSeconds(2), "drug pricing", PUBLISHED, "health-policy");

            Digest both = selector(db, 5, 10).select(reader("UTC", "health-policy", "oncology"), WINDOW_START,
                    WINDOW_END, NOW);
            Digest policyOnly = selector(db, 5, 10).select(reader("UTC", "health-policy"), WINDOW_START, WINDOW_END, NOW);

            assertThat(both.sections()).extracting(Digest.Section::topic).containsExactly("oncology", "health-policy");
            assertThat(titles(both.sections().get(0).articles())).containsExactly("cancer drug pricing");
            assertThat(titles(both.sections().get(1).articles())).containsExactly("drug pricing");
            assertThat(both.articleCount()).isEqualTo(2);
            assertThat(titles(policyOnly.sections().get(0).articles()))
                    .containsExactlyInAnyOrder("cancer drug pricing", "drug pricing");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void newestFirstAtMostTheCapAndTheRestCountedAfterDeduplication(DatabaseKind kind) {
        try (Database db = open(kind)) {
            for (int day = 1; day <= 6; day++) {
                article(db, WINDOW_START.plusSeconds(day), "tumour study " + day,
                        Instant.parse("2026-01-0" + day + "T09:00:00Z"), "oncology");
            }
            // no publication date: dated by when it was first seen, the newest of all
            article(db, WINDOW_START.plus(Duration.ofDays(2)), "undated lymphoma note", null, "oncology");
            // also in cardiology, which comes after oncology: counted in oncology only
            article(db, WINDOW_START.plusSeconds(9), "cardiac tumour", Instant.parse("2026-01-10T09:00:00Z"),
                    "cardiology", "oncology");
            article(db, WINDOW_START.plusSeconds(10), "heart study", PUBLISHED, "cardiology");

            Digest digest = selector(db, 3, 10).select(reader("UTC", "cardiology", "oncology"), WINDOW_START,
                    WINDOW_END, NOW);

            Digest.Section oncology = digest.sections().get(0);
            assertThat(titles(oncology.articles()))
                    .containsExactly("undated lymphoma note", "cardiac tumour", "tumour study 6");
            assertThat(oncology.more()).isEqualTo(5);
            assertThat(oncology.total()).isEqualTo(8);
            assertThat(titles(digest.sections().get(1).articles())).containsExactly("heart study");
            assertThat(digest.sections().get(1).more()).isZero();
            assertThat(digest.articleCount()).isEqualTo(9);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void upcomingEventsOfTheFollowedTopicsSoonestFirstWithinTheHorizonCapped(DatabaseKind kind) {
        try (Database db = open(kind)) {
            Instant known = WINDOW_START.minus(Duration.ofDays(30));
            event(db, known, "in three days", NOW.plus(Duration.ofDays(3)), null, false, "oncology");
            event(db, known, "tomorrow", NOW.plus(Duration.ofDays(1)), null, false, "oncology");
            event(db, known, "going on", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofHours(5)), false, "oncology");
            event(db, known, "over", NOW.minus(Duration.ofDays(1)), NOW.minusSeconds(1), false, "oncology");
            event(db, known, "beyond the horizon", NOW.plus(Duration.ofDays(31)), null, false, "oncology");
            event(db, known, "next week", NOW.plus(Duration.ofDays(7)), null, false, "cardiology");
            event(db, known, "not followed", NOW.plus(Duration.ofDays(2)), null, false, "digital-health");
            event(db, known, "in ten days", NOW.plus(Duration.ofDays(10)), null, false, "oncology");

            Digest digest = selector(db, 5, 3).select(reader("UTC", "cardiology", "oncology"), WINDOW_START,
                    WINDOW_END, NOW);

            assertThat(eventTitles(digest)).containsExactly("going on", "tomorrow", "in three days");
            assertThat(digest.moreEvents()).isEqualTo(2);
            assertThat(digest.eventCount()).isEqualTo(5);
            assertThat(digest.newEventCount()).isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anAllDayEventIsListedUntilTheReadersOwnDatePassesItsLastDay(DatabaseKind kind) {
        try (Database db = open(kind)) {
            // Feb 8, stored as midnight UTC; now is Feb 9 03:00 UTC: still Feb 8 in Los Angeles, Feb 9 in Seoul
            Instant now = Instant.parse("2026-02-09T03:00:00Z");
            event(db, WINDOW_START, "open lab day", Instant.parse("2026-02-08T00:00:00Z"), null, true, "oncology");
            DigestSelector.Run run = selector(db, 5, 10).forRun(now);

            assertThat(eventTitles(run.select(reader("America/Los_Angeles", "oncology"), WINDOW_START, now)))
                    .containsExactly("open lab day");
            assertThat(run.select(reader("Asia/Seoul", "oncology"), WINDOW_START, now).events()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aDigestIsEmptyWhenNothingWasFirstSeenInTheWindowEvenWithKnownUpcomingEvents(DatabaseKind kind) {
        try (Database db = open(kind)) {
            event(db, WINDOW_START.minus(Duration.ofDays(3)), "known event", NOW.plus(Duration.ofDays(2)), null, false,
                    "oncology");
            DigestSelector selector = selector(db, 5, 10);

            Digest onlyKnown = selector.select(reader("UTC", "oncology"), WINDOW_START, WINDOW_END, NOW);
            assertThat(onlyKnown.isEmpty()).isTrue();
            assertThat(eventTitles(onlyKnown)).containsExactly("known event");

            event(db, WINDOW_START.plus(Duration.ofDays(1)), "new event", NOW.plus(Duration.ofDays(4)), null, false,
                    "oncology");
            Digest withNewEvent = selector.select(reader("UTC", "oncology"), WINDOW_START, WINDOW_END, NOW);
            assertThat(withNewEvent.isEmpty()).isFalse();
            assertThat(withNewEvent.newEventCount()).isEqualTo(1);
            assertThat(withNewEvent.isNew(withNewEvent.events().get(1))).isTrue();
            assertThat(withNewEvent.isNew(withNewEvent.events().get(0))).isFalse();

            Digest followsNothing = selector.select(reader("UTC"), WINDOW_START, WINDOW_END, NOW);
            assertThat(followsNothing.isEmpty()).isTrue();
            assertThat(followsNothing.events()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aRunLoadsTheEventsOnceAndTheArticlesOncePerWindow(DatabaseKind kind) {
        try (Database db = open(kind)) {
            article(db, WINDOW_START.plusSeconds(1), "cancer news", PUBLISHED, "oncology");
            article(db, WINDOW_START.minus(Duration.ofDays(1)), "older heart news", PUBLISHED, "cardiology");
            event(db, WINDOW_START, "heart congress", NOW.plus(Duration.ofDays(1)), null, false, "cardiology");
            DigestSelector.Run run = selector(db, 5, 10).forRun(NOW);

            for (int i = 0; i < 50; i++) {
                Digest digest = run.select(reader("UTC", i % 2 == 0 ? "oncology" : "cardiology"), WINDOW_START,
                        WINDOW_END);
                assertThat(digest.articleCount()).isEqualTo(i % 2 == 0 ? 1 : 0);
                assertThat(digest.events()).hasSize(i % 2 == 0 ? 0 : 1);
            }
            assertThat(run.queries()).isEqualTo(2);

            Instant dayEarlier = WINDOW_START.minus(Duration.ofDays(1));
            Digest otherWindow = run.select(reader("UTC", "cardiology"), dayEarlier, WINDOW_END);
            assertThat(titles(otherWindow.sections().get(0).articles())).containsExactly("older heart news");
            assertThat(run.queries()).isEqualTo(3);
        }
    }

    private static final String CLUB = "oncology-journal-club@example.org";
    /** Tuesday, Feb 10 2026, 12:00 in New York; the club meets weekly from then. */
    private static final Instant CLUB_START = Instant.parse("2026-02-10T17:00:00Z");

    /** The digest of an oncology reader in UTC, with a 60-day event horizon. */
    private static Digest upcoming(Database db, int maxEvents) {
        return selector(db, 5, maxEvents, Duration.ofDays(60)).select(reader("UTC", "oncology"), WINDOW_START,
                WINDOW_END, NOW);
    }

    private static Instant week(int n) {
        return CLUB_START.plus(Duration.ofDays(7L * n));
    }

    /** Six weekly occurrences (the third one retitled and moved by an override) and three one-off events. */
    private static void weeklyClubAndThreeOneOffs(Database db, Instant firstSeen) {
        for (int n : new int[] {4, 0, 5, 1, 3}) {
            occurrence(db, firstSeen, CLUB, "Oncology Journal Club", week(n), "oncology");
        }
        listing(db, firstSeen, "calendar", CLUB + "/" + week(2), "Oncology Journal Club: guest lecture",
                "https://example.org/events/club-guest", "Main auditorium", week(2), "oncology");
        listing(db, firstSeen, "wire", "https://events.example.org/policy#2026-03-30", "Cancer policy forum",
                "https://events.example.org/policy", "Geneva", Instant.parse("2026-03-30T09:00:00Z"), "oncology");
        listing(db, firstSeen, "wire", "https://events.example.org/board#2026-02-12", "Tumour board open day",
                "https://events.example.org/board", "Boston", Instant.parse("2026-02-12T14:00:00Z"), "oncology");
        listing(db, firstSeen, "calendar", "lymphoma-day@example.org", "Lymphoma day",
                "https://example.org/events/lymphoma-day", "Seoul", Instant.parse("2026-02-20T01:00:00Z"), "oncology");
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aWeeklySeriesIsListedOnceAtItsSoonestDateWithItsLaterOccurrences(DatabaseKind kind, @TempDir Path empty) {
        try (Database db = open(kind)) {
            weeklyClubAndThreeOneOffs(db, WINDOW_START.minus(Duration.ofDays(30)));

            Digest digest = upcoming(db, 10);

            assertThat(eventTitles(digest)).containsExactly("Oncology Journal Club", "Tumour board open day",
                    "Lymphoma day", "Cancer policy forum");
            EventSeries club = digest.events().get(0);
            assertThat(club.next().startsAt()).isEqualTo(CLUB_START);
            assertThat(club.occurrences()).extracting(Item::startsAt)
                    .containsExactly(week(0), week(1), week(2), week(3), week(4), week(5));
            assertThat(club.occurrences()).extracting(Item::title).contains("Oncology Journal Club: guest lecture");
            assertThat(digest.events().subList(1, 4)).allSatisfy(e -> assertThat(e.later()).isEmpty());
            assertThat(digest.moreEvents()).isZero();
            assertThat(digest.eventCount()).isEqualTo(4);

            DigestRenderer renderer = new DigestRenderer(DigestSamples.config(empty), DigestSamples.topics());
            Digest english = selector(db, 5, 10, Duration.ofDays(60)).select(
                    DigestSamples.subscriber("Jane", List.of("oncology"), "America/New_York", Locale.ENGLISH),
                    WINDOW_START, WINDOW_END, NOW);
            Document englishHtml = Jsoup.parse(renderer.render(english, DigestSamples.LINKS).html());
            assertThat(englishHtml.text()).contains("Tuesday, February 10, 2026, 12:00 PM – 1:00 PM EST",
                    "Also on Feb 17, Feb 24 and 3 more dates").doesNotContain("guest lecture");
            assertThat(englishHtml.select("a:containsOwn(Oncology Journal Club)")).hasSize(1);
            assertThat(englishHtml.select("a[href]")).extracting(a -> a.attr("href")).containsOnlyOnce(
                    "https://example.org/events/club");
            Digest korean = selector(db, 5, 10, Duration.ofDays(60)).select(
                    DigestSamples.subscriber("지은", List.of("oncology"), "Asia/Seoul", Locale.KOREAN),
                    WINDOW_START, WINDOW_END, NOW);
            RenderedDigest koreanMail = renderer.render(korean, DigestSamples.LINKS);
            assertThat(Jsoup.parse(koreanMail.html()).text()).contains(
                    "2026년 2월 11일 수요일 오전 2:00 ~ 오전 3:00 KST", "이후 일정: 2월 18일, 2월 25일 외 3회");
            assertThat(koreanMail.text()).contains("이후 일정: 2월 18일, 2월 25일 외 3회");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theEventCapCountsSeriesAndSoDoesTheRest(DatabaseKind kind) {
        try (Database db = open(kind)) {
            weeklyClubAndThreeOneOffs(db, WINDOW_START.minus(Duration.ofDays(30)));

            Digest digest = upcoming(db, 2);

            assertThat(eventTitles(digest)).containsExactly("Oncology Journal Club", "Tumour board open day");
            assertThat(digest.events().get(0).occurrences()).hasSize(6);
            assertThat(digest.moreEvents()).isEqualTo(2);
            assertThat(digest.eventCount()).isEqualTo(4);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void onlyOccurrencesOfOneSeriesOrIdenticalListingsAreMerged(DatabaseKind kind) {
        try (Database db = open(kind)) {
            Instant known = WINDOW_START.minus(Duration.ofDays(30));
            occurrence(db, known, CLUB, "Oncology Journal Club", week(0), "oncology");
            occurrence(db, known, CLUB, "Oncology Journal Club", week(1), "oncology");
            // the same title on another date, but its own link: another event
            listing(db, known, "wire", "https://events.example.org/club-special#1", "Oncology Journal Club",
                    "https://events.example.org/club-special", "Online", week(0).plus(Duration.ofDays(3)), "oncology");
            // the same UID in another calendar: not the same series
            listing(db, known, "other-calendar", CLUB + "/" + week(0).plusSeconds(3600), "Oncology Journal Club",
                    "https://example.org/events/club", "Online", week(0).plusSeconds(3600), "oncology");
            // page events without a UID: merged only when title, link and location are all equal
            String seminar = "https://events.example.org/seminar";
            for (int n = 0; n < 3; n++) {
                listing(db, known, "wire", seminar + "#" + n, "Tumour seminar", seminar, "Room 4",
                        week(n).plus(Duration.ofDays(1)), "oncology");
            }
            listing(db, known, "wire", seminar + "#elsewhere", "Tumour seminar", seminar, "Room 5",
                    week(3).plus(Duration.ofDays(1)), "oncology");
            listing(db, known, "wire", "no-link-1", "Lab meeting", null, "Room 4", week(0).plus(Duration.ofDays(2)),
                    "oncology");
            listing(db, known, "wire", "no-link-2", "Lab meeting", null, "Room 4", week(1).plus(Duration.ofDays(2)),
                    "oncology");

            Digest digest = upcoming(db, 20);

            assertThat(digest.events()).extracting(e -> e.next().title() + " @ " + e.next().startsAt() + " +"
                    + e.later().size()).containsExactly(
                    "Oncology Journal Club @ 2026-02-10T17:00:00Z +1",
                    "Oncology Journal Club @ 2026-02-10T18:00:00Z +0",
                    "Tumour seminar @ 2026-02-11T17:00:00Z +2",
                    "Lab meeting @ 2026-02-12T17:00:00Z +0",
                    "Oncology Journal Club @ 2026-02-13T17:00:00Z +0",
                    "Lab meeting @ 2026-02-19T17:00:00Z +0",
                    "Tumour seminar @ 2026-03-04T17:00:00Z +0");
            assertThat(digest.eventCount()).isEqualTo(7);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aSeriesIsNewWhenAnyOccurrenceIsAndCountsAsOneNewEvent(DatabaseKind kind, @TempDir Path empty) {
        try (Database db = open(kind)) {
            Instant known = WINDOW_START.minus(Duration.ofDays(30));
            Instant seen = WINDOW_START.plus(Duration.ofDays(1));
            // a known series whose latest week was first collected in the window (the calendar reached further)
            for (int n = 0; n < 4; n++) {
                occurrence(db, n == 3 ? seen : known, CLUB, "Oncology Journal Club", week(n), "oncology");
            }
            // a series first collected in the window: five new occurrences
            for (int n = 0; n < 5; n++) {
                listing(db, seen, "calendar", "rounds@example.org/" + week(n).plusSeconds(7200), "Tumour rounds",
                        "https://example.org/events/rounds", "Ward 3", week(n).plusSeconds(7200), "oncology");
            }
            // a known series
            for (int n = 0; n < 2; n++) {
                listing(db, known, "calendar", "board@example.org/" + week(n).plusSeconds(3600), "Tumour board",
                        "https://example.org/events/board", "Ward 2", week(n).plusSeconds(3600), "oncology");
            }

            Digest digest = upcoming(db, 10);

            assertThat(eventTitles(digest)).containsExactly("Oncology Journal Club", "Tumour board", "Tumour rounds");
            assertThat(digest.isNew(digest.events().get(0).next())).isFalse();
            assertThat(digest.isNew(digest.events().get(0))).as("its last week is new").isTrue();
            assertThat(digest.isNew(digest.events().get(1))).isFalse();
            assertThat(digest.isNew(digest.events().get(2))).isTrue();
            assertThat(digest.newEventCount()).isEqualTo(2);
            assertThat(digest.isEmpty()).isFalse();

            Digest later = selector(db, 5, 10, Duration.ofDays(60)).select(reader("UTC", "oncology"), WINDOW_END,
                    WINDOW_END.plus(Duration.ofDays(1)), NOW);
            assertThat(later.newEventCount()).isZero();
            assertThat(later.isEmpty()).isTrue();

            RenderedDigest rendered = new DigestRenderer(DigestSamples.config(empty), DigestSamples.topics())
                    .render(digest, DigestSamples.LINKS);
            assertThat(rendered.subject()).isEqualTo("Your weekly Gazette, Feb 9, 2026: 2 new events");
            assertThat(Jsoup.parse(rendered.html()).select("span:matchesOwn(^New$)")).hasSize(2);
            assertThat(rendered.text()).contains("[New] Oncology Journal Club", "[New] Tumour rounds")
                    .doesNotContain("[New] Tumour board");
        }
    }
}
