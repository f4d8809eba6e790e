package dev.gazette.digest;

import static dev.gazette.digest.DigestSamples.LINKS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.item.Item;
import dev.gazette.subscriber.Subscriber;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rendering with the bundled templates (the templates folder is an empty temporary one). */
class DigestRendererTest {
    private static final Instant SEEN = DigestSamples.WINDOW_START.plusSeconds(60);
    /** 00:00 UTC on Monday, Feb 9 2026: 09:00 in Seoul, 16:00 on Sunday in Los Angeles, 13:00 in Auckland. */
    private static final Instant EVENT_START = Instant.parse("2026-02-09T00:00:00Z");

    @TempDir
    Path templates;

    private RenderedDigest render(Digest digest) {
        return new DigestRenderer(DigestSamples.config(templates), DigestSamples.topics()).render(digest, LINKS);
    }

    private static Document html(RenderedDigest rendered) {
        return Jsoup.parse(rendered.html());
    }

    private static Item webinar() {
        return DigestSamples.event(30, "Oncology Journal Club", "https://events.example.org/journal-club", EVENT_START,
                EVENT_START.plusSeconds(3600), false, "Online (webinar)", SEEN, List.of("oncology"));
    }

    private static Digest oncologyDigest(Subscriber reader, List<Item> events) {
        Item article = DigestSamples.article(1, "Lymphoma prognosis study", "https://news.example.org/lymphoma",
                "Researchers examine a routine blood count measure.", Instant.parse("2026-02-05T23:30:00Z"),
                List.of("oncology"));
        return DigestSamples.digest(reader, "oncology", "Oncology", List.of(article), events);
    }

