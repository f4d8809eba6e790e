package dev.gazette.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.item.Item;
import dev.gazette.item.ItemKind;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;

/** One event as an .ics file: parsed back with ical4j's strict builder, and read as text where RFC 5545 is exact. */
class EventCalendarTest {
    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private final EventCalendar calendar = new EventCalendar("Gazette News <news@example.org>", Clock.fixed(NOW, ZoneOffset.UTC));

    static Item event(long id, String title, Instant start, Instant end, boolean allDay, String zone, String location,
            String summary) {
        return new Item(id, "events", ItemKind.EVENT, "g" + id, "https://events.example.org/e/" + id, title,
                "<p>" + summary + "</p>", summary, List.of(), null, null, start, end, allDay, zone, location,
                NOW.minusSeconds(3600), List.of("oncology"));
    }

    /** Parse as a calendar app would, strictly, and check the calendar is valid. */
    static Calendar parse(String ics) {
        try {
            Calendar parsed = new CalendarBuilder().build(new StringReader(ics));
            assertThat(parsed.validate().hasErrors()).as("valid as iTIP PUBLISH: %s", parsed.validate()).isFalse();
            return parsed;
        } catch (Exception e) {
            throw new AssertionError("not a valid calendar: " + e + "\n" + ics, e);
        }
    }

    static String value(Calendar calendar, String property) {
        return calendar.getProperty(property).map(Property::getValue).orElse(null);
    }

    static VEvent onlyEvent(Calendar calendar) {
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }

    @Test
    void aZonedEventKeepsItsZoneWithTheZonesDefinition() {
        // 09:00 in New York on 15 January 2027 (EST, UTC-5) is 14:00 UTC.
        Item item = event(123, "Tumour board", Instant.parse("2027-01-15T14:00:00Z"),
                Instant.parse("2027-01-15T15:30:00Z"), false, "America/New_York", "Room 4", "Monthly board.");

        String ics = calendar.ics(item);

        assertThat(ics).contains("DTSTART;TZID=America/New_York:20270115T090000\r\n",
                "DTEND;TZID=America/New_York:20270115T103000\r\n");
        Calendar parsed = parse(ics);
        assertThat(value(parsed, "PRODID")).isEqualTo(EventCalendar.PRODID);
        assertThat(value(parsed, "VERSION")).isEqualTo("2.0");
        assertThat(value(parsed, "METHOD")).isEqualTo("PUBLISH");
        List<VTimeZone> zones = parsed.getComponents("VTIMEZONE");
        assertThat(zones).hasSize(1);
        assertThat(zones.get(0).getProperty("TZID").orElseThrow().getValue()).isEqualTo("America/New_York");
        VEvent event = onlyEvent(parsed);
        assertThat(value(event, "UID")).isEqualTo("item-123@example.org");
        assertThat(value(event, "DTSTAMP")).isEqualTo("20261128T100000Z");
        assertThat(value(event, "SUMMARY")).isEqualTo("Tumour board");
        assertThat(value(event, "LOCATION")).isEqualTo("Room 4");
        assertThat(value(event, "DESCRIPTION")).isEqualTo("Monthly board.");
        assertThat(value(event, "URL")).isEqualTo("https://events.example.org/e/123");
        assertThat(value(event, "ORGANIZER")).isEqualTo("mailto:news@example.org");
        assertThat(event.getStartDate().orElseThrow().getParameter("TZID").orElseThrow().getValue())
                .isEqualTo("America/New_York");
    }

    @Test
    void anEventWithoutAZoneIsWrittenInUtc() {
        Item item = event(7, "Webinar", Instant.parse("2027-03-01T16:30:00Z"), null, false, null, null, "");

        String ics = calendar.ics(item);

        assertThat(ics).contains("DTSTART:20270301T163000Z\r\n").doesNotContain("TZID", "VTIMEZONE", "DTEND",
                "LOCATION", "DESCRIPTION");
        assertThat(value(onlyEvent(parse(ics)), "UID")).isEqualTo("item-7@example.org");
    }

    @Test
    void anAllDayEventIsWrittenAsDatesEndingTheDayAfterItsLastDay() {
        // 3 to 5 March: stored from midnight UTC of the 3rd to midnight UTC of the 6th (exclusive).
        Item congress = event(8, "Congress", Instant.parse("2027-03-03T00:00:00Z"), Instant.parse("2027-03-06T00:00:00Z"),
                true, "Europe/Berlin", "Berlin", "");
        Item oneDay = event(9, "Open day", Instant.parse("2027-03-10T00:00:00Z"), null, true, null, null, "");

        assertThat(calendar.ics(congress)).contains("DTSTART;VALUE=DATE:20270303\r\n", "DTEND;VALUE=DATE:20270306\r\n")
                .doesNotContain("VTIMEZONE", "TZID");
        assertThat(calendar.ics(oneDay)).contains("DTSTART;VALUE=DATE:20270310\r\n", "DTEND;VALUE=DATE:20270311\r\n");
        parse(calendar.ics(congress));
        parse(calendar.ics(oneDay));
    }

