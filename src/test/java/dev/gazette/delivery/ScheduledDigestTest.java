package dev.gazette.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.gazette.db.DatabaseKind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scheduler's rule, run as the scheduler runs it ({@code sendDue}), with time moved by hand: each reader's
 * digest goes out at their local send time, once per period; after downtime a missed period goes out once, late,
 * and one older than the staleness limit is merged into the next.
 */
class ScheduledDigestTest {
    private static final String READERS = """
            email,name,topics,frequency,timezone,locale,send_day,send_hour
            kiri@example.org,Kiri,oncology,weekly,Pacific/Auckland,en,monday,8
            lou@example.org,Lou,oncology,daily,America/Los_Angeles,en,,8
            """;

    @TempDir
    Path dir;

    private GreenMail smtp;
    private DigestWorld world;

    @BeforeEach
    void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        world = new DigestWorld(dir, DatabaseKind.H2, "127.0.0.1", smtp.getSmtp().getPort(), "digest: {send-empty: true}");
        world.gazette.collectNow();
        world.importSubscribers(READERS); // confirmed on Saturday 28 November, 10:00 UTC
    }

    @AfterEach
    void stop() {
        world.close();
        smtp.stop();
    }

    /** Who got mail from a scheduler run at that time. */
    private List<String> sendDueAt(String instant) throws InterruptedException {
        List<String> before = received();
        world.clock.set(instant);
        world.gazette.digests().sendDue();
        List<String> after = new java.util.ArrayList<>(received());
        before.forEach(after::remove);
        return after;
    }

    private List<String> received() {
        return Arrays.stream(smtp.getReceivedMessages()).map(DigestEndToEndTest::recipient).toList();
    }

    private List<String> editions(String email) {
        return world.gazette.digests().ledger().list(null, world.subscriberId(email), 100).stream()
                .map(Delivery::edition).sorted().toList();
    }

    @Test
    void eachReaderAtTheirLocalHourOncePerPeriod() throws Exception {
        // nothing before a send time that comes after they joined
        assertThat(sendDueAt("2026-11-28T10:05:00Z")).isEmpty();
        // 08:00 in Los Angeles (PST, -8) is 16:00 UTC
        assertThat(sendDueAt("2026-11-29T15:59:00Z")).isEmpty();
        assertThat(sendDueAt("2026-11-29T16:00:30Z")).containsExactly("lou@example.org");
        // Monday 30 November 08:00 in Auckland (NZDT, +13) is Sunday 19:00 UTC
        assertThat(sendDueAt("2026-11-29T18:59:00Z")).isEmpty();
        assertThat(sendDueAt("2026-11-29T19:00:30Z")).containsExactly("kiri@example.org");
        assertThat(sendDueAt("2026-11-29T19:30:00Z")).isEmpty();
        assertThat(sendDueAt("2026-11-30T15:59:00Z")).isEmpty();
        assertThat(sendDueAt("2026-11-30T16:00:30Z")).containsExactly("lou@example.org");
        assertThat(sendDueAt("2026-11-30T23:00:00Z")).isEmpty();
        assertThat(sendDueAt("2026-12-01T16:01:00Z")).containsExactly("lou@example.org");

        assertThat(editions("kiri@example.org")).containsExactly("weekly:2026-11-30");
        assertThat(editions("lou@example.org")).containsExactly("daily:2026-11-29", "daily:2026-11-30", "daily:2026-12-01");
    }

    @Test
    void afterDowntimeAMissedPeriodGoesOutOnceLateAndAStaleOneIsMergedIntoTheNext() throws Exception {
        // Gazette was down all weekend: Kiri's Monday digest (due 21 hours ago) goes out late, Lou's Sunday one is stale
        assertThat(sendDueAt("2026-11-30T16:00:30Z")).containsExactlyInAnyOrder("lou@example.org", "kiri@example.org");

        // down from Monday evening until Wednesday 02:00 UTC: Tuesday's 08:00 slot (16:00 UTC) was 10 hours ago
        assertThat(sendDueAt("2026-12-02T02:00:00Z")).containsExactly("lou@example.org");
        assertThat(sendDueAt("2026-12-02T02:05:00Z")).isEmpty();

        // down again until Thursday 06:00 UTC: Wednesday's slot was 14 hours ago, past the 12-hour limit
        assertThat(sendDueAt("2026-12-03T06:00:00Z")).isEmpty();
        // Thursday's digest carries everything since Tuesday's
        assertThat(sendDueAt("2026-12-03T16:00:30Z")).containsExactly("lou@example.org");

        assertThat(editions("lou@example.org")).containsExactly("daily:2026-11-30", "daily:2026-12-01", "daily:2026-12-03");
        long lou = world.subscriberId("lou@example.org");
        Delivery tuesday = world.gazette.digests().ledger().find(lou, "daily:2026-12-01").orElseThrow();
        Delivery thursday = world.gazette.digests().ledger().find(lou, "daily:2026-12-03").orElseThrow();
        assertThat(thursday.windowStart()).isEqualTo(tuesday.windowEnd());
        assertThat(tuesday.windowEnd()).isBetween(Instant.parse("2026-12-02T02:00:00Z"), Instant.parse("2026-12-02T02:01:00Z"));
    }
}