    @Test
    void anEnglishDigestShowsItsSectionsArticlesEventsAndLinks() {
        Subscriber reader = DigestSamples.subscriber("Jane", List.of("oncology"), "America/New_York", Locale.ENGLISH);
        RenderedDigest rendered = render(oncologyDigest(reader, List.of(webinar())));

        assertThat(rendered.subject()).isEqualTo("Your weekly Gazette, Feb 9, 2026: 1 new article and 1 new event");
        assertThat(rendered.articleCount()).isEqualTo(1);
        assertThat(rendered.eventCount()).isEqualTo(1);
        Document doc = html(rendered);
        assertThat(doc.title()).isEqualTo(rendered.subject());
        assertThat(doc.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(doc.text()).contains("Hello Jane, here is what is new on your topics: 1 new article and 1 new event.",
                "Oncology", "Researchers examine a routine blood count measure.", "Feb 5, 2026", "Upcoming events",
                "Sunday, February 8, 2026, 7:00 PM – 8:00 PM EST", "Online (webinar)",
                "You receive this weekly digest because you subscribed to Gazette for: Oncology.");
        assertThat(doc.selectFirst("a:contains(Lymphoma prognosis study)").attr("href"))
                .isEqualTo("https://news.example.org/lymphoma");
        assertThat(doc.selectFirst("a:contains(Your preferences)").attr("href")).isEqualTo(LINKS.preferencesUrl());
        assertThat(doc.selectFirst("a:contains(Unsubscribe)").attr("href")).isEqualTo(LINKS.unsubscribeUrl());
        assertThat(doc.select("a:contains(View this email in your browser)")).isEmpty();
        // the preheader is hidden at the top of the body
        Element preheader = doc.body().child(0);
        assertThat(preheader.text()).isEqualTo(rendered.preheader()).contains("Lymphoma prognosis study");
        assertThat(preheader.attr("style")).contains("display:none");
    }

    @Test
    void eachEventHasAnAddToCalendarLinkWhenTheRendererIsGivenTheirAddresses() {
        Subscriber reader = DigestSamples.subscriber("", List.of("oncology"), "UTC", Locale.ENGLISH);
        Digest digest = oncologyDigest(reader, List.of(webinar()));
        RenderedDigest rendered = new DigestRenderer(DigestSamples.config(templates), DigestSamples.topics(),
                id -> "https://gazette.example.org/events/" + id + "-mac/event.ics").render(digest, LINKS);

        assertThat(html(rendered).select("a.add-to-calendar")).singleElement().satisfies(link -> {
            assertThat(link.text()).isEqualTo("Add to calendar");
            assertThat(link.attr("href")).isEqualTo("https://gazette.example.org/events/30-mac/event.ics");
        });
        assertThat(rendered.text()).contains("  Add to calendar: https://gazette.example.org/events/30-mac/event.ics\n");
        assertThat(html(render(digest)).select("a.add-to-calendar")).as("no link maker: no link").isEmpty();
        assertThat(render(digest).text()).doesNotContain("Add to calendar");
        Subscriber korean = DigestSamples.subscriber("", List.of("oncology"), "Asia/Seoul", Locale.KOREAN);
        RenderedDigest ko = new DigestRenderer(DigestSamples.config(templates), DigestSamples.topics(),
                id -> "https://gazette.example.org/events/" + id + "-mac/event.ics")
                .render(oncologyDigest(korean, List.of(webinar())), LINKS);
        assertThat(html(ko).selectFirst("a.add-to-calendar").text()).isEqualTo("캘린더에 추가");
    }

    @Test
    void thePlainTextWritesEveryLinkOut() {
        Subscriber reader = DigestSamples.subscriber("", List.of("oncology"), "UTC", Locale.ENGLISH);
        DigestLinks links = new DigestLinks(LINKS.preferencesUrl(), LINKS.unsubscribeUrl(),
                "https://gazette.example.org/view/42");
        RenderedDigest rendered = new DigestRenderer(DigestSamples.config(templates), DigestSamples.topics())
                .render(oncologyDigest(reader, List.of(webinar())), links);

        assertThat(rendered.text()).contains("Hello, here is what is new", "== Oncology ==",
                "* Lymphoma prognosis study", "https://news.example.org/lymphoma",
                "https://events.example.org/journal-club",
                "Your preferences: " + LINKS.preferencesUrl(), "Unsubscribe: " + LINKS.unsubscribeUrl(),
                "View this email in your browser: https://gazette.example.org/view/42");
        assertThat(rendered.text().lines()).allSatisfy(line -> assertThat(line.length() <= PlainText.WIDTH
                || !line.strip().contains(" ")).as("wrapped: %s", line).isTrue());
        assertThat(html(rendered).selectFirst("a:contains(View this email in your browser)").attr("href"))
                .isEqualTo("https://gazette.example.org/view/42");
    }

    @Test
    void aKoreanReaderInSeoulGetsKoreanLabelsAndKstTimes() {
        Subscriber reader = DigestSamples.subscriber("박지은", List.of("oncology"), "Asia/Seoul", Locale.KOREAN);
        RenderedDigest rendered = render(oncologyDigest(reader, List.of(webinar())));

        assertThat(rendered.subject()).isEqualTo("[주간 Gazette] 새 기사 1건, 새 행사 1건 (2026. 2. 9.)");
        Document doc = html(rendered);
        assertThat(doc.selectFirst("html").attr("lang")).isEqualTo("ko");
        assertThat(doc.text()).contains("박지은님, 안녕하세요.", "다가오는 행사", "2026년 2월 9일 월요일 오전 9:00 ~ 오전 10:00 KST",
                "2026. 2. 6.", "구독 설정", "구독 취소", "새 행사");
        assertThat(rendered.text()).contains("주간 Gazette", "2026년 2월 9일 월요일 오전 9:00 ~ 오전 10:00 KST",
                "구독 취소: " + LINKS.unsubscribeUrl());
    }

    @Test
    void theSameEventReadsInEachReadersZone() {
        Item event = DigestSamples.event(31, "HIMSS26", "https://events.example.org/himss", EVENT_START, null, false,
                "Las Vegas, Nevada", SEEN, List.of("oncology"));

        String losAngeles = html(render(oncologyDigest(DigestSamples.subscriber("A", List.of("oncology"),
                "America/Los_Angeles", Locale.ENGLISH), List.of(event)))).text();
        String auckland = html(render(oncologyDigest(DigestSamples.subscriber("B", List.of("oncology"),
                "Pacific/Auckland", Locale.ENGLISH), List.of(event)))).text();

        assertThat(losAngeles).contains("Sunday, February 8, 2026, 4:00 PM PST").doesNotContain("NZDT");
        assertThat(auckland).contains("Monday, February 9, 2026, 1:00 PM NZDT").doesNotContain("PST");
    }

    @Test
    void allDayEventsShowTheirDatesWithoutShiftingInAnyZoneAndMultiDayEventsARange() {
        Item oneDay = DigestSamples.event(32, "World Health Expo", "https://events.example.org/expo", EVENT_START, null,
                true, "Dubai", SEEN, List.of("oncology"));
        Item threeDays = DigestSamples.event(33, "Rare Disease Week", "https://events.example.org/rdw",
                Instant.parse("2026-02-24T00:00:00Z"), Instant.parse("2026-02-27T00:00:00Z"), true, "Washington, D.C.",
                SEEN, List.of("oncology"));
        Item conference = DigestSamples.event(34, "EID Conference", "https://events.example.org/eid",
                Instant.parse("2027-03-22T12:30:00Z"), Instant.parse("2027-03-24T21:00:00Z"), false, "Boston", SEEN,
                List.of("oncology"));

        for (String zone : List.of("America/Los_Angeles", "Pacific/Auckland", "UTC")) {
            String text = html(render(oncologyDigest(DigestSamples.subscriber("A", List.of("oncology"), zone,
                    Locale.ENGLISH), List.of(oneDay, threeDays)))).text();
            assertThat(text).as(zone).contains("Monday, February 9, 2026",
                    "Tuesday, February 24, 2026 – Thursday, February 26, 2026");
            assertThat(text).as(zone).doesNotContain("February 8, 2026", "February 10, 2026", "February 27, 2026");
        }
        String boston = html(render(oncologyDigest(DigestSamples.subscriber("A", List.of("oncology"),
                "America/New_York", Locale.ENGLISH), List.of(conference)))).text();
        assertThat(boston).contains("Monday, March 22, 2027, 8:30 AM – Wednesday, March 24, 2027, 5:00 PM EDT");
    }

    @Test
    void aLanguageWithoutMessagesFallsBackToEnglish() {
        Subscriber reader = DigestSamples.subscriber("Marie", List.of("oncology"), "Europe/Paris", Locale.FRENCH);
        RenderedDigest rendered = render(oncologyDigest(reader, List.of(webinar())));

        assertThat(rendered.subject()).isEqualTo("Your weekly Gazette, Feb 9, 2026: 1 new article and 1 new event");
        assertThat(html(rendered).text()).contains("Upcoming events", "Monday, February 9, 2026, 1:00 AM – 2:00 AM CET");
    }

    @Test
    void feedTextIsEscapedEverywhere() {
        String script = "<script>alert('x')</script>";
        String breakout = "\"><img src=x onerror=alert(1)>";
        Item article = DigestSamples.article(1, "Title " + script, "https://news.example.org/a?x=1&y='2'",
                "Summary " + breakout, Instant.parse("2026-02-05T10:00:00Z"), List.of("oncology"));
        Item quoted = DigestSamples.article(3, "Quoted link", "https://news.example.org/b?q=\"><b>x</b>",
                "Summary", Instant.parse("2026-02-04T10:00:00Z"), List.of("oncology"));
        Item event = DigestSamples.event(2, "Event " + breakout, "https://events.example.org/e", EVENT_START, null,
                false, "Venue " + breakout + script, SEEN, List.of("oncology"));
        Subscriber reader = DigestSamples.subscriber("Eve " + script, List.of("oncology"), "UTC", Locale.ENGLISH);

        RenderedDigest rendered = render(DigestSamples.digest(reader, "oncology", "Oncology",
                List.of(article, quoted), List.of(event)));

        Document doc = html(rendered);
        assertThat(doc.select("script, img, b, [onerror]")).isEmpty();
        assertThat(doc.select("a:contains(Quoted link)")).as("a link with a quote is no URL").isEmpty();
        assertThat(doc.text()).contains("Title " + script, "Summary " + breakout, "Event " + breakout,
                "Venue " + breakout + script, "Hello Eve " + script);
        assertThat(doc.select("a[href]")).extracting(a -> a.attr("href"))
                .contains("https://news.example.org/a?x=1&y='2'");
        assertThat(rendered.html()).doesNotContain("<script>", "<img");
    }

    @Test
    void aLinkThatIsNotHttpIsNeverAnHref() {
        Item article = DigestSamples.article(1, "Click me", "javascript:alert(document.cookie)", "Summary",
                Instant.parse("2026-02-05T10:00:00Z"), List.of("oncology"));
        Item event = DigestSamples.event(2, "Data event", " JavaScript:alert(1)", EVENT_START, null, false, "Here", SEEN,
                List.of("oncology"));
        Item dataLink = DigestSamples.article(3, "Data link", "data:text/html;base64,PHNjcmlwdD4=", "Summary",
                Instant.parse("2026-02-04T10:00:00Z"), List.of("oncology"));
        Subscriber reader = DigestSamples.subscriber("A", List.of("oncology"), "UTC", Locale.ENGLISH);

        RenderedDigest rendered = render(DigestSamples.digest(reader, "oncology", "Oncology",
                List.of(article, dataLink), List.of(event)));

        Document doc = html(rendered);
        assertThat(doc.text()).contains("Click me", "Data event", "Data link");
        assertThat(doc.select("a[href]")).extracting(a -> a.attr("href"))
                .allSatisfy(href -> assertThat(href).startsWith("https://"))
                .containsExactlyInAnyOrder(LINKS.preferencesUrl(), LINKS.unsubscribeUrl());
        assertThat(rendered.text().toLowerCase(Locale.ROOT)).doesNotContain("javascript:", "data:text");
    }

    @Test
    void aDigestWithOnlyKnownEventsSaysSo() {
        Item known = DigestSamples.event(2, "Known event", "https://events.example.org/k", EVENT_START, null, false,
                "Here", DigestSamples.WINDOW_START.minusSeconds(60), List.of("oncology"));
        Subscriber reader = DigestSamples.subscriber("A", List.of("oncology"), "UTC", Locale.ENGLISH);
        Digest digest = DigestSamples.digest(reader, "oncology", "Oncology", List.of(), List.of(known));
        assertThat(digest.isEmpty()).isTrue();

        RenderedDigest rendered = render(digest);

        assertThat(rendered.subject()).isEqualTo("Your weekly Gazette, Feb 9, 2026: nothing new");
        assertThat(html(rendered).text()).contains("nothing new on your topics since your last digest. Here are the "
                + "upcoming events.", "Known event").doesNotContain("New Known event");
    }

    /** Weekly occurrences of one event, {@code count} of them from {@code first}, soonest first. */
    private static EventSeries weekly(long id, String title, Instant first, int count, boolean allDay) {
        List<Item> occurrences = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            Instant start = first.plus(Duration.ofDays(7L * n));
            occurrences.add(DigestSamples.event(id + n, title, "https://events.example.org/" + id, start,
                    allDay ? null : start.plusSeconds(3600), allDay, "Online (webinar)",
                    n == count - 1 ? SEEN : DigestSamples.WINDOW_START.minusSeconds(60), List.of("oncology")));
        }
        return new EventSeries(occurrences);
    }

