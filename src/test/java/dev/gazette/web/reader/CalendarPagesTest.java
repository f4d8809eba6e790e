package dev.gazette.web.reader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.db.DatabaseKind;
import dev.gazette.item.Item;
import dev.gazette.item.ItemDraft;
import dev.gazette.item.ItemKind;
import dev.gazette.item.ItemQuery;
import dev.gazette.item.SaveOutcome;
import dev.gazette.subscriber.Frequency;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.TokenPurpose;
import dev.gazette.web.reader.ReaderWorld.Page;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Events in readers' calendars over real HTTP: one event's .ics, a subscriber's private feed, and the preference
 * centre's calendar section with its "new calendar link" button. Every calendar served is parsed back with ical4j.
 */
class CalendarPagesTest {
    private static final String SOURCES = """
            sources:
              - {id: events, type: calendar, url: "http://127.0.0.1:9/events.ics"}
            """;

    @TempDir
    Path dir;

    private ReaderWorld world;

    @AfterEach
    void close() {
        if (world != null) {
            world.close();
        }
    }

    private Item save(String guid, ItemKind kind, String title, Instant start, Instant end, boolean allDay, String zone,
            String topic) {
        ItemDraft draft = new ItemDraft(kind, guid, "https://events.example.org/" + guid, null, title,
                "<p>About " + title + "</p>", "About " + title, List.of(), kind == ItemKind.ARTICLE ? start : null, null,
                kind == ItemKind.EVENT ? start : null, kind == ItemKind.EVENT ? end : null, allDay, zone,
                kind == ItemKind.EVENT ? "Hall A" : null, List.of(topic));
        assertThat(world.gazette.items().save("events", draft)).isIn(SaveOutcome.NEW, SaveOutcome.UPDATED);
        return world.gazette.items().list(ItemQuery.all()).stream().filter(i -> i.guid().equals(guid)).findFirst()
                .orElseThrow();
    }

    private static Calendar parse(String ics) {
        try {
            Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
            assertThat(calendar.validate().hasErrors()).as("valid: %s", calendar.validate()).isFalse();
            return calendar;
        } catch (Exception e) {
            throw new AssertionError("not a calendar: " + e + "\n" + ics, e);
        }
    }

    private static List<String> uids(Calendar calendar) {
        return calendar.<VEvent>getComponents("VEVENT").stream()
                .map(e -> e.getProperty("UID").map(Property::getValue).orElseThrow()).toList();
    }

    private String eventPath(long id) {
        return world.path(world.gazette.calendarLinks().eventUrl(id));
    }

    private String feedPath(Subscriber subscriber) {
        return world.path(world.gazette.calendarLinks().feedUrl(subscriber));
    }

    @Test
    void anEventDownloadsAsAnIcsFileWithItsZoneAndAStableUid() {
        world = new ReaderWorld(dir, DatabaseKind.H2, SOURCES);
        // 09:00 in New York on 10 December 2026 (EST)
        Item board = save("board", ItemKind.EVENT, "Tumour board: 암 치료 \"review\"", Instant.parse("2026-12-10T14:00:00Z"),
                Instant.parse("2026-12-10T15:00:00Z"), false, "America/New_York", "oncology");

        Page first = world.get(eventPath(board.id()));

        assertThat(first.status()).isEqualTo(200);
        HttpResponse<String> response = first.response();
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("text/calendar; charset=utf-8");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .isEqualTo("attachment; filename=\"Tumour-board-review.ics\"; "
                        + "filename*=UTF-8''Tumour%20board%20%EC%95%94%20%EC%B9%98%EB%A3%8C%20review.ics");
        assertThat(response.headers().firstValue("X-Robots-Tag").orElseThrow()).startsWith("noindex");
        assertThat(response.body()).contains("DTSTART;TZID=America/New_York:20261210T090000", "BEGIN:VTIMEZONE");
        Calendar calendar = parse(response.body());
        String domainUid = "item-" + board.id() + "@example.org";
        assertThat(uids(calendar)).containsExactly(domainUid);
        assertThat(calendar.<VEvent>getComponents("VEVENT").get(0).getProperty("SUMMARY").orElseThrow().getValue())
                .isEqualTo("Tumour board: 암 치료 \"review\"");

        // downloaded again, and after the source changed the event: the same UID
        world.clock.advance(java.time.Duration.ofHours(3));
        Item moved = save("board", ItemKind.EVENT, "Tumour board (moved)", Instant.parse("2026-12-11T14:00:00Z"),
                Instant.parse("2026-12-11T15:00:00Z"), false, "America/New_York", "oncology");
        assertThat(moved.id()).isEqualTo(board.id());
        Calendar again = parse(world.get(eventPath(board.id())).response().body());
        assertThat(uids(again)).containsExactly(domainUid);
    }

