package dev.gazette.source.page;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.item.ItemKind;
import dev.gazette.source.EventDetails;
import dev.gazette.source.ParsedItem;
import dev.gazette.source.StableIds;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageParserEventTest {

    private static Pages.Builder conferences() {
        return Pages.events("li.event", ".name", ".from")
                .link("a.event-link")
                .end(".to")
                .location(".where")
                .formats("MMM d, yyyy", "dd.MM.yyyy HH:mm");
    }

    private static List<ParsedItem> read(Pages.Builder selectors) {
        return selectors.parser().parse(Pages.fixture("events.html"));
    }

    @Test
    void skipsTheEventWhoseStartCannotBeReadAndKeepsTheOthers() {
        List<ParsedItem> events = read(conferences().zone("Europe/Zurich"));
        assertThat(events).extracting(ParsedItem::title)
                .containsExactly("Biotech Summit", "Evening Seminar", "Workshop");
        assertThat(events).extracting(ParsedItem::kind).containsOnly(ItemKind.EVENT);
    }

    @Test
    void dateOnlyEventIsAllDayFromMidnightUtcWithExclusiveEndAndVenue() {
        ParsedItem summit = read(conferences().zone("Europe/Zurich")).get(0);
        assertThat(summit.event()).isEqualTo(new EventDetails(
                Instant.parse("2026-03-03T00:00:00Z"),
                Instant.parse("2026-03-06T00:00:00Z"),
                true,
                "Europe/Zurich",
                "Messe Basel, Basel"));
        assertThat(summit.link()).isEqualTo("https://lab.example/events/summit");
    }

    @Test
    void timedEventIsReadInTheConfiguredZone() {
        ParsedItem seminar = read(conferences().zone("Europe/Zurich")).get(1);
        assertThat(seminar.event()).isEqualTo(new EventDetails(
                Instant.parse("2026-03-10T17:30:00Z"),
                Instant.parse("2026-03-10T19:00:00Z"),
                false,
                "Europe/Zurich",
                "Room 4"));
    }

    @Test
    void withoutAConfiguredZoneTimesAreUtcAndNoZoneIsReported() {
        ParsedItem seminar = read(conferences()).get(1);
        assertThat(seminar.event().startsAt()).isEqualTo(Instant.parse("2026-03-10T18:30:00Z"));
        assertThat(seminar.event().timeZone()).isNull();
    }

    @Test
    void dropsAnEndThatIsBeforeTheStartAndAMissingLocation() {
        ParsedItem workshop = read(conferences().zone("Europe/Zurich")).get(2);
        assertThat(workshop.event().startsAt()).isEqualTo(Instant.parse("2026-04-12T07:00:00Z"));
        assertThat(workshop.event().endsAt()).isNull();
        assertThat(workshop.event().location()).isNull();
    }

    @Test
    void guidIsLinkPlusStartElseAHashOfTitleStartAndLocation() {
        List<ParsedItem> events = read(conferences());
        assertThat(events.get(0).guid()).isEqualTo("https://lab.example/events/summit#2026-03-03T00:00:00Z");
        assertThat(events.get(1).guid()).isEqualTo(StableIds.of("Evening Seminar", "2026-03-10T18:30:00Z", "Room 4"));
        assertThat(events.get(2).guid()).isEqualTo(StableIds.of("Workshop", "2026-04-12T09:00:00Z", ""));
    }

    @Test
    void theSameEventOnTwoDatesGivesTwoItems() {
        String page = "<div class='e'><a href='/talk'>Talk</a><time datetime='2026-05-01'>1 May</time></div>"
                + "<div class='e'><a href='/talk'>Talk</a><time datetime='2026-05-08'>8 May</time></div>";
        List<ParsedItem> events = Pages.events("div.e", "a", "time").parser().parse(Pages.html(page));
        assertThat(events).extracting(ParsedItem::guid).containsExactly(
                "https://lab.example/talk#2026-05-01T00:00:00Z", "https://lab.example/talk#2026-05-08T00:00:00Z");
    }
}
