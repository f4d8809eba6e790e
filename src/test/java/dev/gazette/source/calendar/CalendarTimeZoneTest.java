package dev.gazette.source.calendar;

import static dev.gazette.source.calendar.Fixtures.at;
import static dev.gazette.source.calendar.Fixtures.byGuid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.source.EventDetails;
import dev.gazette.source.ParsedItem;
import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.util.Configurator;
import org.junit.jupiter.api.Test;

class CalendarTimeZoneTest {
    private final List<ParsedItem> items =
            Fixtures.parser(Duration.ofDays(365), 20).parse(Fixtures.fixture("timezones.ics"));

    private EventDetails event(String uid) {
        return byGuid(items, uid).event();
    }

    @Test
    void newYorkTimesFollowDaylightSaving() {
        assertThat(event("ny-winter@test").startsAt()).isEqualTo(at("2026-12-10T23:00:00Z"));
        assertThat(event("ny-winter@test").endsAt()).isEqualTo(at("2026-12-11T00:30:00Z"));
        assertThat(event("ny-winter@test").timeZone()).isEqualTo("America/New_York");
        assertThat(event("ny-winter@test").allDay()).isFalse();
        assertThat(event("ny-summer@test").startsAt()).isEqualTo(at("2027-06-15T13:00:00Z"));
    }

    @Test
    void seoulTimesWithoutAVtimezoneUseTheJdkZone() {
        assertThat(event("seoul@test").startsAt()).isEqualTo(at("2026-12-15T10:00:00Z"));
        assertThat(event("seoul@test").endsAt()).isEqualTo(at("2026-12-15T12:00:00Z"));
        assertThat(event("seoul@test").timeZone()).isEqualTo("Asia/Seoul");
    }

    @Test
    void utcAndFloatingTimes() {
        assertThat(event("utc@test").startsAt()).isEqualTo(at("2026-12-11T15:00:00Z"));
        assertThat(event("utc@test").timeZone()).isEqualTo("UTC");
        // no X-WR-TIMEZONE: floating times are read as UTC, and no zone is claimed
        assertThat(event("floating@test").startsAt()).isEqualTo(at("2026-12-12T10:00:00Z"));
        assertThat(event("floating@test").timeZone()).isNull();
        assertThat(event("floating@test").endsAt()).isNull();
    }

    @Test
    void prefixedTzidResolvesToItsIanaTail() {
        assertThat(event("mozilla@test").startsAt()).isEqualTo(at("2026-12-13T13:00:00Z"));
        assertThat(event("mozilla@test").timeZone()).isEqualTo("Europe/Berlin");
    }

    @Test
    void windowsZoneNamesUseTheirVtimezoneDefinition() {
        assertThat(event("outlook-korea@test").startsAt()).isEqualTo(at("2026-12-14T10:00:00Z"));
        assertThat(event("outlook-korea@test").timeZone()).isNull();
        assertThat(event("outlook-eastern-winter@test").startsAt()).isEqualTo(at("2026-12-10T23:00:00Z"));
        assertThat(event("outlook-eastern-summer@test").startsAt()).isEqualTo(at("2027-06-15T13:00:00Z"));
    }

    @Test
    void unknownZoneWithoutDefinitionIsReadAsFloating() {
        assertThat(event("unknown-zone@test").startsAt()).isEqualTo(at("2026-12-16T08:00:00Z"));
        assertThat(event("unknown-zone@test").timeZone()).isNull();
    }

    @Test
    void nominalDayDurationKeepsTheWallClockAcrossTheSpringChange() {
        // 12:00 EST on 13 March 2027 plus one day is 12:00 EDT on 14 March: 23 hours later
        assertThat(event("ny-nominal-day@test").startsAt()).isEqualTo(at("2027-03-13T17:00:00Z"));
        assertThat(event("ny-nominal-day@test").endsAt()).isEqualTo(at("2027-03-14T16:00:00Z"));
    }

    @Test
    void calendarZoneAppliesToFloatingTimesAndIsReportedForUtcTimes() {
        List<ParsedItem> seoul = Fixtures.parse("calendar-zone.ics");
        EventDetails floating = byGuid(seoul, "floating-seoul@test").event();
        assertThat(floating.startsAt()).isEqualTo(at("2026-12-15T10:00:00Z"));
        assertThat(floating.endsAt()).isEqualTo(at("2026-12-15T11:00:00Z"));
        assertThat(floating.timeZone()).isEqualTo("Asia/Seoul");
        EventDetails utc = byGuid(seoul, "utc-in-seoul-calendar@test").event();
        assertThat(utc.startsAt()).isEqualTo(at("2026-12-16T01:00:00Z"));
        assertThat(utc.timeZone()).isEqualTo("Asia/Seoul");
    }

    @Test
    void ical4jIsConfiguredNotToUpdateZonesOverTheNetwork() {
        assertThat(Configurator.getProperty("net.fortuna.ical4j.timezone.update.enabled")).contains("false");
        assertThat(Configurator.getProperty("net.fortuna.ical4j.timezone.cache.impl"))
                .contains("net.fortuna.ical4j.util.MapTimeZoneCache");
    }

    @Test
    void parsingZonesOpensNoConnection() {
        List<URI> attempts = Collections.synchronizedList(new ArrayList<>());
        ProxySelector original = ProxySelector.getDefault();
        ProxySelector.setDefault(new ProxySelector() {
            @Override
            public List<Proxy> select(URI uri) {
                attempts.add(uri);
                throw new IllegalStateException("no network at parse time: " + uri);
            }

            @Override
            public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {}
        });
        try {
            List<ParsedItem> parsed = Fixtures.parser(Duration.ofDays(365), 20).parse(Fixtures.fixture("timezones.ics"));
            assertThat(parsed).isNotEmpty();
            // and ical4j's own registry, should anything use it, loads bundled definitions only
            TimeZone seoul = TimeZoneRegistryFactory.getInstance().createRegistry().getTimeZone("Asia/Seoul");
            assertThat(seoul).isNotNull();
            assertThat(seoul.getRawOffset()).isEqualTo(9 * 3600 * 1000);
        } finally {
            ProxySelector.setDefault(original);
        }
        assertThat(attempts).isEmpty();
    }
}
