package dev.gazette.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.Gazette;
import dev.gazette.config.ConfigLoader;
import dev.gazette.config.GazetteConfig;
import dev.gazette.db.DatabaseKind;
import dev.gazette.delivery.DigestComposer;
import dev.gazette.item.Item;
import dev.gazette.testing.FixtureServer;
import dev.gazette.testing.MutableClock;
import dev.gazette.testing.TestDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The demo's sample calendar through the whole pipeline: served over HTTP, collected by Gazette (one item per
 * occurrence), selected and rendered by Gazette's own composer as a reader's preview. Its weekly Oncology Journal
 * Club must be listed once, not fill the list.
 */
class SampleCalendarDigestTest {
    /** Saturday 28 November 2026, 10:00 UTC. */
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final String CLUB_LINK = "https://example.org/events/oncology-journal-club";
    private static final String ROUNDS_LINK = "https://example.org/events/cardiology-grand-rounds";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theWeeklyClubOfTheSampleCalendarIsOneEventInEachReadersDigest(DatabaseKind kind) throws IOException {
        MutableClock clock = new MutableClock(NOW);
        try (FixtureServer server = new FixtureServer(); Gazette gazette = open(kind, server, clock)) {
            assertThat(gazette.collectNow().hasFailures()).isFalse();
            // the store has one item per occurrence: nine Tuesdays within the 60-day event horizon
            List<Item> stored = gazette.items().upcomingEvents(NOW, NOW.plus(Duration.ofDays(60)), List.of("oncology"));
            assertThat(stored).filteredOn(e -> CLUB_LINK.equals(e.link())).hasSize(9);

            clock.advance(Duration.ofMinutes(1));
            Path csv = dir.resolve("subscribers.csv");
            Files.writeString(csv, """
                    email,name,topics,frequency,timezone,locale
                    ana@example.org,Ana Ruiz,oncology;cardiology,weekly,America/Los_Angeles,en
                    jisoo@example.org,김지수,oncology,weekly,Asia/Seoul,ko
                    """);
            assertThat(gazette.subscriberImporter().importFile(csv).rejected()).isZero();

            DigestComposer.Composed ana = preview(gazette, "ana@example.org");
            assertThat(ana.nothingNew()).isFalse();
            assertThat(ana.digest().eventCount()).isEqualTo(2);
            assertThat(ana.digest().subject()).endsWith(": 2 new events");
            Document anaHtml = Jsoup.parse(ana.digest().html());
            assertThat(anaHtml.select("a[href=" + CLUB_LINK + "]")).hasSize(1);
            assertThat(anaHtml.select("a[href=" + ROUNDS_LINK + "]")).hasSize(1);
            assertThat(anaHtml.text()).contains(
                    "Tuesday, December 1, 2026, 9:00 AM – 10:00 AM PST", "Also on Dec 8, Dec 15 and 6 more dates",
                    "Wednesday, December 16, 2026, 2:30 PM – 3:30 PM PST", "Also on Jan 20, 2027")
                    .doesNotContain("more upcoming event");
            assertThat(ana.digest().text()).contains("* [New] Oncology Journal Club\n"
                    + "  Tuesday, December 1, 2026, 9:00 AM – 10:00 AM PST\n"
                    + "  Also on Dec 8, Dec 15 and 6 more dates\n");
            assertThat(ana.digest().text().split("Oncology Journal Club", -1)).hasSize(2);
            // each event has an "add to calendar" link to an .ics of the occurrence shown, in the text too
            List<String> addLinks = anaHtml.select("a.add-to-calendar").eachAttr("href");
            assertThat(anaHtml.select("a.add-to-calendar").eachText()).containsExactly("Add to calendar", "Add to calendar");
            assertThat(addLinks).hasSize(2).allMatch(l -> l.matches("https://news\\.example\\.org/events/[0-9]+-[A-Za-z0-9_-]{16}/event\\.ics"));
            Item firstClub = stored.stream().filter(e -> CLUB_LINK.equals(e.link())).findFirst().orElseThrow();
            assertThat(addLinks.get(0)).isEqualTo(gazette.calendarLinks().eventUrl(firstClub.id()));
            assertThat(ana.digest().text()).contains("  Add to calendar: " + addLinks.get(0) + "\n");
            String ics = gazette.eventCalendar().ics(firstClub);
            assertThat(ics).contains("UID:item-" + firstClub.id() + "@", "SUMMARY:Oncology Journal Club");
            // collected again: the same item, so the same link and UID
            clock.advance(Duration.ofHours(2));
            assertThat(gazette.collectNow().hasFailures()).isFalse();
            assertThat(preview(gazette, "ana@example.org").digest().html()).contains(addLinks.get(0));

            DigestComposer.Composed jisoo = preview(gazette, "jisoo@example.org");
            assertThat(jisoo.digest().eventCount()).isEqualTo(1);
            assertThat(jisoo.digest().subject()).contains("새 행사 1건");
            Document jisooHtml = Jsoup.parse(jisoo.digest().html());
            assertThat(jisooHtml.select("a[href=" + CLUB_LINK + "]")).hasSize(1);
            assertThat(jisooHtml.text()).contains("2026년 12월 2일 수요일 오전 2:00 ~ 오전 3:00 KST",
                    "이후 일정: 12월 9일, 12월 16일 외 6회");
            assertThat(jisoo.digest().text()).contains("  이후 일정: 12월 9일, 12월 16일 외 6회\n");
            assertThat(jisooHtml.select("a.add-to-calendar").eachText()).containsExactly("캘린더에 추가");
            assertThat(jisoo.digest().text()).contains("  캘린더에 추가: https://news.example.org/events/");
        }
    }

    private static DigestComposer.Composed preview(Gazette gazette, String email) {
        return gazette.digests().preview(gazette.subscribers().findByEmail(email).orElseThrow());
    }

    private Gazette open(DatabaseKind kind, FixtureServer server, MutableClock clock) throws IOException {
        byte[] calendar;
        try (InputStream in = SampleCalendarDigestTest.class.getResourceAsStream("/samples/biotech-events.ics")) {
            calendar = in.readAllBytes();
        }
        server.route("/events.ics", FixtureServer.Route.ok(calendar, "text/calendar"));
        String yaml = """
                data-dir: "%s"
                database: {url: "%s", user: %s}
                server: {public-url: "https://news.example.org"}
                sources:
                  - {id: sample-events, type: calendar, url: "%s"}
                subscribers: {import-on-start: false}
                security: {secret: "a-sample-calendar-test-secret-of-enough-length"}
                """.formatted(dir.resolve("data"), TestDatabases.jdbcUrl(kind),
                kind == DatabaseKind.H2 ? "sa" : "postgres", server.uri("/events.ics"));
        Path file = dir.resolve("gazette.yml");
        Files.writeString(file, yaml);
        GazetteConfig config = new ConfigLoader(Map.of()).load(file);
        return Gazette.open(config, clock);
    }
}
