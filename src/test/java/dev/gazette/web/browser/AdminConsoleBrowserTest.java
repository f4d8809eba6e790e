package dev.gazette.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.delivery.SendProgress;
import dev.gazette.delivery.SendReport;
import dev.gazette.testing.Browser;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * An admin at the console in a real browser (desktop, 1280 px): logs in, reads the dashboard, finds a subscriber and
 * previews their next digest (the HTML in its sandboxed frame), and after a send sees the emails in the demo outbox,
 * each as its recipient sees it, and in the delivery log.
 */
class AdminConsoleBrowserTest {
    static final String READERS = """
            email,name,topics,frequency,timezone,locale
            ann.lee@example.org,Ann Lee,oncology;cardiology,weekly,Europe/London,en
            jisoo.kim@example.org,김지수,korea-biotech;oncology,daily,Asia/Seoul,ko
            bo.berg@example.org,Bo Berg,oncology;infectious-disease,weekly,Europe/Stockholm,en
            """;

    @TempDir
    static Path dir;

    private static BrowserWorld world;
    private static Browser browser;
    private static Visitor admin;

    @BeforeAll
    static void open() {
        world = new BrowserWorld(dir);
        world.importSubscribers(READERS);
        browser = Browser.open(1280, 900);
        admin = new Visitor(browser, world.base);
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

    /** Log in through the form the console sends a visitor without a session to. */
    static void logIn(Visitor admin) {
        admin.open("/admin", "password");
        assertThat(admin.currentPath()).isEqualTo("/admin/login");
        admin.type("name", BrowserWorld.ADMIN);
        admin.type("password", BrowserWorld.PASSWORD);
        admin.click(admin.driver().findElement(By.cssSelector("form[action='/admin/login'] button[type=submit]")),
                "subscriber-counts");
    }

    /** Follow a link of the console's navigation. */
    static void navigate(Visitor admin, String path, String expectedId) {
        admin.click(admin.driver().findElement(By.cssSelector("nav.admin-nav a[href='" + path + "']")), expectedId);
    }

    @Test
    void logInReadTheDashboardPreviewADigestAndSeeTheSentEmailsInTheOutbox() {
        logIn(admin);
        assertThat(admin.currentPath()).isEqualTo("/admin");
        assertThat(admin.driver().findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
        assertThat(admin.driver().findElement(By.cssSelector("#subscriber-counts [data-status=active] b")).getText())
                .isEqualTo("3");
        assertThat(admin.text("sources")).contains("Sample wire (RSS)", "Sample events calendar (iCalendar)", "The Wire");
        assertThat(admin.all("svg.chart")).hasSize(2);

        // Find a subscriber and preview their next digest, exactly as it would be sent.
        navigate(admin, "/admin/subscribers", "subscribers");
        assertThat(admin.all("#subscribers td.name")).extracting(WebElement::getText)
                .containsExactlyInAnyOrder("Ann Lee", "김지수", "Bo Berg");
        admin.click(admin.driver().findElement(By.linkText("ann.lee@example.org")), "name");
        admin.click(admin.driver().findElement(By.cssSelector("main p.muted a[href^='/admin/preview?email=']")), "preview");
        assertThat(admin.text("subject")).startsWith("Your weekly Gazette");
        assertThat(admin.text("text")).contains("Hello Ann Lee,", BrowserWorld.WIRE_TITLE);
        admin.driver().switchTo().frame(admin.driver().findElement(By.cssSelector("iframe.mail")));
        String html = admin.until(d -> {
            String body = d.findElement(By.tagName("body")).getText();
            return body.contains(BrowserWorld.WIRE_TITLE) ? body : null;
        });
        assertThat(html).contains("Hello Ann Lee,", "Oncology");
        admin.driver().switchTo().defaultContent();
        assertThat(world.outbox.receivedCount()).as("a preview sends nothing").isZero();

        // A send; its emails are in the outbox.
        SendReport report = sendNow();
        assertThat(report.sent()).isEqualTo(3);
        navigate(admin, "/admin/outbox", "outbox");
        List<String> recipients = admin.all("#outbox tr td:nth-child(2)").stream().map(WebElement::getText).toList();
        assertThat(recipients).containsExactlyInAnyOrder("ann.lee@example.org", "jisoo.kim@example.org", "bo.berg@example.org");
        assertThat(admin.all("#outbox a")).extracting(WebElement::getText)
                .anySatisfy(subject -> assertThat(subject).startsWith("Your weekly Gazette"));
        admin.screenshot("admin-outbox");

        WebElement annsRow = admin.driver().findElement(By.xpath("//table[@id='outbox']//tr[td[2]='ann.lee@example.org']"));
        admin.click(annsRow.findElement(By.tagName("a")), "headers");
        assertThat(admin.text("headers")).contains("List-Unsubscribe", "List-Unsubscribe-Post", "Gazette News <news@example.org>");
        assertThat(admin.text("text")).contains("Hello Ann Lee,", BrowserWorld.WIRE_TITLE);
        admin.driver().switchTo().frame(admin.driver().findElement(By.cssSelector("iframe.mail")));
        admin.until(d -> d.findElement(By.tagName("body")).getText().contains("Hello Ann Lee,"));
        admin.driver().switchTo().defaultContent();

        // And in the delivery log.
        navigate(admin, "/admin/deliveries", "deliveries");
        assertThat(admin.all("#deliveries tr[data-status=sent]")).hasSize(3);

        // The dashboard counts them.
        navigate(admin, "/admin", "subscriber-counts");
        assertThat(admin.all("a[href='/admin/deliveries?status=SENT']")).extracting(WebElement::getText).containsExactly("3 sent");
        assertThat(admin.all("svg.chart rect title")).extracting(e -> e.getAttribute("textContent")).contains("2026-11-28: 3 sent");
        admin.screenshot("admin-dashboard");
        admin.assertNoAlert();
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
