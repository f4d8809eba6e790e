package dev.gazette.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.gazette.db.DatabaseKind;
import dev.gazette.digest.EditorNote;
import dev.gazette.item.Item;
import dev.gazette.item.ItemQuery;
import dev.gazette.testing.FixtureServer;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An editor's note and a featured item reach each subscriber once, in their next digest, sanitised, on H2 and
 * PostgreSQL, read from a real SMTP server (GreenMail).
 */
class EditorialDigestTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String NOTE = """
            **Welcome** to the new Gazette! <script>alert(1)</script>
            Read [the guide](https://news.example.org/guide) or [this](javascript:alert(2)).

            <img src="https://example.org/x.png" onerror="alert(3)">
            """;

    @TempDir
    Path dir;

    private GreenMail smtp;
    private DigestWorld world;

    @BeforeEach
    void startSmtp() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterEach
    void stop() {
        if (world != null) {
            world.close();
        }
        smtp.stop();
    }

    private Map<String, MimeMessage> sendEveryone(String key) throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        SendJob job = world.gazette.sendJobs().start(SendRequest.active(null), key, "Ed");
        assertThat(world.gazette.sendJobs().await(job.id(), WAIT).job().status()).isEqualTo(SendJobStatus.DONE);
        return Arrays.stream(smtp.getReceivedMessages())
                .collect(Collectors.toMap(EditorialDigestTest::recipient, m -> m));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aNoteAndAFeaturedItemReachEachSubscriberOnceSanitised(DatabaseKind kind) throws Exception {
        world = new DigestWorld(dir, kind, "127.0.0.1", smtp.getSmtp().getPort(), "");
        world.gazette.collectNow();
        world.clock.advance(Duration.ofMinutes(1));
        world.importSubscribers(DigestWorld.SUBSCRIBERS);
        world.clock.advance(Duration.ofMinutes(1));
        EditorNote note = world.gazette.editorNotes().write(NOTE, "Ed");
        EditorNote withdrawn = world.gazette.editorNotes().write("This note was withdrawn", "Ed");
        world.gazette.editorNotes().withdraw(withdrawn.id(), "Ed");
        Item heart = world.gazette.items().list(ItemQuery.all()).stream()
                .filter(i -> i.title().startsWith("Heart failure drug")).findFirst().orElseThrow();
        world.gazette.pinnedItems().pin(heart.id(), "Ed");
        world.clock.advance(Duration.ofMinutes(1));

        var bo = world.gazette.subscribers().findByEmail("bo@example.org").orElseThrow();
        assertThat(world.gazette.digests().preview(bo).digest().text()).as("the preview shows them too")
                .contains("Welcome", "Heart failure drug");

        Map<String, MimeMessage> first = sendEveryone("first");

        assertThat(first).as("bo has no news on his topic, but the note makes his digest worth sending")
                .containsOnlyKeys("ana@example.org", "jisoo@example.org", "bo@example.org", "cy@example.org",
                        "dee@example.org");
        for (MimeMessage message : first.values()) {
            Document html = Jsoup.parse(part(message, "text/html"));
            String text = part(message, "text/plain");
            assertThat(html.select("strong:contains(Welcome)")).hasSize(1);
            assertThat(html.select("a[href=https://news.example.org/guide]").text()).isEqualTo("the guide");
            assertThat(html.select("script, img, iframe, [onerror], a[href^=javascript]")).isEmpty();
            assertThat(html.outerHtml()).doesNotContain("alert(", "onerror");
            assertThat(html.text()).doesNotContain("This note was withdrawn");
            assertThat(html.select("a[href=https://wire.example.org/heart]")).as("featured, and listed once")
                    .hasSize(1);
            assertThat(text).contains("Welcome to the new Gazette!", "https://news.example.org/guide",
                    "Heart failure drug cuts hospital stays").doesNotContain("This note was withdrawn", "<script>",
                    "javascript:");
            // the note and the featured item come before the first section
            int featured = text.indexOf("Heart failure drug");
            assertThat(text.indexOf("Welcome")).isLessThan(featured);
            assertThat(text.indexOf("\n== ", text.indexOf("Welcome"))).isLessThanOrEqualTo(featured - 1);
        }
        assertThat(first.get("bo@example.org").getSubject()).endsWith(": a note from the editors");
        Document ana = Jsoup.parse(part(first.get("ana@example.org"), "text/html"));
        assertThat(ana.text()).contains("From the editors", "Featured");
        Element heading = ana.select("td:containsOwn(Featured)").first();
        assertThat(heading).isNotNull();
        assertThat(part(first.get("ana@example.org"), "text/plain")).contains("-- From the editors --", "== Featured ==");
        Document jisoo = Jsoup.parse(part(first.get("jisoo@example.org"), "text/html"));
        assertThat(jisoo.text()).contains("편집자의 말", "주요 소식");
        assertThat(world.gazette.digests().ledger().list(DeliveryStatus.SKIPPED, null, 10)).isEmpty();

        // a week on, with news again: nobody sees the note or the featured item a second time
        world.sources.route("/feed.xml", FixtureServer.Route.ok(DigestWorld.FEED.replace("</channel>", """
                <item><title>Lymphoma therapy approved</title><link>https://wire.example.org/lymphoma</link>
                  <guid>lymphoma</guid><description>oncology news</description></item>
                <item><title>Hospital IT rollout finished</title><link>https://wire.example.org/rollout</link>
                  <guid>rollout</guid><description>digital health</description></item>
                </channel>"""), "application/rss+xml"));
        world.clock.advance(Duration.ofDays(7));
        world.gazette.collectNow();
        world.clock.advance(Duration.ofMinutes(1));

        Map<String, MimeMessage> second = sendEveryone("second");

        assertThat(second).containsOnlyKeys("ana@example.org", "cy@example.org", "dee@example.org");
        for (MimeMessage message : second.values()) {
            String text = part(message, "text/plain");
            assertThat(text).doesNotContain("Welcome", "From the editors", "Featured", "Heart failure drug");
        }
        assertThat(part(second.get("ana@example.org"), "text/plain")).contains("Lymphoma therapy approved");
        assertThat(note.rendered().html()).contains("<strong>Welcome</strong>");
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString().replaceAll(".*<(.*)>", "$1");
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(MimeMessage message, String type) throws Exception {
        return DigestEndToEndTest.part(message, type);
    }
}