    @Test
    void aWrongMacAnArticleOrAnUnknownIdIsNotFound() {
        world = new ReaderWorld(dir, DatabaseKind.H2, SOURCES);
        Item event = save("e", ItemKind.EVENT, "Event", Instant.parse("2026-12-10T14:00:00Z"), null, false, null,
                "oncology");
        Item article = save("a", ItemKind.ARTICLE, "Article", Instant.parse("2026-11-27T14:00:00Z"), null, false, null,
                "oncology");
        String ref = world.gazette.calendarLinks().eventRef(event.id());

        assertThat(world.get("/events/" + ref + "/event.ics").status()).isEqualTo(200);
        String mac = ref.substring(ref.indexOf('-') + 1);
        String flipped = (mac.charAt(0) == 'A' ? 'B' : 'A') + mac.substring(1);
        assertThat(world.get("/events/" + event.id() + "-" + flipped + "/event.ics").status()).isEqualTo(404);
        assertThat(world.get("/events/" + event.id() + "/event.ics").status()).isEqualTo(404);
        assertThat(world.get("/events/" + article.id() + "-" + mac + "/event.ics").status()).as("another id, this MAC")
                .isEqualTo(404);
        assertThat(world.get(eventPath(article.id())).status()).as("an article").isEqualTo(404);
        assertThat(world.get(eventPath(event.id() + 1000)).status()).as("no such item").isEqualTo(404);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theFeedListsTheUpcomingEventsOnTheSubscribersTopicsOnly(DatabaseKind kind) {
        world = new ReaderWorld(dir, kind, SOURCES);
        Item zoned = save("zoned", ItemKind.EVENT, "Board", Instant.parse("2026-12-10T14:00:00Z"),
                Instant.parse("2026-12-10T15:00:00Z"), false, "America/New_York", "oncology");
        Item allDay = save("allday", ItemKind.EVENT, "Congress", Instant.parse("2026-12-20T00:00:00Z"),
                Instant.parse("2026-12-22T00:00:00Z"), true, null, "oncology");
        save("other-topic", ItemKind.EVENT, "Heart day", Instant.parse("2026-12-05T10:00:00Z"), null, false, null,
                "cardiology");
        save("past", ItemKind.EVENT, "Last week", Instant.parse("2026-11-20T10:00:00Z"),
                Instant.parse("2026-11-20T11:00:00Z"), false, null, "oncology");
        save("far", ItemKind.EVENT, "Next spring", Instant.parse("2027-04-01T10:00:00Z"), null, false, null, "oncology");
        save("article", ItemKind.ARTICLE, "News", Instant.parse("2026-11-27T10:00:00Z"), null, false, null, "oncology");
        Subscriber reader = world.active("cal@example.org", "Cal", Frequency.WEEKLY, "UTC", "ko");

        Page feed = world.get(feedPath(reader));

        assertThat(feed.status()).isEqualTo(200);
        HttpResponse<String> response = feed.response();
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("text/calendar; charset=utf-8");
        assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).isEqualTo("private, max-age=300");
        assertThat(response.headers().firstValue("X-Robots-Tag").orElseThrow()).startsWith("noindex");
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
        Calendar calendar = parse(response.body());
        assertThat(uids(calendar)).containsExactly("item-" + zoned.id() + "@example.org",
                "item-" + allDay.id() + "@example.org");
        assertThat(calendar.getProperty("X-WR-CALNAME").orElseThrow().getValue()).isEqualTo("Gazette 행사");
        assertThat(response.body()).contains("REFRESH-INTERVAL;VALUE=DURATION:PT6H", "X-PUBLISHED-TTL:PT6H",
                "DTSTART;TZID=America/New_York:20261210T090000", "DTSTART;VALUE=DATE:20261220",
                "DTEND;VALUE=DATE:20261222");
        // the same UID as the event's own file
        assertThat(uids(parse(world.get(eventPath(zoned.id())).response().body())))
                .containsExactly("item-" + zoned.id() + "@example.org");
        // an English reader's calendar is named in English
        Subscriber english = world.active("en@example.org", "", Frequency.WEEKLY, "UTC", "en");
        assertThat(parse(world.get(feedPath(english)).response().body()).getProperty("X-WR-CALNAME").orElseThrow()
                .getValue()).isEqualTo("Gazette events");
    }

