package dev.gazette.source.calendar;

import static dev.gazette.source.calendar.Fixtures.at;
import static dev.gazette.source.calendar.Fixtures.byGuid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.source.EventDetails;
import dev.gazette.source.ParsedItem;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalendarAllDayAndDurationTest {
    private final List<ParsedItem> items = Fixtures.parse("all-day-and-duration.ics");

    @Test
    void allDayEventStartsAtMidnightUtcAndEndsNextDay() {
        EventDetails e = byGuid(items, "one-day@test").event();
        assertThat(e.allDay()).isTrue();
        assertThat(e.startsAt()).isEqualTo(at("2026-12-15T00:00:00Z"));
        assertThat(e.endsAt()).isEqualTo(at("2026-12-16T00:00:00Z"));
        // dates carry no zone, whatever X-WR-TIMEZONE says
        assertThat(e.timeZone()).isNull();
    }

    @Test
    void allDayDtendIsExclusive() {
        EventDetails e = byGuid(items, "three-days@test").event();
        assertThat(e.startsAt()).isEqualTo(at("2026-12-20T00:00:00Z"));
        assertThat(e.endsAt()).isEqualTo(at("2026-12-23T00:00:00Z"));
    }

    @Test
    void allDayEventOfTodayIsKeptAndYesterdaysIsDropped() {
        assertThat(byGuid(items, "today@test").event().startsAt()).isEqualTo(at("2026-12-01T00:00:00Z"));
        assertThat(items).extracting(ParsedItem::guid).doesNotContain("yesterday@test");
    }

    @Test
    void durationReplacesDtend() {
        EventDetails timed = byGuid(items, "timed-duration@test").event();
        assertThat(timed.startsAt()).isEqualTo(at("2026-12-10T09:00:00Z"));
        assertThat(timed.endsAt()).isEqualTo(at("2026-12-10T10:30:00Z"));
        assertThat(timed.allDay()).isFalse();

        EventDetails days = byGuid(items, "all-day-duration@test").event();
        assertThat(days.allDay()).isTrue();
        assertThat(days.endsAt()).isEqualTo(at("2026-12-30T00:00:00Z"));

        EventDetails week = byGuid(items, "week-duration@test").event();
        assertThat(week.endsAt()).isEqualTo(at("2026-12-14T00:00:00Z"));
    }
}