    @Test
    void koreanTextAndCharactersRfc5545EscapesSurviveTheRoundTrip() {
        String title = "서울 바이오 심포지엄; 암, 면역\\치료";
        String summary = "첫째 줄\n둘째 줄: 발표, 토론; 그리고 \"질의\"";
        Item item = event(10, title, Instant.parse("2027-04-02T01:00:00Z"), Instant.parse("2027-04-02T09:00:00Z"), false,
                "Asia/Seoul", "코엑스, 서울", summary);

        String ics = calendar.ics(item);

        assertThat(ics).contains("DTSTART;TZID=Asia/Seoul:20270402T100000");
        VEvent event = onlyEvent(parse(ics));
        assertThat(value(event, "SUMMARY")).isEqualTo(title);
        assertThat(value(event, "LOCATION")).isEqualTo("코엑스, 서울");
        assertThat(value(event, "DESCRIPTION")).isEqualTo(summary);
    }

    @Test
    void longLinesAreFoldedAt75Octets() {
        String summary = "A very long description of the event. ".repeat(20) + "끝까지 한국어 설명도 들어갑니다. ".repeat(10);
        Item item = event(11, "Long", Instant.parse("2027-05-01T10:00:00Z"), null, false, null, null, summary.strip());

        String ics = calendar.ics(item);

        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        assertThat(ics).contains("\r\n ").endsWith("END:VCALENDAR\r\n");
        assertThat(value(onlyEvent(parse(ics)), "DESCRIPTION")).isEqualTo(summary.strip());
    }

    @Test
    void foldingNeverCutsACharacterApart() {
        String folded = ContentLines.fold("DESCRIPTION:" + "가😀".repeat(40) + "\r\n");

        for (String line : folded.split("\r\n")) {
            assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
            assertThat(line).doesNotContain("\uFFFD");
            assertThat(Character.isLowSurrogate(line.charAt(line.length() > 1 ? 1 : 0))).isFalse();
        }
        assertThat(folded.replace("\r\n ", "")).isEqualTo("DESCRIPTION:" + "가😀".repeat(40) + "\r\n");
    }

    @Test
    void theUidIsTheSameOnEveryDownloadAndDependsOnlyOnTheItemAndTheDomain() {
        Item item = event(12, "Board", Instant.parse("2027-01-15T14:00:00Z"), null, false, "America/New_York", null, "");
        Item changed = event(12, "Board (moved)", Instant.parse("2027-01-16T14:00:00Z"), null, false, null, "Hall", "x");
        EventCalendar later = new EventCalendar("news@example.org", Clock.fixed(NOW.plusSeconds(86_400), ZoneOffset.UTC));

        assertThat(value(onlyEvent(parse(later.ics(changed))), "UID"))
                .isEqualTo(value(onlyEvent(parse(calendar.ics(item))), "UID"))
                .isEqualTo(value(onlyEvent(parse(calendar.ics(item))), "UID"))
                .isEqualTo("item-12@example.org");
        assertThat(new EventCalendar("news@other.example", Clock.systemUTC()).uid(item)).isEqualTo("item-12@other.example");
    }

    @Test
    void theMailDomainIsTakenFromTheFromAddress() {
        assertThat(EventCalendar.mailDomain("Gazette News <news@Example.org>")).isEqualTo("Example.org");
        assertThat(EventCalendar.mailDomain("news@example.org")).isEqualTo("example.org");
        assertThat(EventCalendar.mailDomain("nobody")).isEqualTo("gazette.invalid");
        assertThat(EventCalendar.mailDomain("x <a@b.org> <evil")).isEqualTo("gazette.invalid");
        assertThat(new EventCalendar("N <n@Example.ORG>", Clock.systemUTC())
                .uid(event(1, "x", NOW, null, false, null, null, ""))).isEqualTo("item-1@example.org");
    }

    @Test
    void anArticleIsNotAnEvent() {
        Item article = new Item(5, "wire", ItemKind.ARTICLE, "a", "https://example.org/a", "A", "", "", List.of(), NOW,
                null, null, null, false, null, null, NOW, List.of());

        assertThatThrownBy(() -> calendar.ics(article)).isInstanceOf(IllegalArgumentException.class);
        assertThat(EventCalendar.isEvent(article)).isFalse();
    }

    @Test
    void aCalendarWithoutEventsStillHoldsAComponentAndParses() {
        String ics = calendar.ics(List.of(), List.of(), java.time.ZoneId.of("Asia/Seoul"));

        Calendar parsed = parse(ics);
        assertThat(parsed.getComponents("VEVENT")).isEmpty();
        assertThat(parsed.<VTimeZone>getComponents("VTIMEZONE")).singleElement()
                .satisfies(z -> assertThat(z.getProperty("TZID").orElseThrow().getValue()).isEqualTo("Asia/Seoul"));
        assertThat(parse(calendar.ics(List.of(), List.of(), java.time.ZoneId.of("UTC"))).getComponents("VTIMEZONE"))
                .hasSize(1);
    }

    @Test
    void anUnknownZoneFallsBackToUtc() {
        Item item = event(13, "Somewhere", Instant.parse("2027-06-01T12:00:00Z"), null, false, "Mars/Olympus", null, "");

        assertThat(calendar.ics(item)).contains("DTSTART:20270601T120000Z").doesNotContain("TZID");
    }
}