    @Test
    void aRecurringEventIsShownOnceAtItsSoonestDateWithItsLaterDatesInTheReadersLanguageAndZone() {
        EventSeries club = weekly(100, "Oncology Journal Club", EVENT_START, 6, false);
        Item oneOff = DigestSamples.event(31, "HIMSS26", "https://events.example.org/himss",
                EVENT_START.plusSeconds(60), null, false, "Las Vegas, Nevada", SEEN, List.of("oncology"));
        Subscriber jane = DigestSamples.subscriber("Jane", List.of("oncology"), "America/New_York", Locale.ENGLISH);

        RenderedDigest english = render(DigestSamples.seriesDigest(jane, "oncology", "Oncology", List.of(),
                List.of(club, EventSeries.of(oneOff))));

        Document doc = html(english);
        assertThat(doc.select("a:containsOwn(Oncology Journal Club)")).hasSize(1);
        assertThat(doc.text()).contains("Sunday, February 8, 2026, 7:00 PM – 8:00 PM EST",
                "Also on Feb 15, Feb 22 and 3 more dates");
        assertThat(doc.select("div:containsOwn(Also on)")).hasSize(1).first()
                .satisfies(note -> assertThat(note.parent().text()).contains("Oncology Journal Club"));
        assertThat(english.text()).contains("* [New] Oncology Journal Club\n"
                + "  Sunday, February 8, 2026, 7:00 PM – 8:00 PM EST\n"
                + "  Also on Feb 15, Feb 22 and 3 more dates\n");
        assertThat(english.subject()).endsWith(": 2 new events");
        assertThat(english.eventCount()).isEqualTo(2);

        Subscriber jieun = DigestSamples.subscriber("박지은", List.of("oncology"), "Asia/Seoul", Locale.KOREAN);
        RenderedDigest korean = render(DigestSamples.seriesDigest(jieun, "oncology", "Oncology", List.of(),
                List.of(club, EventSeries.of(oneOff))));
        assertThat(html(korean).text()).contains("2026년 2월 9일 월요일 오전 9:00 ~ 오전 10:00 KST",
                "이후 일정: 2월 16일, 2월 23일 외 3회");
        assertThat(korean.text()).contains("  이후 일정: 2월 16일, 2월 23일 외 3회\n");
        assertThat(korean.subject()).contains("새 행사 2건");
    }

