package dev.gazette.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.gazette.admin.AuditEntry;
import dev.gazette.db.DatabaseKind;
import dev.gazette.delivery.SendJob;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Manual sends from the console over real HTTP, mail going to a real SMTP server (GreenMail): the form, the dry run's
 * counts, the Confirm button's one-time key (a second submission sends nothing more), the progress page reloading
 * itself until the send is done, a test send, problems shown on the form, and the audit log.
 *
 * <p>Readers: ann (oncology, weekly) and cy (oncology, daily) have news (the wire's item is about oncology); bo
 * (cardiology) has none, so his digest is skipped.
 */
class AdminSendPagesTest {
    private static final String READERS = """
            email,name,topics,frequency,timezone,locale
            ann@example.org,Ann Lee,oncology,weekly,UTC,en
            bo@example.org,Bo Berg,cardiology,weekly,UTC,en
            cy@example.org,Cy Tane,oncology,daily,UTC,en
            """;

    @TempDir
    Path dir;

    private GreenMail smtp;
    private AdminWorld world;
    private Browser admin;

    private void open(DatabaseKind kind) {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        world = new AdminWorld(dir, kind, """
                delivery: {from: "Gazette News <news@example.org>", rate-limit: 1000}
                mail: {host: "127.0.0.1", port: %d, security: none, connect-timeout: 2s, timeout: 2s}
                """.formatted(smtp.getSmtp().getPort()));
        world.gazette.collectNow();
        world.clock.advance(Duration.ofMinutes(1));
        world.importSubscribers(READERS);
        admin = world.admin();
    }

    @AfterEach
    void close() {
        if (world != null) {
            world.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    private static Map<String, String> audience(String audience, String topic, String frequency, String testAddress,
            String subscriber) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("audience", audience);
        form.put("topic", topic);
        form.put("frequency", frequency);
        form.put("test-address", testAddress);
        form.put("subscriber", subscriber);
        return form;
    }

    /** The Confirm form of a dry-run page, as the browser would send it. */
    private static Map<String, String> confirmForm(Document dryRun) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : dryRun.select("#confirm-form input[type=hidden]")) {
            if (!input.attr("name").equals("_csrf")) {
                fields.put(input.attr("name"), input.attr("value"));
            }
        }
        return fields;
    }

    /** Reload the send's page as the browser does (it reloads itself) until the send is over. */
    private Document watch(String path) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Document page = admin.get(path).doc();
            String status = page.select("#send-progress").attr("data-status");
            if (status.equals("DONE") || status.equals("FAILED") || System.nanoTime() > until) {
                return page;
            }
            assertThat(page.select("meta[http-equiv=refresh]").attr("content")).as("a running send reloads itself")
                    .isEqualTo("2");
            Thread.sleep(50);
        }
    }

    private List<String> recipients() {
        return Arrays.stream(smtp.getReceivedMessages()).map(AdminSendPagesTest::to).sorted().toList();
    }

    private static String to(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString().replaceAll(".*<(.*)>", "$1");
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aDryRunCountsThenConfirmSendsOnceAndTheProgressPageWatchesItFinish(DatabaseKind kind) throws Exception {
        open(kind);
        Document form = admin.get("/admin/sends").doc();
        assertThat(form.select("#send-form input[name=audience]").eachAttr("id"))
                .containsExactly("audience-test", "audience-topic", "audience-due", "audience-active");
        assertThat(form.select("#send-frequency option").eachAttr("value")).containsExactly("", "daily", "weekly");

        Browser.Page dryRun = admin.post("/admin/sends/dry-run", audience("active", "", "", "", ""));

        assertThat(dryRun.status()).isEqualTo(200);
        Document counts = dryRun.doc();
        assertThat(counts.select("#would-send").text()).isEqualTo("2");
        assertThat(counts.select("#already-had").text()).isEqualTo("0");
        assertThat(counts.select("#would-skip").text()).isEqualTo("1");
        assertThat(counts.select("#send-audience").text()).isEqualTo("everyone active (daily and weekly)");
        assertThat(counts.select("#confirm-send-button")).hasSize(1);
        assertThat(smtp.getReceivedMessages()).as("a dry run sends nothing").isEmpty();
        assertThat(world.gazette.sendJobs().list(10)).as("and records nothing").isEmpty();
        Map<String, String> confirm = confirmForm(counts);
        assertThat(confirm.get("request-key")).hasSizeGreaterThanOrEqualTo(32);
        assertThat(confirmForm(admin.post("/admin/sends/dry-run", audience("active", "", "", "", "")).doc())
                .get("request-key")).as("each dry-run page has its own key").isNotEqualTo(confirm.get("request-key"));

        Browser.Page started = admin.post("/admin/sends", confirm);

        assertThat(started.status()).isEqualTo(303);
        assertThat(started.location()).matches("/admin/sends/\\d+\\?done=send\\.started&n=\\d+");
        String progressPath = started.location().substring(0, started.location().indexOf('?'));
        Document done = watch(progressPath);
        assertThat(done.select("#send-progress").attr("data-status")).isEqualTo("DONE");
        assertThat(done.select("#sent-count").text()).isEqualTo("2");
        assertThat(done.select("#failed-count").text()).isEqualTo("0");
        assertThat(done.select("#skipped-count").text()).isEqualTo("1");
        assertThat(done.select("#remaining-count").text()).isEqualTo("0");
        assertThat(done.select("#planned-count").text()).isEqualTo("3");
        assertThat(done.select("meta[http-equiv=refresh]")).as("a finished send stops reloading").isEmpty();
        assertThat(recipients()).containsExactly("ann@example.org", "cy@example.org");

        Browser.Page again = admin.post("/admin/sends", confirm);

        assertThat(again.location()).startsWith(progressPath + "?done=send.again");
        assertThat(admin.get(again.location()).doc().select("[role=status]").text())
                .startsWith("This send was started already");
        Thread.sleep(300);
        assertThat(recipients()).as("the second submission sent nothing").containsExactly("ann@example.org", "cy@example.org");
        assertThat(world.gazette.sendJobs().list(10)).hasSize(1);
        List<AuditEntry> audit = world.gazette.admin().audit().list(AdminWorld.ADMIN, "send", 0, 10);
        assertThat(audit).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("send.start");
            assertThat(entry.target()).isEqualTo(progressPath.replace("/admin/sends/", "send "));
            assertThat(entry.detail()).isEqualTo("everyone active (daily and weekly)");
        });

        Document list = admin.get("/admin/sends").doc();
        assertThat(list.select("#sends tr[data-send]").eachAttr("data-status")).containsExactly("DONE");
        assertThat(list.select("#sends tr[data-send]").text()).contains("everyone active", "alice");
        Document later = admin.post("/admin/sends/dry-run", audience("active", "", "", "", "")).doc();
        assertThat(later.select("#would-send").text()).as("this period's went out already").isEqualTo("0");
        assertThat(later.select("#already-had").text()).as("bo's was recorded as skipped").isEqualTo("3");
        assertThat(later.select("#would-skip").text()).isEqualTo("0");
        assertThat(admin.get(progressPath).doc().select("#sent-count").text()).as("after a reload").isEqualTo("2");
    }

    @Test
    void aTestSendMailsTheChosenSubscribersDigestToTheTestAddress() throws Exception {
        open(DatabaseKind.H2);
        Document dryRun = admin.post("/admin/sends/dry-run", audience("test", "oncology", "weekly", "editor@example.org",
                "ANN@example.org")).doc();
        assertThat(dryRun.select("#would-send").text()).isEqualTo("1");
        assertThat(dryRun.select("#send-audience").text()).isEqualTo("editor@example.org, with the digest of ann@example.org");

        Browser.Page started = admin.post("/admin/sends", confirmForm(dryRun));

        Document done = watch(started.location());
        assertThat(done.select("#send-progress").attr("data-status")).isEqualTo("DONE");
        assertThat(done.select("#sent-count").text()).isEqualTo("1");
        assertThat(recipients()).containsExactly("editor@example.org");
        assertThat(smtp.getReceivedMessages()[0].getContent().toString()).isNotBlank();
        assertThat(world.gazette.admin().audit().list(AdminWorld.ADMIN, "send.start", 0, 1).get(0).detail())
                .isEqualTo("test to editor@example.org with the digest of ann@example.org");
    }

    @Test
    void aSendThatCannotRunYetKeepsReloadingAndProblemsAreShownOnTheForm() throws Exception {
        open(DatabaseKind.H2);
        Browser.Page unknown = admin.post("/admin/sends/dry-run", audience("test", "", "", "editor@example.org",
                "nobody@example.org"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.doc().select("[role=alert]").text()).isEqualTo("there is no subscriber nobody@example.org");
        assertThat(unknown.doc().select("#audience-test[checked]")).as("the form as it was").hasSize(1);
        assertThat(unknown.doc().select("#test-address").attr("value")).isEqualTo("editor@example.org");
        Browser.Page badAddress = admin.post("/admin/sends/dry-run", audience("test", "", "", "editor@", "ann@example.org"));
        assertThat(badAddress.doc().select("[role=alert]").text()).contains("editor@", "is not an address Gazette can send to");
        assertThat(admin.post("/admin/sends/dry-run", audience("topic", "neurology", "", "", "")).doc()
                .select("[role=alert]").text()).startsWith("there is no topic 'neurology'");
        assertThat(admin.post("/admin/sends/dry-run", audience("", "", "", "", "")).status()).isEqualTo(400);
        Document topicDryRun = admin.post("/admin/sends/dry-run", audience("topic", "oncology", "weekly", "", "")).doc();
        assertThat(topicDryRun.select("#would-send").text()).isEqualTo("1");
        assertThat(topicDryRun.select("#send-audience").text()).isEqualTo("the subscribers of Oncology (weekly)");
        Map<String, String> confirm = confirmForm(topicDryRun);
        Map<String, String> other = new LinkedHashMap<>(confirm);
        other.put("frequency", "daily");
        world.gazette.sendJobs().close(); // as after a shutdown began: the send is recorded, not run

        String path = admin.post("/admin/sends", confirm).location().replaceAll("\\?.*", "");
        Document waiting = admin.get(path).doc();

        assertThat(waiting.select("#send-progress").attr("data-status")).isEqualTo("PLANNED");
        assertThat(waiting.select("meta[http-equiv=refresh]").attr("content")).isEqualTo("2");
        assertThat(waiting.select("#remaining-count").text()).isEqualTo("0");
        Browser.Page reused = admin.post("/admin/sends", other);
        assertThat(reused.status()).as("the key of another send").isEqualTo(409);
        assertThat(reused.doc().select("[role=alert]").text()).contains("was used for send");
        assertThat(admin.get("/admin/sends/999").status()).isEqualTo(404);
        assertThat(admin.get("/admin/sends/dry-run").location()).isEqualTo("/admin/sends");
        assertThat(recipients()).isEmpty();
    }

    @Test
    void theSendPagesAreInKorean() throws Exception {
        open(DatabaseKind.H2);
        Document form = admin.get("/admin/sends?lang=ko").doc();
        assertThat(form.select("h1").text()).isEqualTo("수동 발송");
        assertThat(form.select("nav.admin-nav a").eachText()).contains("소스", "수동 발송", "편집자 노트", "항목");
        assertThat(form.select("#dry-run-button").text()).isEqualTo("먼저 세어 보기 (시험 실행)");
        Document dryRun = admin.post("/admin/sends/dry-run", audience("active", "", "weekly", "", "")).doc();
        assertThat(dryRun.select("#send-audience").text()).isEqualTo("모든 활성 구독자 (매주)");
        assertThat(dryRun.select("#confirm-send-button").text()).isEqualTo("지금 보내기");
        Document done = watch(admin.post("/admin/sends", confirmForm(dryRun)).location());
        assertThat(done.select("#send-status").text()).isEqualTo("완료");
        assertThat(done.body().text()).doesNotContain("??");
        SendJob job = world.gazette.sendJobs().list(1).get(0);
        assertThat(done.select("h1").text()).isEqualTo("발송 " + job.id());
    }
}
