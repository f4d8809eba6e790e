package dev.gazette.source.calendar;

import static dev.gazette.source.calendar.Fixtures.at;
import static dev.gazette.source.calendar.Fixtures.byGuid;
import static dev.gazette.source.calendar.Fixtures.withGuidPrefix;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.source.ParsedItem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalendarRecurrenceTest {

    private static List<Instant> starts(List<ParsedItem> items) {
        return items.stream().map(i -> i.event().startsAt()).toList();
    }

    @Test
    void weeklySeriesWithExdateMovedAndCancelledOverrides() {
        List<ParsedItem> items = Fixtures.parse("weekly-overrides.ics");
        // Tuesdays 18:00 New York (23:00 UTC); 8 Dec moved to Wed 9 Dec 17:00; 15 Dec excluded; 22 Dec cancelled
        assertThat(starts(items)).containsExactly(
                at("2026-12-01T23:00:00Z"), at("2026-12-09T22:00:00Z"), at("2026-12-29T23:00:00Z"),
                at("2027-01-05T23:00:00Z"), at("2027-01-12T23:00:00Z"), at("2027-01-19T23:00:00Z"),
                at("2027-01-26T23:00:00Z"));
        assertThat(items).extracting(ParsedItem::guid).startsWith(
                "journal-club@test/2026-12-01T23:00:00Z", "journal-club@test/2026-12-08T23:00:00Z");

        ParsedItem moved = byGuid(items, "journal-club@test/2026-12-08T23:00:00Z");
        assertThat(moved.title()).isEqualTo("Journal Club (moved to Wednesday)");
        assertThat(moved.event().endsAt()).isEqualTo(at("2026-12-09T23:00:00Z"));
        // what the override leaves out comes from the series
        assertThat(moved.event().location()).isEqualTo("Online");
        assertThat(moved.summaryHtml()).isEqualTo("Weekly paper discussion.");

        ParsedItem regular = byGuid(items, "journal-club@test/2026-12-29T23:00:00Z");
        assertThat(regular.title()).isEqualTo("Journal Club");
        assertThat(regular.event().endsAt()).isEqualTo(at("2026-12-30T00:00:00Z"));
        assertThat(regular.event().timeZone()).isEqualTo("America/New_York");
    }

    @Test
    void countUntilAndRdate() {
        List<ParsedItem> items = Fixtures.parse("count-until-rdate.ics");
        // COUNT=10 from 24 Nov: 1 Dec ended at 11:00, 2 and 3 Dec remain
        assertThat(starts(withGuidPrefix(items, "daily-count@test/")))
                .containsExactly(at("2026-12-02T10:00:00Z"), at("2026-12-03T10:00:00Z"));
        // Sundays 09:00 Seoul; UNTIL (UTC) is inclusive and equals the 13 Dec occurrence
        assertThat(starts(withGuidPrefix(items, "weekly-until@test/")))
                .containsExactly(at("2026-12-06T00:00:00Z"), at("2026-12-13T00:00:00Z"));
        assertThat(starts(withGuidPrefix(items, "all-day-until@test/"))).containsExactly(
                at("2026-12-01T00:00:00Z"), at("2026-12-02T00:00:00Z"), at("2026-12-03T00:00:00Z"));
        assertThat(withGuidPrefix(items, "all-day-until@test/")).allSatisfy(i -> assertThat(i.event().allDay()).isTrue());
        assertThat(starts(withGuidPrefix(items, "rdates@test/"))).containsExactly(
                at("2026-12-01T15:00:00Z"), at("2026-12-05T15:00:00Z"), at("2026-12-06T15:00:00Z"));
        assertThat(withGuidPrefix(items, "long-over@test")).isEmpty();
    }

    @Test
    void maxOccurrencesCapsEachSeries() {
        List<ParsedItem> items = Fixtures.parser(Duration.ofDays(60), 5).parse(Fixtures.fixture("bounds.ics"));
        // 1 Dec 08:00 has started and has no end: the first kept one is 2 Dec
        assertThat(starts(withGuidPrefix(items, "daily-forever@test/"))).containsExactly(
                at("2026-12-02T08:00:00Z"), at("2026-12-03T08:00:00Z"), at("2026-12-04T08:00:00Z"),
                at("2026-12-05T08:00:00Z"), at("2026-12-06T08:00:00Z"));
        assertThat(withGuidPrefix(items, "weekly-forever@test/")).hasSize(5);
    }

    @Test
    void horizonBoundsSeriesAndOneOffEvents() {
        List<ParsedItem> items = Fixtures.parser(Duration.ofDays(14), 100).parse(Fixtures.fixture("bounds.ics"));
        // up to 15 Dec 12:00 UTC
        assertThat(withGuidPrefix(items, "daily-forever@test/")).hasSize(14);
        assertThat(starts(withGuidPrefix(items, "weekly-forever@test/")))
                .containsExactly(at("2026-12-01T23:00:00Z"), at("2026-12-08T23:00:00Z"));
        assertThat(items).extracting(ParsedItem::guid).doesNotContain("far-future@test");

        List<ParsedItem> longer = Fixtures.parser(Duration.ofDays(365), 100).parse(Fixtures.fixture("bounds.ics"));
        assertThat(byGuid(longer, "far-future@test").event().startsAt()).isEqualTo(at("2027-06-01T09:00:00Z"));
    }

    @Test
    void seriesWithoutUidGetAStableIdPerOccurrence() {
        String ics = """
                BEGIN:VCALENDAR
                VERSION:2.0
                PRODID:test
                BEGIN:VEVENT
                DTSTART:20261202T090000Z
                RRULE:FREQ=DAILY;COUNT=2
                SUMMARY:No UID series
                END:VEVENT
                END:VCALENDAR
                """;
        List<ParsedItem> items = Fixtures.parser().parse(Fixtures.text(ics));
        assertThat(items).extracting(ParsedItem::guid).containsExactly(
                dev.gazette.source.StableIds.of("No UID series", "2026-12-02T09:00:00Z"),
                dev.gazette.source.StableIds.of("No UID series", "2026-12-03T09:00:00Z"));
        assertThat(Fixtures.parser().parse(Fixtures.text(ics))).isEqualTo(items);
    }

    @Test
    void overrideMovedIntoTheWindowUnreadableOverrideAndOrphanOverride() {
        String ics = """
                BEGIN:VCALENDAR
                VERSION:2.0
                PRODID:test
                BEGIN:VEVENT
                UID:tuesday@test
                DTSTART:20261006T100000Z
                DTEND:20261006T110000Z
                RRULE:FREQ=WEEKLY;COUNT=12
                SUMMARY:Tuesday seminar
                END:VEVENT
                BEGIN:VEVENT
                UID:tuesday@test
                RECURRENCE-ID:20261124T100000Z
                DTSTART:20261203T100000Z
                DTEND:20261203T110000Z
                END:VEVENT
                BEGIN:VEVENT
                UID:tuesday@test
                RECURRENCE-ID:20261208T100000Z
                DTSTART:not-a-date
                SUMMARY:Broken override
                END:VEVENT
                BEGIN:VEVENT
                UID:orphan@test
                RECURRENCE-ID:20261210T100000Z
                DTSTART:20261211T100000Z
                SUMMARY:Only this occurrence was shared
                END:VEVENT
                END:VCALENDAR
                """;
        List<ParsedItem> items = Fixtures.parser().parse(Fixtures.text(ics));
        // COUNT=12 from 6 Oct ends on 22 Dec; 24 Nov moved to Thursday 3 Dec and keeps the series title
        assertThat(withGuidPrefix(items, "tuesday@test/")).extracting(ParsedItem::guid).containsExactly(
                "tuesday@test/2026-11-24T10:00:00Z", "tuesday@test/2026-12-08T10:00:00Z",
                "tuesday@test/2026-12-15T10:00:00Z", "tuesday@test/2026-12-22T10:00:00Z");
        ParsedItem moved = byGuid(items, "tuesday@test/2026-11-24T10:00:00Z");
        assertThat(moved.title()).isEqualTo("Tuesday seminar");
        assertThat(moved.event().startsAt()).isEqualTo(at("2026-12-03T10:00:00Z"));
        assertThat(byGuid(items, "tuesday@test/2026-12-08T10:00:00Z").title()).isEqualTo("Tuesday seminar");
        assertThat(byGuid(items, "orphan@test/2026-12-10T10:00:00Z").event().startsAt())
                .isEqualTo(at("2026-12-11T10:00:00Z"));
    }
}