    @Test
    void upToThreeLaterDatesAreAllNamedWithTheYearWhenItChanges() {
        Subscriber utc = DigestSamples.subscriber("A", List.of("oncology"), "UTC", Locale.ENGLISH);
        Subscriber seoul = DigestSamples.subscriber("A", List.of("oncology"), "Asia/Seoul", Locale.KOREAN);
        List<EventSeries> events = List.of(
                weekly(100, "Two dates", Instant.parse("2026-12-22T15:00:00Z"), 2, false),
                weekly(200, "Three dates", Instant.parse("2026-12-22T16:00:00Z"), 3, false),
                weekly(300, "Four dates", Instant.parse("2026-12-22T17:00:00Z"), 4, false),
                weekly(400, "Five dates", Instant.parse("2026-12-22T18:00:00Z"), 5, false));

        String english = html(render(DigestSamples.seriesDigest(utc, "oncology", "Oncology", List.of(), events)))
                .text();
        String korean = html(render(DigestSamples.seriesDigest(seoul, "oncology", "Oncology", List.of(), events)))
                .text();

        assertThat(english).contains("Also on Dec 29 Online", "Also on Dec 29 and Jan 5, 2027 Online",
                "Also on Dec 29, Jan 5, 2027 and Jan 12, 2027 Online",
                "Also on Dec 29, Jan 5, 2027 and 2 more dates Online");
        assertThat(korean).contains("이후 일정: 12월 30일 Online",
                "이후 일정: 12월 30일, 2027년 1월 6일 Online",
                "이후 일정: 12월 30일, 2027년 1월 6일, 2027년 1월 13일 Online",
                "이후 일정: 12월 30일, 2027년 1월 6일 외 2회 Online");
    }

