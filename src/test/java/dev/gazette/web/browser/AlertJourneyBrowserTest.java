package dev.gazette.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.delivery.smtp.OutboxMessage;
import dev.gazette.subscriber.Frequency;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.SubscriberDraft;
import dev.gazette.subscriber.SubscriberStatus;
import dev.gazette.subscriber.TokenPurpose;
import dev.gazette.testing.Browser;
import dev.gazette.testing.FixtureServer;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A reader's keyword alert in a real browser at phone width: from the preference centre to the alerts page, a query
 * typed and tested against the last 30 days (matched words marked), saved "as it happens"; then a matching item
 * appears in a feed, the scheduler's collection of that source sends the alert email (the query in its subject, the
 * words marked in HTML and text, List-Unsubscribe to stop-all), and its "Stop this alert" link pauses the alert while
 * the digest subscription stays active.
 */
class AlertJourneyBrowserTest {
    private static final String ADDRESS = "gene.reader@example.org";
    private static final String QUERY = "\"gene editing\" OR crispr -mouse";
    private static final String OLD = "Gene editing with CRISPR repairs sickle cell genes in a small trial";
    private static final String NEW = "CRISPR screen finds a new target in pancreatic cancer";

    @TempDir
    static Path dir;

    private static BrowserWorld world;
    private static Browser browser;
    private static Visitor reader;

    @BeforeAll
    static void open() {
        world = new BrowserWorld(dir, OLD);
        browser = Browser.open(390, 844);
        reader = new Visitor(browser, world.base);
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
    void createTestAndSaveAnAlertReceiveItAfterTheNextCollectionAndStopItFromTheEmail() throws Exception {
        world.gazette.subscribers().upsert(new SubscriberDraft(ADDRESS, "Gene Reader", List.of("oncology"),
                Frequency.WEEKLY, ZoneId.of("Europe/Berlin"), Locale.ENGLISH, null, null));
        Subscriber subscriber = world.subscriber(ADDRESS);

        // The preference centre, from the link every email carries; then its alerts page.
        reader.open("/preferences/" + world.gazette.tokens().issue(TokenPurpose.PREFERENCES, subscriber), "alerts-link");
        assertThat(reader.text("alerts-link")).isEqualTo("Your alerts (0)");
        reader.click("alerts-link", "alert-form");
        reader.assertNoHorizontalScroll();

        // Test the query: what it would have found in the last 30 days, the words marked; nothing is saved.
        reader.type("query", QUERY);
        reader.click("test-button", "test-results");
        // The sample sources have a match of their own: the feed's item is one of them.
        assertThat(reader.text("test-count")).matches("\\d+ items? from the last 30 days matched\\. Nothing is saved yet\\.");
        WebElement hit = reader.all(".hit").stream()
                .filter(h -> h.findElement(By.cssSelector(".hit-title")).getText().equals(OLD)).findFirst().orElseThrow();
        assertThat(hit.findElement(By.cssSelector(".hit-title")).getText()).isEqualTo(OLD);
        assertThat(hit.findElements(By.cssSelector(".hit-title mark")).stream().map(WebElement::getText).toList())
                .containsExactly("Gene editing", "CRISPR");
        assertThat(reader.byId("query").getDomProperty("value")).as("the form keeps what was typed").isEqualTo(QUERY);
        assertThat(world.gazette.alerts().of(subscriber.id())).isEmpty();
        reader.assertNoHorizontalScroll();
        reader.screenshot("alerts-test-phone");

        // Save it, as it happens.
        reader.byId("frequency-instant").click();
        reader.click("save-button", "done");
        assertThat(reader.text("done")).startsWith("Your alert is saved");
        assertThat(reader.all(".alert-query").get(0).getText()).isEqualTo(QUERY);
        assertThat(reader.all(".alert-frequency").get(0).getText()).isEqualTo("As it happens");
        reader.assertNoHorizontalScroll();
        reader.screenshot("alerts-phone");

        // A matching item appears in the feed; the scheduler's collection of that source sends the alert.
        world.clock.advance(Duration.ofMinutes(5));
        world.feeds.route("/wire.xml", FixtureServer.Route.ok(BrowserWorld.feed(NEW, Instant.parse("2026-11-28T09:00:00Z")),
                "application/rss+xml"));
        world.gazette.collectOnSchedule("wire");
        OutboxMessage alert = reader.until(d -> world.message(ADDRESS, "Gazette alert").orElse(null));
        assertThat(alert.subject()).contains("“" + QUERY + "”");
        Document html = Jsoup.parse(alert.html());
        assertThat(html.select("mark").eachText()).contains("CRISPR");
        assertThat(html.text()).contains(NEW).doesNotContain(OLD);
        assertThat(alert.text()).contains("*CRISPR*");
        MimeMessage mime = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(alert.raw()));
        assertThat(mime.getHeader("List-Unsubscribe", null)).contains(world.base + "/alerts/stop-all/");
        assertThat(mime.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");

        // "Stop this alert" from the email: the page changes nothing until its button is pressed.
        reader.open(world.link(alert, "/alerts/stop/"), "stop-button");
        assertThat(reader.text("stop-heading")).isEqualTo("Stop the alert “" + QUERY + "”?");
        assertThat(world.gazette.alerts().of(subscriber.id()).get(0).paused()).isFalse();
        reader.click("stop-button", "stopped");
        reader.assertNoHorizontalScroll();
        reader.click("alerts-link", "alert-list");
        assertThat(reader.all(".alert-state").get(0).getText()).isEqualTo("paused");
        assertThat(world.gazette.alerts().of(subscriber.id()).get(0).paused()).isTrue();
        Subscriber after = world.subscriber(ADDRESS);
        assertThat(after.status()).as("the digest subscription stays").isEqualTo(SubscriberStatus.ACTIVE);
        assertThat(after.frequency()).isEqualTo(Frequency.WEEKLY);
    }
}
