package dev.gazette.digest;

import static dev.gazette.digest.DigestSamples.WINDOW_END;
import static dev.gazette.digest.DigestSamples.WINDOW_START;
import static dev.gazette.digest.SelectorFixtures.*;
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


/** Recurring events in a digest: one entry per series, on real items in H2 and PostgreSQL. */
class EventSeriesSelectionTest {
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
