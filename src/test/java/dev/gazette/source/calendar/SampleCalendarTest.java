package dev.gazette.source.calendar;

import static dev.gazette.source.calendar.Fixtures.at;
import static dev.gazette.source.calendar.Fixtures.byGuid;
import static dev.gazette.source.calendar.Fixtures.withGuidPrefix;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.source.EventDetails;
import dev.gazette.source.FetchedDocument;
import dev.gazette.source.ParsedItem;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo calendar shipped in src/main/resources/samples. */
class SampleCalendarTest {
    private static final String UID = "@sample.gazette.dev";

    private final List<ParsedItem> items = Fixtures.parser(Duration.ofDays(365), 10).parse(new FetchedDocument(
            URI.create("file:///opt/gazette/samples/biotech-events.ics"),
            Fixtures.bytes("/samples/biotech-events.ics"), null));

    @Test
    void weeklyWebinarAlwaysHasUpcomingOccurrences() {
        List<ParsedItem> club = withGuidPrefix(items, "oncology-journal-club" + UID + "/");
        assertThat(club).hasSize(10).allSatisfy(i -> assertThat(i.title()).isEqualTo("Oncology Journal Club"));
        // Tuesdays at noon in New York
        assertThat(club.get(0).event().startsAt()).isEqualTo(at("2026-12-01T17:00:00Z"));
        assertThat(club.get(0).event().endsAt()).isEqualTo(at("2026-12-01T18:00:00Z"));
        assertThat(club.get(1).event().startsAt()).isEqualTo(at("2026-12-08T17:00:00Z"));
        assertThat(club.get(0).link()).isEqualTo("https://example.org/events/oncology-journal-club");
        assertThat(club.get(0).categories()).containsExactly("Oncology", "Webinar");
        assertThat(club.get(0).summaryHtml()).contains("paper.<br>This week");
    }

    @Test
    void monthlyGrandRoundsInSeoulTime() {
        List<ParsedItem> rounds = withGuidPrefix(items, "cardiology-grand-rounds" + UID + "/");
        assertThat(rounds).hasSize(10);
        // third Thursday, 07:30 in Seoul: 17 Dec 2026 is 22:30 UTC on the 16th
        EventDetails first = rounds.get(0).event();
        assertThat(first.startsAt()).isEqualTo(at("2026-12-16T22:30:00Z"));
        assertThat(first.timeZone()).isEqualTo("Asia/Seoul");
        assertThat(first.location()).isEqualTo("Seoul National University Hospital, Main Auditorium");
        assertThat(rounds.get(1).event().startsAt()).isEqualTo(at("2027-01-20T22:30:00Z"));
    }

    @Test
    void conferencesWithVenues() {
        EventDetails infections = byGuid(items, "emerging-infections-2027" + UID).event();
        assertThat(infections.startsAt()).isEqualTo(at("2027-03-22T12:30:00Z"));
        assertThat(infections.endsAt()).isEqualTo(at("2027-03-24T21:00:00Z"));
        assertThat(infections.location()).isEqualTo("Hynes Convention Center, 900 Boylston Street, Boston, MA");

        ParsedItem policy = byGuid(items, "health-policy-summit-2027" + UID);
        assertThat(policy.title()).isEqualTo("Health Policy Summit 2027");
        assertThat(policy.event().startsAt()).isEqualTo(at("2027-05-18T08:00:00Z"));
        assertThat(policy.event().timeZone()).isEqualTo("Europe/London");
    }

    @Test
    void allDayCancelledAndKoreanEvents() {
        EventDetails openLab = byGuid(items, "world-health-day-2027" + UID).event();
        assertThat(openLab.allDay()).isTrue();
        assertThat(openLab.startsAt()).isEqualTo(at("2027-04-07T00:00:00Z"));
        assertThat(openLab.endsAt()).isEqualTo(at("2027-04-08T00:00:00Z"));

        assertThat(items).extracting(ParsedItem::guid)
                .noneMatch(g -> g.startsWith("vaccine-manufacturing-workshop"));

        ParsedItem korean = byGuid(items, "precision-medicine-symposium-2027" + UID);
        assertThat(korean.title()).isEqualTo("정밀의료 심포지엄 2027");
        assertThat(korean.event().location()).isEqualTo("서울 코엑스 그랜드볼룸");
        assertThat(korean.event().startsAt()).isEqualTo(at("2027-09-10T01:00:00Z"));
    }

    @Test
    void everythingElseIsAccountedFor() {
        assertThat(items).hasSize(10 + 10 + 4);
    }
}
