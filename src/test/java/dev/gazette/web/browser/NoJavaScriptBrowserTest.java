package dev.gazette.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.delivery.smtp.OutboxMessage;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.SubscriberStatus;
import dev.gazette.testing.Browser;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Subscribing works with JavaScript switched off (Chrome's content setting, as a reader who blocks scripts has it),
 * on a phone: the form, the confirm page and its button are plain HTML forms.
 */
class NoJavaScriptBrowserTest {
    private static final String ADDRESS = "no.script@example.org";

    @TempDir
    static Path dir;

    private static BrowserWorld world;
    private static Browser browser;
    private static Visitor reader;

    @BeforeAll
    static void open() {
        world = new BrowserWorld(dir);
        browser = Browser.withoutJavaScript(390, 844);
        reader = new Visitor(browser, world.base);
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
    void aReaderWithoutJavaScriptSubscribesAndConfirmsOnAPhone() {
        reader.open("/", "subscribe-form");
        reader.assertNoHorizontalScroll();
        // With JavaScript the form would pick the browser's zone (Asia/Seoul); without it the configured one stays.
        assertThat(reader.selected("time-zone")).as("no script ran on the page").isEqualTo("Europe/Berlin");

        reader.type("email", ADDRESS);
        reader.check("topic-cardiology", true);
        reader.byId("frequency-weekly").click();
        reader.select("time-zone", "Asia/Seoul");
        reader.select("language", "ko");
        reader.click("subscribe-button", "sent");
        reader.assertNoHorizontalScroll();

        OutboxMessage confirmation = reader.until(d -> world.message(ADDRESS, "Gazette 구독을 확인해 주세요").orElse(null));
        reader.open(world.link(confirmation, "/confirm/"), "confirm-button");
        reader.assertNoHorizontalScroll();
        reader.click("confirm-button", "confirmed");
        assertThat(reader.text("confirmed")).isEqualTo("구독되었습니다");
        assertThat(reader.text("next-digest")).contains("Asia/Seoul");

        Subscriber subscriber = world.subscriber(ADDRESS);
        assertThat(subscriber.status()).isEqualTo(SubscriberStatus.ACTIVE);
        assertThat(subscriber.topics()).containsExactly("cardiology");
        assertThat(subscriber.timeZone().getId()).isEqualTo("Asia/Seoul");
        assertThat(subscriber.locale().getLanguage()).isEqualTo("ko");
    }
}
