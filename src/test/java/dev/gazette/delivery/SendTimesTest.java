package dev.gazette.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gazette.subscriber.Frequency;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.SubscriberStatus;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SendTimesTest {

    static Subscriber subscriber(Frequency frequency, String zone, DayOfWeek day, int hour) {
        return new Subscriber(1, "reader@example.org", "Reader", SubscriberStatus.ACTIVE, List.of("oncology"),
                frequency, day, hour, ZoneId.of(zone), Locale.ENGLISH, 1, 1, Instant.EPOCH, Instant.EPOCH);
    }

    @Test
    void dailySlotKeepsTheLocalHourWhenLosAngelesSpringsForward() {
        Subscriber reader = subscriber(Frequency.DAILY, "America/Los_Angeles", DayOfWeek.MONDAY, 8);

        // 08:00 PST is 16:00Z; from 8 March 2026, 08:00 PDT is 15:00Z
        assertThat(SendTimes.current(reader, Instant.parse("2026-03-07T16:00:00Z")).key()).isEqualTo("daily:2026-03-07");
        assertThat(SendTimes.current(reader, Instant.parse("2026-03-08T14:59:59Z")).key()).isEqualTo("daily:2026-03-07");
        Edition sunday = SendTimes.current(reader, Instant.parse("2026-03-08T15:00:00Z"));
        assertThat(sunday.key()).isEqualTo("daily:2026-03-08");
        assertThat(sunday.slot()).isEqualTo(Instant.parse("2026-03-08T15:00:00Z"));
        assertThat(SendTimes.next(reader, Instant.parse("2026-03-07T16:00:00Z"))).isEqualTo("2026-03-08T15:00:00Z");
    }

    @Test
    void anHourThatDoesNotExistMovesForwardByTheJump() {
        Subscriber reader = subscriber(Frequency.DAILY, "America/Los_Angeles", DayOfWeek.MONDAY, 2);

        // 02:00 does not exist on 8 March 2026 in Los Angeles: the slot is 03:00 PDT = 10:00Z
        assertThat(SendTimes.current(reader, Instant.parse("2026-03-08T09:59:59Z")).key()).isEqualTo("daily:2026-03-07");
        Edition gap = SendTimes.current(reader, Instant.parse("2026-03-08T10:00:00Z"));
        assertThat(gap.key()).isEqualTo("daily:2026-03-08");
        assertThat(gap.slot()).isEqualTo(Instant.parse("2026-03-08T10:00:00Z"));
    }

    @Test
    void anHourThatHappensTwiceMakesOneEdition() {
        Subscriber reader = subscriber(Frequency.DAILY, "America/Los_Angeles", DayOfWeek.MONDAY, 1);

        // 1 November 2026: 01:00 PDT (08:00Z), then 01:00 PST (09:00Z) again
        Edition first = SendTimes.current(reader, Instant.parse("2026-11-01T08:00:00Z"));
        Edition second = SendTimes.current(reader, Instant.parse("2026-11-01T09:30:00Z"));
        assertThat(first.slot()).isEqualTo(Instant.parse("2026-11-01T08:00:00Z"));
        assertThat(second).isEqualTo(first);
        assertThat(SendTimes.next(reader, Instant.parse("2026-11-01T09:30:00Z"))).isEqualTo("2026-11-02T09:00:00Z");
    }

    @Test
    void weeklyInAucklandAcrossTheEndOfDaylightSaving() {
        Subscriber reader = subscriber(Frequency.WEEKLY, "Pacific/Auckland", DayOfWeek.MONDAY, 8);

        // Monday 30 March 08:00 NZDT (+13) = Sunday 29 March 19:00Z; Monday 6 April 08:00 NZST (+12) = 5 April 20:00Z
        Edition march = SendTimes.current(reader, Instant.parse("2026-04-05T19:30:00Z"));
        assertThat(march.key()).isEqualTo("weekly:2026-03-30");
        assertThat(march.slot()).isEqualTo(Instant.parse("2026-03-29T19:00:00Z"));
        Edition april = SendTimes.current(reader, Instant.parse("2026-04-05T20:00:00Z"));
        assertThat(april.key()).isEqualTo("weekly:2026-04-06");
        assertThat(SendTimes.previous(reader, april)).isEqualTo(march);
        assertThat(Duration.between(march.slot(), april.slot())).isEqualTo(Duration.ofHours(7 * 24 + 1));
    }

    @Test
    void theSameInstantIsADifferentLocalDayFarApart() {
        Instant now = Instant.parse("2026-11-28T20:30:00Z"); // Sunday 09:30 in Auckland, Saturday 12:30 in Los Angeles
        Subscriber auckland = subscriber(Frequency.DAILY, "Pacific/Auckland", DayOfWeek.MONDAY, 9);
        Subscriber losAngeles = subscriber(Frequency.DAILY, "America/Los_Angeles", DayOfWeek.MONDAY, 9);

        assertThat(SendTimes.current(auckland, now).key()).isEqualTo("daily:2026-11-29");
        assertThat(SendTimes.current(losAngeles, now).key()).isEqualTo("daily:2026-11-28");
    }

    @ParameterizedTest(name = "{0} {1} at {2}:00")
    @CsvSource({
        "America/Los_Angeles, DAILY, 2", "America/Los_Angeles, WEEKLY, 1", "Pacific/Auckland, DAILY, 2",
        "Pacific/Auckland, WEEKLY, 3", "Europe/Berlin, DAILY, 2", "Asia/Seoul, DAILY, 0", "Australia/Lord_Howe, DAILY, 2",
        "Asia/Kathmandu, WEEKLY, 8", "America/St_Johns, DAILY, 0"
    })
    void overAYearEverySlotIsOneEditionAtTheLocalHour(String zone, Frequency frequency, int hour) {
        Subscriber reader = subscriber(frequency, zone, DayOfWeek.SUNDAY, hour);
        ZoneId zoneId = ZoneId.of(zone);
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        Edition previous = SendTimes.current(reader, t);
        int editions = 0;
        Instant end = Instant.parse("2027-01-01T00:00:00Z");
        while ((t = SendTimes.next(reader, t)).isBefore(end)) {
            Edition edition = SendTimes.current(reader, t);
            assertThat(edition.slot()).isEqualTo(t);
            assertThat(SendTimes.current(reader, t.minusNanos(1))).isEqualTo(previous);
            assertThat(SendTimes.previous(reader, edition)).isEqualTo(previous);
            ZonedDateTime local = t.atZone(zoneId);
            assertThat(local.toLocalDate()).isEqualTo(edition.localDate());
            // the local hour is the send hour, or later by a daylight-saving jump that skipped it
            assertThat(local.getHour()).isBetween(hour, hour + 1);
            if (frequency == Frequency.WEEKLY) {
                assertThat(edition.localDate().getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
            }
            assertThat(edition.localDate()).isAfter(previous.localDate());
            previous = edition;
            editions++;
        }
        // the zones have the same offset on both ends of the year: one daily slot per day of 2026
        if (frequency == Frequency.DAILY) {
            assertThat(editions).isEqualTo(365);
        } else {
            assertThat(editions).isBetween(52, 53);
        }
    }

    @Test
    void pausedSubscribersHaveNoSlots() {
        Subscriber paused = subscriber(Frequency.PAUSED, "UTC", DayOfWeek.MONDAY, 8);

        assertThatThrownBy(() -> SendTimes.current(paused, Instant.now())).hasMessageContaining("paused");
    }

    @Test
    void editionKeysNameTheLocalDate() {
        assertThat(new Edition(Frequency.WEEKLY, LocalDate.of(2026, 11, 23), Instant.EPOCH).key())
                .isEqualTo("weekly:2026-11-23");
    }
}
