package dev.gazette.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.delivery.DeliveryStatus;
import dev.gazette.delivery.SendJob;
import dev.gazette.delivery.smtp.OutboxMessage;
import dev.gazette.testing.Browser;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * A manual send in a real browser (desktop): "everyone active", a dry run, the confirmation, the progress page
 * refreshing itself until the send is done, its counts against the mail the server received; then the browser's Back
 * button and the confirmation sent again, which sends nothing more.
 *
 * <p>The page ids are the Sends pages' contract: {@code /admin/sends} with form {@code send-form}, radios
 * {@code audience-test|topic|due|active}, selects {@code send-topic}, {@code send-frequency}, inputs
 * {@code test-address}, {@code test-subscriber}, button {@code dry-run-button}; the dry run's {@code would-send},
 * {@code already-had}, {@code would-skip} and {@code confirm-send-button}; the progress page {@code /admin/sends/{id}}
 * with {@code send-progress} (attribute {@code data-status}: PLANNED, RUNNING, DONE, FAILED) and {@code sent-count},
 * {@code failed-count}, {@code skipped-count}, {@code remaining-count}.
 */
class ManualSendBrowserTest {
    @TempDir
    static Path dir;

    private static BrowserWorld world;
    private static Browser browser;
    private static Visitor admin;

    @BeforeAll
    static void open() {
        world = new BrowserWorld(dir);
        world.importSubscribers(AdminConsoleBrowserTest.READERS);
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

    /** The first whole number an element shows ("3", "3 subscribers"). */
    private static int number(String id) {
        String text = admin.text(id);
        Matcher m = Pattern.compile("\\d+").matcher(text);
        assertThat(m.find()).as("#%s shows a number: %s", id, text).isTrue();
        return Integer.parseInt(m.group());
    }

    /** Wait, through the page's own refreshes, until the send shown is over; its status then. */
    private static String awaitFinished() {
        return admin.until(d -> {
            String status = d.findElement(By.id("send-progress")).getAttribute("data-status");
            return status.equals("DONE") || status.equals("FAILED") ? status : null;
        });
    }

    @Test
    void sendToEveryoneActiveWatchItFinishAndSendingTheConfirmationAgainSendsNothing() {
        AdminConsoleBrowserTest.logIn(admin);
        admin.open("/admin/sends", "send-form");
        admin.byId("audience-active").click();
        admin.click("dry-run-button", "would-send");
        // Three active readers, each with new items on their topics; nobody has had this period's digest.
        assertThat(number("would-send")).isEqualTo(3);
        assertThat(number("already-had")).isZero();
        assertThat(number("would-skip")).isZero();
        assertThat(world.outbox.receivedCount()).as("a dry run sends nothing").isZero();
        admin.screenshot("admin-send-dry-run");

        admin.click("confirm-send-button", "send-progress");
        String progress = admin.driver().getCurrentUrl();
        // the progress page of the new send (its notice "started" rides in the query)
        assertThat(progress).matches(Pattern.quote(world.base) + "/admin/sends/\\d+(\\?.*)?");
        assertThat(awaitFinished()).isEqualTo("DONE");
        admin.screenshot("admin-send-progress");
        assertThat(number("sent-count")).isEqualTo(3);
        assertThat(number("failed-count")).isZero();
        assertThat(number("skipped-count")).isZero();
        assertThat(number("remaining-count")).isZero();
        List<OutboxMessage> mail = admin.until(d -> world.outbox.receivedCount() >= 3 ? world.outbox.messages() : null);
        assertThat(mail).extracting(OutboxMessage::to)
                .containsExactlyInAnyOrder("ann.lee@example.org", "jisoo.kim@example.org", "bo.berg@example.org");

        // Back to the confirmation, and press it again.
        admin.driver().navigate().back();
        admin.until(d -> !d.getCurrentUrl().equals(progress));
        if (admin.all("#confirm-send-button").isEmpty()) {
            // The dry run answered a POST, which the browser does not keep (no-store): it offers to send that form
            // again, as a person does by reloading and agreeing.
            admin.driver().navigate().refresh();
        }
        admin.click("confirm-send-button", "send-progress");
        awaitFinished();
        admin.until(d -> world.gazette.sendJobs().list(10).stream().allMatch(job -> job.status().isFinal()));

        assertThat(world.outbox.receivedCount()).as("no second send").isEqualTo(3);
        assertThat(world.gazette.digests().ledger().countByStatus().get(DeliveryStatus.SENT)).isEqualTo(3);
        assertThat(world.gazette.sendJobs().list(10)).extracting(SendJob::createdBy).containsOnly(BrowserWorld.ADMIN);
        admin.assertNoAlert();
    }
}