    @Test
    void aNewCalendarLinkFromThePreferenceCentreRevokesTheOldOneAndLeavesTheEmailLinks() {
        world = new ReaderWorld(dir, DatabaseKind.H2, SOURCES);
        Subscriber reader = world.active("rev@example.org", "", Frequency.WEEKLY, "UTC", "en");
        String preferences = world.path(TokenPurpose.PREFERENCES, reader);
        Page page = world.get(preferences);
        Document doc = page.document();
        String oldFeed = feedPath(reader);
        assertThat(doc.selectFirst("#calendar-https").attr("value")).isEqualTo(world.base + oldFeed);
        assertThat(doc.selectFirst("#calendar-webcal").attr("value"))
                .isEqualTo("webcal://" + world.base.substring("http://".length()) + oldFeed);
        assertThat(doc.selectFirst("#calendar-subscribe").attr("href")).startsWith("webcal://").endsWith("/gazette.ics");
        assertThat(doc.selectFirst("#calendar-subscribe").text()).isEqualTo("Subscribe in your calendar app");
        assertThat(world.get(oldFeed).status()).isEqualTo(200);
        assertThat(world.post(preferences + "/calendar/revoke", ReaderWorld.form()).status()).as("no CSRF field")
                .isEqualTo(403);

        Page moved = world.submit(page, "#calendar-revoke-form", Map.of());

        assertThat(moved.status()).isEqualTo(303);
        Page after = world.follow(moved);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.document().selectFirst("#done").text()).contains("The old one has stopped working");
        String newFeed = world.path(after.document().selectFirst("#calendar-https").attr("value"));
        assertThat(newFeed).isNotEqualTo(oldFeed).endsWith("/gazette.ics");
        assertThat(world.get(oldFeed).status()).isEqualTo(404);
        assertThat(world.get(newFeed).status()).isEqualTo(200);
        assertThat(world.get(preferences).status()).as("the email links still work").isEqualTo(200);
        assertThat(world.get(world.path(TokenPurpose.UNSUBSCRIBE, reader)).status()).isEqualTo(200);
    }

    @Test
    void revokingAllLinksAlsoRevokesTheFeedAndALeaverHasNone() {
        world = new ReaderWorld(dir, DatabaseKind.H2, SOURCES);
        Subscriber reader = world.active("all@example.org", "", Frequency.WEEKLY, "UTC", "en");
        String feed = feedPath(reader);
        Page page = world.get(world.path(TokenPurpose.PREFERENCES, reader));

        Page renewed = world.follow(world.submit(page, "#revoke-form", Map.of()));

        assertThat(world.get(feed).status()).isEqualTo(404);
        String newFeed = world.path(renewed.document().selectFirst("#calendar-https").attr("value"));
        assertThat(world.get(newFeed).status()).isEqualTo(200);
        world.gazette.subscribers().unsubscribe(reader.id());
        assertThat(world.get(newFeed).status()).as("unsubscribed").isEqualTo(404);
        Subscriber bounced = world.active("bounce@example.org", "", Frequency.WEEKLY, "UTC", "en");
        String bouncedFeed = feedPath(bounced);
        world.gazette.subscribers().markBounced(bounced.id(), "550 no such user");
        assertThat(world.get(bouncedFeed).status()).as("bounced").isEqualTo(404);
    }

    @Test
    void aForgedTamperedOrOtherPurposeTokenCannotOpenAFeed() {
        world = new ReaderWorld(dir, DatabaseKind.H2, SOURCES);
        Subscriber mine = world.active("mine@example.org", "", Frequency.WEEKLY, "UTC", "en");
        Subscriber other = world.active("other@example.org", "", Frequency.WEEKLY, "UTC", "en");
        String token = world.gazette.tokens().issue(TokenPurpose.CALENDAR, mine);

        char last = token.charAt(token.length() - 5);
        String tampered = token.substring(0, token.length() - 5) + (last == 'A' ? 'B' : 'A') + token.substring(token.length() - 4);
        assertThat(world.get("/calendar/" + tampered + "/gazette.ics").status()).isEqualTo(404);
        String preferencesToken = world.gazette.tokens().issue(TokenPurpose.PREFERENCES, other);
        assertThat(world.get("/calendar/" + preferencesToken + "/gazette.ics").status()).as("a preferences token")
                .isEqualTo(404);
        // a token for the other subscriber's id, signed with the wrong version, is refused too
        String wrongVersion = world.gazette.tokens().issue(TokenPurpose.CALENDAR, other.id(), other.calendarVersion() + 1,
                null);
        assertThat(world.get("/calendar/" + wrongVersion + "/gazette.ics").status()).isEqualTo(404);
        assertThat(world.get("/calendar/nonsense/gazette.ics").status()).isEqualTo(404);
        assertThat(world.get("/calendar/" + token + "/gazette.ics").status()).isEqualTo(200);
        assertThat(world.get(world.path(TokenPurpose.PREFERENCES, mine).replace("/preferences/", "/calendar/")
                + "/gazette.ics").status()).as("a preferences token in the feed's path").isEqualTo(404);
    }

    @Test
    void fileNamesAreSafe() {
        assertThat(CalendarPages.asciiFileName("서울 심포지엄")).isEqualTo("event");
        assertThat(CalendarPages.asciiFileName("Café \"Night\" / 2027")).isEqualTo("Cafe-Night-2027");
        assertThat(CalendarPages.fileName("../../etc/passwd\r\n")).doesNotContain("/", "\r", "\n");
        assertThat(CalendarPages.fileName("")).isEqualTo("event");
        assertThat(CalendarPages.fileName("x".repeat(500))).hasSize(CalendarPages.FILE_NAME_LIMIT);
    }
}
