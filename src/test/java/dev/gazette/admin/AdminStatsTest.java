package dev.gazette.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.config.AdminConfig;
import dev.gazette.db.Database;
import dev.gazette.db.DatabaseKind;
import dev.gazette.testing.MutableClock;
import dev.gazette.testing.TestDatabases;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The dashboard's counts per day, in a time zone, on H2 and PostgreSQL. */
class AdminStatsTest {
    /** 10:00 in Seoul on 28 November. */
    private final MutableClock clock = new MutableClock("2026-11-28T01:00:00Z");

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void itemsAndFinishedDeliveriesAreCountedPerCalendarDayOfTheZone(DatabaseKind kind) {
        try (Database db = TestDatabases.open(kind)) {
            db.jdbi().useHandle(h -> {
                h.execute("INSERT INTO source (id, name, type, url, definition_hash, enabled, created_at) "
                        + "VALUES ('wire', 'Wire', 'FEED', 'https://example.org', 'x', TRUE, CURRENT_TIMESTAMP)");
                h.execute("INSERT INTO subscriber (email, email_key, name, status, frequency, send_day, send_hour, "
                        + "time_zone, locale, created_at, updated_at) VALUES ('a@example.org', 'a@example.org', 'A', "
                        + "'ACTIVE', 'DAILY', 'MONDAY', 8, 'UTC', 'en', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            });
            // 27 Nov 23:30 UTC is 28 Nov 08:30 in Seoul; 27 Nov 14:00 UTC is 27 Nov 23:00 in Seoul.
            item(db, 1, "2026-11-27T23:30:00Z");
            item(db, 2, "2026-11-27T14:00:00Z");
            item(db, 3, "2026-11-27T16:00:00Z");
            item(db, 4, "2026-10-01T00:00:00Z");
            delivery(db, 1, "SENT", "2026-11-27T23:30:00Z");
            delivery(db, 2, "SENT", "2026-11-27T23:40:00Z");
            delivery(db, 3, "FAILED", "2026-11-27T23:50:00Z");
            delivery(db, 4, "SKIPPED", "2026-11-27T14:00:00Z");
            delivery(db, 5, "QUEUED", "2026-11-27T23:55:00Z");

            List<DayCount> days = new Admin(db.jdbi(), clock, new AdminConfig(Duration.ofHours(8), true)).stats()
                    .perDay(ZoneId.of("Asia/Seoul"), 30);

            assertThat(days).hasSize(30);
            assertThat(days.get(0).day()).isEqualTo(LocalDate.parse("2026-10-30"));
            assertThat(days.get(29)).isEqualTo(new DayCount(LocalDate.parse("2026-11-28"), 2, 2, 1, 0));
            assertThat(days.get(28)).isEqualTo(new DayCount(LocalDate.parse("2026-11-27"), 1, 0, 0, 1));
            assertThat(days.get(29).deliveries()).isEqualTo(3);
            assertThat(days.stream().mapToInt(DayCount::items).sum()).isEqualTo(3);
        }
    }

    private static void item(Database db, int n, String firstSeen) {
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO item (source_id, kind, guid, title, summary_html, summary_text, "
                        + "categories, content_hash, first_seen_at, last_seen_at, changed_at) VALUES ('wire', 'ARTICLE', :guid, "
                        + "'t', '', '', '', 'h', CAST(:at AS TIMESTAMP WITH TIME ZONE), CAST(:at AS TIMESTAMP WITH TIME ZONE), "
                        + "CAST(:at AS TIMESTAMP WITH TIME ZONE))")
                .bind("guid", "g" + n).bind("at", java.time.Instant.parse(firstSeen)).execute());
    }

    private static void delivery(Database db, int n, String status, String updated) {
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO delivery (subscriber_id, edition, kind, window_start, window_end, "
                        + "recipient, status, attempts, message_id, created_at, updated_at) SELECT id, :edition, 'DIGEST', "
                        + "CAST(:at AS TIMESTAMP WITH TIME ZONE), CAST(:at AS TIMESTAMP WITH TIME ZONE), email, :status, 1, :edition, "
                        + "CAST(:at AS TIMESTAMP WITH TIME ZONE), CAST(:at AS TIMESTAMP WITH TIME ZONE) FROM subscriber")
                .bind("edition", "daily:" + n).bind("status", status).bind("at", java.time.Instant.parse(updated)).execute());
    }
}
