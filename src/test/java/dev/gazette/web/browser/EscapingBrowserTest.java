package dev.gazette.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.delivery.SendProgress;
import dev.gazette.delivery.smtp.OutboxMessage;
import dev.gazette.item.Item;
import dev.gazette.item.ItemQuery;
import dev.gazette.testing.Browser;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Markup from a feed item's title and from a subscriber's name, in a real browser: every page shows it as the text it
 * is, and no script runs (no alert dialog opens; no element with an event handler is made). The title comes from a
 * feed served over HTTP; the name is typed into the subscribe form.
 */
class EscapingBrowserTest {
    static final String EVIL_TITLE = "<img src=x onerror=alert(1)> Lymphoma trial \"><script>alert(2)</script>";
    static final String EVIL_NAME = "<img src=x onerror=alert(3)>Eve \"O'Hara\"";
    private static final String ADDRESS = "eve@example.org";

    @TempDir
    static Path dir;

    private static BrowserWorld world;
    private static Browser browser;
    private static Visitor visitor;

    @BeforeAll
    static void open() {
        // A feed's title is HTML: tags in it are dropped when it is collected, and what is left is text. So the feed
        // says the markup in entities (&lt;img ...&gt;), which leaves it in the title as text, as a page must show it.
        // Dated after the sample calendar's last event, so that the dashboard's latest items show it.
        String titleAsHtml = EVIL_TITLE.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        world = new BrowserWorld(dir, titleAsHtml, Instant.parse("2027-12-01T08:00:00Z"));
        browser = Browser.open(1280, 900);
        visitor = new Visitor(browser, world.base);
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

    /** Nothing the page (or the frame it is in) shows was made from the markup; no dialog is open. */
    private static void assertNothingRan() {
        visitor.assertNoAlert();
        assertThat(visitor.all("[onerror]")).as("elements with an onerror handler").isEmpty();
        assertThat(visitor.all("img[src='x']")).isEmpty();
        assertThat(visitor.all("script")).extracting(e -> e.getAttribute("innerHTML"))
                .noneSatisfy(code -> assertThat(code).contains("alert("));
    }

    /** Look into the page's email frame, check it, and come back. */
    private static void inFrame(Runnable check) {
        visitor.driver().switchTo().frame(visitor.driver().findElement(By.cssSelector("iframe.mail")));
        try {
            visitor.until(d -> d.findElement(By.tagName("body")).getText().contains("Lymphoma trial"));
            check.run();
            assertNothingRan();
        } finally {
            visitor.driver().switchTo().defaultContent();
        }
    }

    /** Text with its line breaks (the text part wraps lines at 72) as spaces. */
    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static String body() {
        return visitor.driver().findElement(By.tagName("body")).getText();
    }

    @Test
    void aFeedTitleAndASubscribersNameAreTextOnTheSubscribersPagesAndTheConsole() throws InterruptedException {
        assertThat(world.gazette.items().list(new ItemQuery("wire", null, null, null, 10))).extracting(Item::title)
                .as("stored as the feed gave it").containsExactly(EVIL_TITLE);

        // The name, typed into the subscribe form, then confirmed from the email.
        visitor.open("/", "subscribe-form");
        visitor.type("email", ADDRESS);
        visitor.type("name", EVIL_NAME);
        visitor.check("topic-oncology", true);
        visitor.byId("frequency-daily").click();
        visitor.click("subscribe-button", "sent");
        assertNothingRan();
        OutboxMessage confirmation = visitor.until(d -> world.message(ADDRESS, "Confirm").orElse(null));
        visitor.open(world.link(confirmation, "/confirm/"), "confirm-button");
        visitor.click("confirm-button", "confirmed");
        assertNothingRan();
        assertThat(world.subscriber(ADDRESS).name()).isEqualTo(EVIL_NAME);

        // The console: the dashboard's latest items, the subscriber list and page, the preview of the next digest.
        AdminConsoleBrowserTest.logIn(visitor);
        assertThat(visitor.text("latest-items")).contains(EVIL_TITLE);
        assertNothingRan();
        AdminConsoleBrowserTest.navigate(visitor, "/admin/subscribers", "subscribers");
        assertThat(visitor.all("#subscribers td.name")).extracting(WebElement::getText).containsExactly(EVIL_NAME);
        assertNothingRan();
        visitor.click(visitor.driver().findElement(By.linkText(ADDRESS)), "name");
        assertThat(visitor.byId("name").getAttribute("value")).isEqualTo(EVIL_NAME);
        assertNothingRan();
        visitor.click(visitor.driver().findElement(By.cssSelector("main p.muted a[href^='/admin/preview?email=']")), "preview");
        assertThat(visitor.text("preview")).contains(EVIL_NAME);
        assertThat(oneLine(visitor.text("text"))).contains(EVIL_TITLE, "Hello " + EVIL_NAME + ",");
        assertNothingRan();
        inFrame(() -> assertThat(body()).contains(EVIL_TITLE, "Hello " + EVIL_NAME + ","));

        // The digest with the feed's title goes out; its links open the preference centre and the digest in the browser.
        assertThat(world.gazette.digests().sendNow(null, 100, SendProgress.NONE).sent()).isEqualTo(1);
        OutboxMessage digest = visitor.until(d -> world.message(ADDRESS, "Your daily Gazette").orElse(null));
        visitor.open(world.link(digest, "/preferences/"), "preferences-form");
        assertThat(visitor.byId("name").getAttribute("value")).isEqualTo(EVIL_NAME);
        assertNothingRan();
        visitor.click("save-button", "done");
        assertThat(visitor.byId("name").getAttribute("value")).as("saved and shown again").isEqualTo(EVIL_NAME);
        assertNothingRan();
        visitor.driver().get(world.link(digest, "/view/"));
        visitor.until(d -> body().contains("Lymphoma trial"));
        assertThat(body()).contains(EVIL_TITLE, "Hello " + EVIL_NAME + ",");
        assertNothingRan();

        // The digest in the console's outbox.
        visitor.open("/admin/outbox", "outbox");
        assertNothingRan();
        WebElement digestRow = visitor.driver().findElement(By.xpath("//table[@id='outbox']//tr[td/a[starts-with(., 'Your daily Gazette')]]"));
        visitor.click(digestRow.findElement(By.tagName("a")), "headers");
        assertThat(visitor.text("headers")).contains("<img src=x onerror=alert(3)>Eve", ADDRESS);
        assertThat(oneLine(visitor.text("text"))).contains(EVIL_TITLE);
        assertNothingRan();
        inFrame(() -> assertThat(body()).contains(EVIL_TITLE, "Hello " + EVIL_NAME + ","));
    }
}
