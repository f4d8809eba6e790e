package dev.gazette.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.admin.AuditEntry;
import dev.gazette.db.DatabaseKind;
import dev.gazette.delivery.Delivery;
import dev.gazette.delivery.DeliveryStatus;
import dev.gazette.delivery.SendProgress;
import dev.gazette.delivery.SendReport;
import dev.gazette.testing.ScriptedSmtpServer;
import dev.gazette.testing.ScriptedSmtpServer.Fault;
import dev.gazette.testing.ScriptedSmtpServer.Stage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The deliveries page with "retry failed" against a real SMTP server, and the demo outbox page. */
class AdminMailPagesTest {
    private static final String READERS = """
            email,name,topics,frequency,timezone,locale
            ann@example.org,Ann Lee,oncology,weekly,UTC,en
            bo@example.org,Bo Berg,oncology,weekly,UTC,en
            """;
    private static final String DELIVERY = """
            delivery: {from: "Gazette News <news@example.org>", rate-limit: 1000, retry-base: 50ms, retry-max: 200ms}
            digest: {send-empty: true}
            """;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aRefusedDigestShowsItsSmtpReplyAndRetryFailedSendsItAgain(DatabaseKind kind) throws Exception {
        try (ScriptedSmtpServer smtp = ScriptedSmtpServer.start();
                AdminWorld world = new AdminWorld(dir, kind, DELIVERY + "mail: {host: \"127.0.0.1\", port: " + smtp.port()
                        + ", security: none, connect-timeout: 2s, timeout: 2s}")) {
            world.importSubscribers(READERS);
            smtp.failFor("ann@example.org", Fault.reply(Stage.END_OF_DATA, 554, "5.7.1 Message refused as spam"));
            SendReport report = world.gazette.digests().sendNow(null, 100, SendProgress.NONE);
            assertThat(report.failed()).isEqualTo(1);
            assertThat(report.sent()).isEqualTo(1);
            Browser admin = world.admin();

            Document failed = admin.get("/admin/deliveries?status=failed").doc();
            assertThat(failed.select("#deliveries tr[data-status]")).hasSize(1);
            assertThat(failed.select("#deliveries td.reply").text()).contains("554", "5.7.1 Message refused as spam");
            assertThat(failed.select("#deliveries tr[data-status=failed]").text()).contains("ann@example.org");
            assertThat(admin.get("/admin/deliveries?subscriber=bo@example.org").doc().select("#deliveries tr[data-status]")
                    .eachAttr("data-status")).containsExactly("sent");
            Document dashboard = admin.get("/admin").doc();
            assertThat(dashboard.select("#per-day tr").last().select("td").eachText())
                    .containsExactly("2026-11-28", "0", "1", "1", "0");
            assertThat(dashboard.select("svg.chart").last().select("rect title").eachText())
                    .containsExactly("2026-11-28: 1 sent", "2026-11-28: 1 failed");

            Browser.Page retried = admin.post("/admin/deliveries/retry", Map.of("subscriber", ""));

            assertThat(retried.status()).isEqualTo(303);
            assertThat(admin.get(retried.location()).doc().select("[role=status]").text())
                    .isEqualTo("One failed delivery is queued again and being sent now.");
            Delivery delivery = waitUntilFinal(world, world.subscriberId("ann@example.org"));
            assertThat(delivery.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(delivery.attempts()).isEqualTo(1);
            assertThat(smtp.messages()).filteredOn(m -> m.recipients().contains("ann@example.org")).hasSize(1);
            AuditEntry entry = world.gazette.admin().audit().list(AdminWorld.ADMIN, "deliveries.retry", 0, 1).get(0);
            assertThat(entry.target()).isEqualTo("all subscribers");
            assertThat(entry.detail()).isEqualTo("1 failed deliveries queued again");
            assertThat(admin.get(admin.post("/admin/deliveries/retry", Map.of()).location()).doc().select("[role=status]").text())
                    .isEqualTo("There were no failed deliveries.");

            long ann = world.subscriberId("ann@example.org");
            admin.post("/admin/subscribers/" + ann + "/delete", Map.of("confirm", "yes"));
            assertThat(world.gazette.digests().ledger().list(null, ann, 10)).as("their deliveries went with them").isEmpty();
        }
    }

    private static Delivery waitUntilFinal(AdminWorld world, long subscriberId) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (true) {
            Delivery d = world.gazette.digests().ledger().list(null, subscriberId, 1).get(0);
            if (d.status().isFinal() || System.nanoTime() > until) {
                return d;
            }
            Thread.sleep(50);
        }
    }

    @Test
    void theOutboxShowsEachCapturedEmailAsItsRecipientWouldSeeIt() throws InterruptedException {
        try (AdminWorld world = new AdminWorld(dir, DatabaseKind.H2, DELIVERY + "mail: {outbox: {smtp-port: 0, imap-port: 0}}")) {
            Browser admin = world.admin();
            assertThat(admin.get("/admin/outbox").doc().select("[class=notice]").text())
                    .isEqualTo("The demo outbox is not running in this process.");
            world.gazette.mail().startOutbox();
            world.gazette.collectNow();
            world.clock.advance(Duration.ofMinutes(5));
            world.importSubscribers(READERS);
            assertThat(admin.get("/admin/outbox").text()).contains("The outbox is empty.");
            world.gazette.digests().sendNow(null, 100, SendProgress.NONE);

            Document outbox = admin.get("/admin/outbox").doc();

            assertThat(outbox.select("#outbox tr td:nth-child(2)").eachText())
                    .containsExactlyInAnyOrder("ann@example.org", "bo@example.org");
            String link = outbox.select("#outbox a").first().attr("href");
            Browser.Page message = admin.get(link);
            Document doc = message.doc();
            String to = doc.select("p.muted").first().text();
            assertThat(doc.select("#subject").text()).isEqualTo(outbox.select("#outbox a").first().text());
            assertThat(doc.select("#text").text()).contains("Tumour vaccine trial shrinks cancer");
            List<String> headers = doc.select("#headers th").eachText();
            assertThat(headers).contains("From", "To", "Subject", "Message-ID", "List-Unsubscribe", "List-Unsubscribe-Post");
            assertThat(doc.select("#headers tr").stream().filter(tr -> tr.select("th").text().equals("From"))
                    .map(tr -> tr.select("td").text()).toList()).containsExactly("Gazette News <news@example.org>");
            assertThat(to).startsWith("To ");
            assertThat(doc.select("iframe").attr("src")).isEqualTo(link + "/html");
            Browser.Page html = admin.get(link + "/html");
            assertThat(html.header("Content-Security-Policy")).get().asString().startsWith("sandbox ");
            assertThat(html.body()).contains("Tumour vaccine trial shrinks cancer").containsIgnoringCase("<html");
            assertThat(admin.get("/admin/outbox/0123456789abcdef0123").status()).isEqualTo(404);
        }
    }

    @Test
    void withARealMailServerThereIsNoOutboxToShow() {
        try (AdminWorld world = new AdminWorld(dir, DatabaseKind.H2, DELIVERY + "mail: {host: \"smtp.example.org\"}")) {
            Browser.Page page = world.admin().get("/admin/outbox");
            assertThat(page.doc().select("p.notice").text())
                    .isEqualTo("Mail goes to a real SMTP server: there is no demo outbox to show.");
            assertThat(page.doc().select("p.muted").first().text()).startsWith("Mail: SMTP smtp.example.org:");
        }
    }
}
