package dev.gazette.source.calendar;

import static dev.gazette.source.calendar.Fixtures.at;
import static dev.gazette.source.calendar.Fixtures.byGuid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.item.ItemKind;
import dev.gazette.source.FetchedDocument;
import dev.gazette.source.ParsedItem;
import dev.gazette.source.StableIds;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalendarFieldsTest {
    private final List<ParsedItem> items = Fixtures.parse("filtering.ics");

    @Test
    void keptEventCarriesCleanFields() {
        ParsedItem item = byGuid(items, "kept@test");
        assertThat(item.kind()).isEqualTo(ItemKind.EVENT);
        assertThat(item.title()).isEqualTo("Immunology day, with lunch");
        assertThat(item.link()).isEqualTo("https://calendar.example.org/events/immunology-day");
        assertThat(item.summaryHtml())
                .isEqualTo("Talks on T cells &amp; &lt;B cells&gt;.<br>Registration required.");
        assertThat(item.categories()).containsExactly("Immunology", "Conference", "Free, with registration");
        assertThat(item.publishedAt()).isEqualTo(at("2026-10-01T08:00:00Z"));
        assertThat(item.updatedAt()).isEqualTo(at("2026-10-15T09:00:00Z"));
        assertThat(item.event().location()).isEqualTo("Room 101, Building A");
        assertThat(item.event().startsAt()).isEqualTo(at("2026-12-05T09:00:00Z"));
        assertThat(item.event().endsAt()).isEqualTo(at("2026-12-05T17:00:00Z"));
    }

    @Test
    void cancelledEndedAndUnreadableEventsAreDropped() {
        assertThat(items).extracting(ParsedItem::guid)
                .doesNotContain("cancelled@test", "ended@test", "started-no-end@test", "no-summary@test",
                        "bad-start@test")
                .noneMatch(g -> g.startsWith("cancelled-series@test"));
    }

    @Test
    void eventInProgressIsKeptAndUnsafeLinkIsDropped() {
        ParsedItem ongoing = byGuid(items, "ongoing@test");
        assertThat(ongoing.event().startsAt()).isEqualTo(at("2026-12-01T11:00:00Z"));
        assertThat(ongoing.link()).isNull();
        assertThat(ongoing.summaryHtml()).isEmpty();
        assertThat(ongoing.categories()).isEmpty();
    }

    @Test
    void eventWithoutUidGetsAStableId() {
        String expected = StableIds.of("No UID here", "2026-12-08T09:00:00Z");
        assertThat(byGuid(items, expected).link()).isEqualTo("https://example.org/no-uid");
    }

    @Test
    void itemsComeInDocumentOrder() {
        assertThat(items).extracting(ParsedItem::guid).containsExactly(
                "kept@test", "ongoing@test", StableIds.of("No UID here", "2026-12-08T09:00:00Z"));
    }

    @Test
    void koreanTextSurvives() {
        List<ParsedItem> korean = Fixtures.parse("korean.ics");
        ParsedItem item = byGuid(korean, "korean@test");
        assertThat(item.title()).isEqualTo("정밀의료 심포지엄: 유전체 데이터와 임상 연구");
        assertThat(item.event().location()).isEqualTo("서울 코엑스 그랜드볼룸, 3층");
        assertThat(item.summaryHtml()).isEqualTo("등록은 무료입니다.<br>점심 제공.");
        assertThat(item.categories()).containsExactly("정밀의료", "심포지엄");
        assertThat(item.event().startsAt()).isEqualTo(at("2026-12-18T05:00:00Z"));
        assertThat(item.event().timeZone()).isEqualTo("Asia/Seoul");
    }

    @Test
    void calendarWithoutEventsGivesNoItems() {
        String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\nX-WR-CALNAME:Empty\r\nEND:VCALENDAR\r\n";
        assertThat(Fixtures.parser().parse(Fixtures.text(ics))).isEmpty();
    }

    @Test
    void utf8BodyMislabelledAsLatin1StaysUtf8AndRealLatin1IsDecoded() {
        FetchedDocument mislabelled = new FetchedDocument(Fixtures.BASE,
                Fixtures.bytes("/fixtures/calendar/korean.ics"), "text/calendar; charset=ISO-8859-1");
        assertThat(Fixtures.parser().parse(mislabelled)).singleElement()
                .satisfies(i -> assertThat(i.title()).startsWith("정밀의료 심포지엄"));

        String latin = "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:test\nBEGIN:VEVENT\nUID:cafe@test\n"
                + "DTSTART:20261210T090000Z\nSUMMARY:Caf\u00e9 scientifique\nEND:VEVENT\nEND:VCALENDAR\n";
        FetchedDocument latin1 = new FetchedDocument(Fixtures.BASE,
                latin.getBytes(StandardCharsets.ISO_8859_1), "text/calendar; charset=ISO-8859-1");
        assertThat(Fixtures.parser().parse(latin1)).singleElement()
                .satisfies(i -> assertThat(i.title()).isEqualTo("Caf\u00e9 scientifique"));
    }
}