    @Test
    void laterDatesAreTheReadersDaysAndAllDayDatesNeverShift() {
        // 00:00 UTC: still the day before in Los Angeles
        EventSeries timed = weekly(100, "Timed", EVENT_START, 2, false);
        EventSeries allDay = weekly(200, "All day", EVENT_START, 2, true);
        for (String zone : List.of("America/Los_Angeles", "Pacific/Auckland")) {
            Subscriber reader = DigestSamples.subscriber("A", List.of("oncology"), zone, Locale.ENGLISH);
            String text = html(render(DigestSamples.seriesDigest(reader, "oncology", "Oncology", List.of(),
                    List.of(timed, allDay)))).text();
            assertThat(text).as(zone).contains(zone.startsWith("America") ? "PST Also on Feb 15 Online"
                    : "NZDT Also on Feb 16 Online", "Monday, February 9, 2026 Also on Feb 16 Online");
        }
    }

    @Test
    void longSummariesAreCutAtAWord() {
        String summary = "word ".repeat(200);
        Item article = DigestSamples.article(1, "Long", "https://news.example.org/long", summary,
                Instant.parse("2026-02-05T10:00:00Z"), List.of("oncology"));
        Subscriber reader = DigestSamples.subscriber("A", List.of("oncology"), "UTC", Locale.ENGLISH);

        Document doc = html(render(DigestSamples.digest(reader, "oncology", "Oncology", List.of(article), List.of())));

        String shown = doc.selectFirst("p:contains(word word)").text();
        assertThat(shown).endsWith("word…").hasSizeLessThanOrEqualTo(DigestRenderer.SUMMARY_LIMIT + 1);
    }
}
