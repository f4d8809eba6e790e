package dev.gazette.web.reader;

import static dev.gazette.web.reader.ReaderWorld.form;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.db.DatabaseKind;
import dev.gazette.subscriber.Frequency;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.SubscriberStatus;
import dev.gazette.subscriber.TokenPurpose;
import dev.gazette.web.reader.ReaderWorld.Page;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The preference centre: changes saved and the next digest shown in the reader's own zone and language, daily to
 * weekly in one click, revoking every link, escaping, CSRF, and subscribers who are not active.
 */
class PreferencePagesTest {
    private static final String NASTY = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>'; --";

    @TempDir
    Path dir;

    private ReaderWorld world;

    @AfterEach
    void close() {
        if (world != null) {
            world.close();
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void changesAreSavedAndTheNextDigestIsShownInTheReadersZoneAndLanguage(DatabaseKind kind) {
        world = new ReaderWorld(dir, kind);
        Subscriber reader = world.active("mina@example.org", "Mina", Frequency.DAILY, "UTC", "en");
        String path = world.path(TokenPurpose.PREFERENCES, reader);

        Page page = world.get(path);
        assertThat(page.status()).isEqualTo(200);
        Document doc = page.document();
        assertThat(doc.selectFirst("#name").attr("value")).isEqualTo("Mina");
        assertThat(doc.selectFirst("#topic-oncology").hasAttr("checked")).isTrue();
        assertThat(doc.selectFirst("#frequency-daily").hasAttr("checked")).isTrue();
        assertThat(doc.select("#frequency-paused")).hasSize(1);
        assertThat(doc.selectFirst("#send-hour option[selected]").attr("value")).isEqualTo("8");
        // Saturday 28 November 2026, 10:00 UTC: the next daily digest is on Sunday at 8:00 UTC.
        assertThat(doc.selectFirst("#next-digest").text()).containsPattern("Sunday, November 29, 2026, 8:00\\s?AM")
                .contains("(UTC)");

        Page saved = world.submit(page, "#preferences-form", form("name", "Mina Park", "topics", "cardiology", "topics",
                "korea-biotech", "frequency", "weekly", "sendDay", "friday", "sendHour", "7", "timeZone", "Asia/Seoul",
                "language", "ko"));
        assertThat(saved.status()).isEqualTo(303);
        Page after = world.follow(saved);

        Subscriber changed = world.subscriber("mina@example.org");
        assertThat(changed.name()).isEqualTo("Mina Park");
        assertThat(changed.topics()).containsExactly("cardiology", "korea-biotech");
        assertThat(changed.frequency()).isEqualTo(Frequency.WEEKLY);
        assertThat(changed.sendDay()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(changed.sendHour()).isEqualTo(7);
        assertThat(changed.timeZone().getId()).isEqualTo("Asia/Seoul");
        assertThat(changed.locale().getLanguage()).isEqualTo("ko");
        assertThat(changed.status()).isEqualTo(SubscriberStatus.ACTIVE);
        assertThat(changed.email()).isEqualTo("mina@example.org");

        // Now in Korean (their language), next Friday 7:00 in Seoul.
        assertThat(after.document().selectFirst("#done").text()).isEqualTo("설정을 저장했습니다.");
        assertThat(after.document().selectFirst("#next-digest").text())
                .contains("2026년 12월 4일 금요일", "오전 7:00", "Asia/Seoul");
        assertThat(after.document().select("#weekly-form")).as("weekly already").isEmpty();
        assertThat(world.get(path + "?lang=en").document().selectFirst("#next-digest").text())
                .containsPattern("Friday, December 4, 2026, 7:00\\s?AM").contains("Asia/Seoul");
    }

    @Test
    void mistakesAreShownWithTheValuesKeptAndNothingSaved() {
        world = new ReaderWorld(dir, DatabaseKind.H2);
        Subscriber reader = world.active("mina@example.org", "Mina", Frequency.DAILY, "UTC", "en");
        Page page = world.get(world.path(TokenPurpose.PREFERENCES, reader));

        Page wrong = world.submit(page, "#preferences-form", form("name", "New Name", "topics", "nope", "sendHour", "24",
                "sendDay", "someday", "timeZone", "+09:00"));

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.document().select("p.error:not(#form-errors)").eachAttr("id"))
                .containsExactlyInAnyOrder("topics-error", "send-hour-error", "send-day-error", "time-zone-error");
        assertThat(wrong.document().selectFirst("#name").attr("value")).isEqualTo("New Name");
        assertThat(world.subscriber("mina@example.org")).isEqualTo(reader);
    }

    @Test
    void aDailyReaderStepsDownToWeeklyWithOneButton() {
        world = new ReaderWorld(dir, DatabaseKind.H2);
        Subscriber reader = world.active("dan@example.org", "Dan", Frequency.DAILY, "Europe/Berlin", "en");
        Page page = world.get(world.path(TokenPurpose.PREFERENCES, reader));
        assertThat(page.document().selectFirst("#weekly-button").text()).isEqualTo("Switch to weekly");

        Page after = world.follow(world.submit(page, "#weekly-form", Map.of()));

        Subscriber weekly = world.subscriber("dan@example.org");
        assertThat(weekly.frequency()).isEqualTo(Frequency.WEEKLY);
        assertThat(weekly.topics()).isEqualTo(reader.topics());
        assertThat(weekly.sendHour()).isEqualTo(reader.sendHour());
        assertThat(after.document().selectFirst("#done").text()).isEqualTo("You now get one digest a week.");
        assertThat(after.document().selectFirst("#next-digest").text()).contains("Monday, November 30, 2026");
    }

    @Test
    void aPausedReaderIsToldSo() {
        world = new ReaderWorld(dir, DatabaseKind.H2);
        Subscriber reader = world.active("pat@example.org", "", Frequency.DAILY, "UTC", "en");
        Page page = world.get(world.path(TokenPurpose.PREFERENCES, reader));

        Page after = world.follow(world.submit(page, "#preferences-form", form("frequency", "paused")));

        assertThat(world.subscriber("pat@example.org").frequency()).isEqualTo(Frequency.PAUSED);
        assertThat(after.document().selectFirst("#next-digest").text()).isEqualTo("Your digests are paused.");
    }

    @Test
    void revokingEveryLinkMovesThePageToANewAddressAndTheOldOnesStopWorking() {
        world = new ReaderWorld(dir, DatabaseKind.H2);
        Subscriber reader = world.active("rev@example.org", "", Frequency.WEEKLY, "UTC", "en");
        String preferences = world.path(TokenPurpose.PREFERENCES, reader);
        String unsubscribe = world.path(TokenPurpose.UNSUBSCRIBE, reader);
        Page page = world.get(preferences);

        Page moved = world.submit(page, "#revoke-form", Map.of());

        assertThat(moved.status()).isEqualTo(303);
        assertThat(moved.location()).startsWith("/preferences/").isNotEqualTo(preferences + "?done=revoked");
        Page renewed = world.follow(moved);
        assertThat(renewed.status()).isEqualTo(200);
        assertThat(renewed.document().selectFirst("#done").text()).startsWith("Your earlier links no longer work.");
        Page old = world.get(preferences);
        assertThat(old.status()).isEqualTo(410);
        assertThat(old.document().selectFirst("#link-problem").attr("data-reason")).isEqualTo("revoked");
        assertThat(world.get(unsubscribe).status()).isEqualTo(410);
        assertThat(world.subscriber("rev@example.org").tokenVersion()).isEqualTo(reader.tokenVersion() + 1);
    }

    @Test
    void aNameFullOfMarkupIsShownAsTextOnThePage() {
        world = new ReaderWorld(dir, DatabaseKind.H2);
        Subscriber reader = world.active("xss@example.org", NASTY, Frequency.WEEKLY, "UTC", "en");

        Page page = world.get(world.path(TokenPurpose.PREFERENCES, reader));

        assertThat(page.response().body()).doesNotContain("<script>alert", "<img src=x");
        assertThat(page.document().select("script, img")).isEmpty();
        assertThat(page.document().selectFirst("#name").attr("value")).isEqualTo(NASTY);

        // Saved back unchanged through the form: still text.
        world.follow(world.submit(page, "#preferences-form", Map.of()));
        assertThat(world.subscriber("xss@example.org").name()).isEqualTo(NASTY);
    }

    @Test
    void everyChangeNeedsTheFormsCsrfFieldAndASameSiteRequest() {
        world = new ReaderWorld(dir, DatabaseKind.H2);
        Subscriber reader = world.active("csrf@example.org", "Cy", Frequency.DAILY, "UTC", "en");
        String path = world.path(TokenPurpose.PREFERENCES, reader);
        String csrf = world.get(path).document().selectFirst("input[name=_csrf]").attr("value");
        Map<String, java.util.List<String>> change = form("name", "Hijacked", "topics", "oncology", "frequency", "weekly",
                "sendDay", "monday", "sendHour", "8", "timeZone", "UTC", "language", "en");

        assertThat(world.post(path, change).status()).as("no field").isEqualTo(403);
        change.put("_csrf", java.util.List.of("x" + csrf));
        assertThat(world.post(path, change).status()).as("a wrong field").isEqualTo(403);
        change.put("_csrf", java.util.List.of(csrf));
        assertThat(world.post(path, change, "Sec-Fetch-Site", "cross-site").status()).as("another site").isEqualTo(403);
        assertThat(world.post(path + "/weekly", form("_csrf", "nope")).status()).isEqualTo(403);
        assertThat(world.post(path + "/revoke", form()).status()).isEqualTo(403);
        assertThat(world.post("/subscribe", form("email", "csrf2@example.org", "topics", "oncology", "frequency",
                "weekly", "timeZone", "UTC", "language", "en")).status()).isEqualTo(403);

        assertThat(world.subscriber("csrf@example.org")).isEqualTo(reader);
        assertThat(world.gazette.subscribers().findByEmail("csrf2@example.org")).isEmpty();
        assertThat(world.post(path, change).status()).as("the real form").isEqualTo(303);
    }

    @Test
    void aReaderWhoLeftIsOfferedToSubscribeAgain() {
        world = new ReaderWorld(dir, DatabaseKind.H2);
        Subscriber reader = world.active("gone@example.org", "", Frequency.WEEKLY, "UTC", "en");
        world.gazette.subscribers().unsubscribe(reader.id());
        Page page = world.get(world.path(TokenPurpose.PREFERENCES, reader));
        assertThat(page.document().select("#preferences-form")).isEmpty();

        Page back = world.follow(world.submit(page, "#resubscribe-form", Map.of()));

        assertThat(world.subscriber("gone@example.org").status()).isEqualTo(SubscriberStatus.ACTIVE);
        assertThat(back.document().select("#preferences-form")).hasSize(1);
    }
}
