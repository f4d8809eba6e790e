package dev.gazette.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.delivery.SendProgress;
import dev.gazette.delivery.SendReport;
import dev.gazette.delivery.smtp.OutboxMessage;
import dev.gazette.subscriber.Frequency;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.SubscriberStatus;
import dev.gazette.testing.Browser;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * A reader's whole way through Gazette in a real browser at phone width (390 px): subscribe on the start page, confirm
 * from the link in the email the mail server received, get a digest, change preferences from the digest's link,
 * unsubscribe from the page and subscribe again. Every page fits the phone's width.
 */
class SubscriberJourneyBrowserTest {
    private static final String ADDRESS = "Nia.Reader@example.org";

    @TempDir
    static Path dir;

    private static BrowserWorld world;
    private static Browser browser;
    private static Visitor reader;

    @BeforeAll
    static void open() {
        world = new BrowserWorld(dir);
        browser = Browser.open(390, 844);
        reader = new Visitor(browser, world.base);
        // The phone is in Seoul: the form guesses its time zone from the browser (JavaScript on).
        browser.driver().executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Seoul"));
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
        if (world != null) {
            world.close();
        }
    }

    @Test
    void subscribeConfirmFromTheEmailChangePreferencesUnsubscribeAndComeBack() {
        // Subscribe on the start page.
        reader.open("/", "subscribe-form");
        assertThat(reader.innerWidth()).as("a phone's width").isEqualTo(390);
        reader.assertNoHorizontalScroll();
        assertThat(reader.selected("time-zone")).as("guessed from the browser, not the configured Europe/Berlin")
                .isEqualTo("Asia/Seoul");
        reader.type("email", ADDRESS);
        reader.type("name", "Nia Reader");
        reader.check("topic-oncology", true);
        reader.check("topic-korea-biotech", true);
        reader.byId("frequency-daily").click();
        reader.select("language", "en");
        reader.screenshot("subscribe-phone");
        reader.click("subscribe-button", "sent");
        reader.assertNoHorizontalScroll();
        assertThat(world.subscriber(ADDRESS).status()).isEqualTo(SubscriberStatus.PENDING);

        // The confirmation email reached the mail server; its link opens a page whose button confirms.
        OutboxMessage confirmation = reader.until(d -> world.message(ADDRESS, "Confirm your Gazette subscription").orElse(null));
        assertThat(confirmation.text()).contains("Nia Reader");
        reader.open(world.link(confirmation, "/confirm/"), "confirm-button");
        reader.assertNoHorizontalScroll();
        assertThat(world.subscriber(ADDRESS).status()).as("opening the link changes nothing").isEqualTo(SubscriberStatus.PENDING);
        reader.click("confirm-button", "confirmed");
        assertThat(reader.text("confirmed")).isEqualTo("You are subscribed");
        assertThat(reader.text("next-digest")).contains("(Asia/Seoul)");
        Subscriber confirmed = world.subscriber(ADDRESS);
        assertThat(confirmed.status()).isEqualTo(SubscriberStatus.ACTIVE);
        assertThat(confirmed.topics()).containsExactlyInAnyOrder("oncology", "korea-biotech");
        assertThat(confirmed.timeZone().getId()).isEqualTo("Asia/Seoul");

        // A digest goes out; the preference centre opens from the link it carries.
        SendReport report = sendNow();
        assertThat(report.sent()).isEqualTo(1);
        OutboxMessage digest = reader.until(d -> world.message(ADDRESS, "Your daily Gazette").orElse(null));
        reader.open(world.link(digest, "/preferences/"), "preferences-form");
        reader.assertNoHorizontalScroll();
        assertThat(reader.byId("name").getAttribute("value")).isEqualTo("Nia Reader");
        assertThat(reader.byId("frequency-daily").isSelected()).isTrue();
        assertThat(reader.all("#weekly-button")).as("one click from daily to weekly").hasSize(1);

        // Other topics, weekly on Friday at 7:00, in New York.
        reader.check("topic-korea-biotech", false);
        reader.check("topic-cardiology", true);
        reader.byId("frequency-weekly").click();
        reader.select("send-day", "friday");
        reader.select("send-hour", "7");
        reader.select("time-zone", "America/New_York");
        reader.click("save-button", "done");
        assertThat(reader.text("done")).isEqualTo("Your preferences are saved.");
        // Saturday 28 November 2026, 10:00 UTC is 5:00 in New York: the next Friday 7:00 there is 4 December.
        assertThat(reader.text("next-digest")).containsPattern("Friday, December 4, 2026(,| at) 7:00[\\s\\u202f]?AM")
                .contains("(America/New_York)");
        assertThat(reader.all("#weekly-button")).as("weekly already").isEmpty();
        Subscriber changed = world.subscriber(ADDRESS);
        assertThat(changed.topics()).containsExactlyInAnyOrder("oncology", "cardiology");
        assertThat(changed.frequency()).isEqualTo(Frequency.WEEKLY);
        assertThat(changed.sendDay()).isEqualTo(DayOfWeek.FRIDAY);
        assertThat(changed.sendHour()).isEqualTo(7);
        assertThat(changed.timeZone().getId()).isEqualTo("America/New_York");
        reader.assertNoHorizontalScroll();
        reader.screenshot("preferences-phone");

        // The same page in Korean.
        String preferences = reader.currentPath();
        reader.open(preferences + "?lang=ko", "preferences-form");
        assertThat(reader.driver().findElement(By.tagName("h1")).getText()).isEqualTo("구독 설정");
        assertThat(reader.text("next-digest")).contains("2026년 12월 4일 금요일", "오전 7:00", "America/New_York");
        reader.assertNoHorizontalScroll();
        reader.screenshot("preferences-ko-phone");
        reader.open(preferences + "?lang=en", "preferences-form");

        // Unsubscribe: the link shows a button and changes nothing; the button unsubscribes.
        reader.click("unsubscribe-link", "unsubscribe-button");
        reader.assertNoHorizontalScroll();
        assertThat(world.subscriber(ADDRESS).status()).as("the page alone changes nothing").isEqualTo(SubscriberStatus.ACTIVE);
        reader.click("unsubscribe-button", "resubscribe-button");
        assertThat(reader.text("unsubscribed")).isEqualTo("You are unsubscribed");
        assertThat(world.subscriber(ADDRESS).status()).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
        reader.assertNoHorizontalScroll();

        // And back, from the page that confirmed it.
        reader.click("resubscribe-button", "welcome-back");
        assertThat(world.subscriber(ADDRESS).status()).isEqualTo(SubscriberStatus.ACTIVE);
        reader.assertNoAlert();
    }

    private static SendReport sendNow() {
        try {
            return world.gazette.digests().sendNow(null, 100, SendProgress.NONE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
