package dev.gazette.source.calendar;

import static dev.gazette.source.calendar.Fixtures.at;
import static dev.gazette.source.calendar.Fixtures.byGuid;
import static dev.gazette.source.calendar.Fixtures.withGuidPrefix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.gazette.source.ParsedItem;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalendarDenseRuleTest {

    @Test
    void denseAndEndlessRulesFinishQuicklyAndStayBounded() {
        List<ParsedItem> items = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> Fixtures.parser(Duration.ofDays(90), 20).parse(Fixtures.fixture("dense.ics")));

        // every second since 2016: the first twenty seconds from now (an event without end starting now is kept)
        List<ParsedItem> secondly = withGuidPrefix(items, "secondly@test/");
        assertThat(secondly).hasSize(20);
        assertThat(secondly.get(0).event().startsAt()).isEqualTo(at("2026-12-01T12:00:00Z"));
        assertThat(secondly.get(19).event().startsAt()).isEqualTo(at("2026-12-01T12:00:19Z"));

        List<ParsedItem> minutely = withGuidPrefix(items, "minutely@test/");
        assertThat(minutely).hasSize(20);
        assertThat(minutely.get(0).event().startsAt()).isEqualTo(at("2026-12-01T12:00:00Z"));
        assertThat(minutely.get(0).event().timeZone()).isEqualTo("America/New_York");

        // COUNT without BYxxx parts is moved forward arithmetically: two billion seconds last until 2079
        List<ParsedItem> counted = withGuidPrefix(items, "secondly-count@test/");
        assertThat(counted).hasSize(20);
        assertThat(counted.get(0).event().startsAt()).isEqualTo(at("2026-12-01T12:00:00Z"));

        // the others are refused or cut off, but never more than the limit
        assertThat(withGuidPrefix(items, "secondly-count-by@test/")).hasSizeLessThanOrEqualTo(20);
        assertThat(withGuidPrefix(items, "exploding@test")).isEmpty();
        assertThat(withGuidPrefix(items, "ancient@test")).isEmpty();
        // and the rest of the document is still read
        assertThat(byGuid(items, "after-dense@test").event().startsAt()).isEqualTo(at("2026-12-10T09:00:00Z"));
    }

    @Test
    void countedSeriesThatEndedLongAgoYieldsNothing() {
        String ics = """
                BEGIN:VCALENDAR
                VERSION:2.0
                PRODID:test
                BEGIN:VEVENT
                UID:short-dense@test
                DTSTART:20160101T000000Z
                RRULE:FREQ=SECONDLY;COUNT=1000
                SUMMARY:A thousand seconds in 2016
                END:VEVENT
                END:VCALENDAR
                """;
        List<ParsedItem> items = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> Fixtures.parser().parse(Fixtures.text(ics)));
        assertThat(items).isEmpty();
    }

    @Test
    void manySlowRulesShareOneTimeBudget() {
        // one date every 16 minutes, found second by second from 2016: slow however the steps are counted
        StringBuilder ics = new StringBuilder("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:test\n");
        for (int i = 0; i < 40; i++) {
            ics.append("BEGIN:VEVENT\nUID:slow-").append(i).append("@test\nDTSTART:20160101T000000Z\n")
                    .append("RRULE:FREQ=SECONDLY;BYMINUTE=0,16,32,48;BYSECOND=0;COUNT=2000000000\n")
                    .append("SUMMARY:Slow ").append(i).append("\nEND:VEVENT\n");
        }
        ics.append("BEGIN:VEVENT\nUID:plain@test\nDTSTART:20261210T090000Z\nSUMMARY:Plain\nEND:VEVENT\n");
        ics.append("END:VCALENDAR\n");
        long started = System.nanoTime();
        List<ParsedItem> items = assertTimeoutPreemptively(Duration.ofSeconds(6),
                () -> Fixtures.parser().parse(Fixtures.text(ics.toString())));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        assertThat(items).extracting(ParsedItem::guid).contains("plain@test");
        assertThat(items).allSatisfy(i -> assertThat(i.event().startsAt()).isAfterOrEqualTo(Fixtures.NOW));
    }
}
