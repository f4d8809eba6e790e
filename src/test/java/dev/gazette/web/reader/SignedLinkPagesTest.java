package dev.gazette.web.reader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.db.DatabaseKind;
import dev.gazette.delivery.Delivery;
import dev.gazette.delivery.DeliveryKind;
import dev.gazette.delivery.SendProgress;
import dev.gazette.subscriber.Frequency;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.SubscriberDraft;
import dev.gazette.subscriber.TokenPurpose;
import dev.gazette.web.reader.ReaderWorld.Page;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Links that cannot be used (forged, tampered, made for another page, expired, revoked, for a subscriber who is gone)
 * get a clear page and change nothing; "view in browser" shows the digest that was sent, escaped.
 */
class SignedLinkPagesTest {
    private static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Wire</title><link>https://wire.example.org/</link><description>d</description>
            <item><title>Tumour vaccine trial shrinks pancreatic cancer</title><link>https://wire.example.org/tumour</link>
              <guid>tumour</guid><pubDate>Fri, 27 Nov 2026 08:00:00 GMT</pubDate>
              <description>A Phase 2 study of a personalised vaccine.</description></item>
            <item><title>&lt;script&gt;alert(1)&lt;/script&gt; Lymphoma &quot;&gt;&lt;img src=x onerror=alert(2)&gt;</title>
              <link>javascript:alert(3)</link><guid>xss</guid><pubDate>Mon, 23 Nov 2026 08:00:00 GMT</pubDate>
              <description>lymphoma</description></item>
            </channel></rss>
            """;

    @TempDir
    Path dir;

    private ReaderWorld world;

    @AfterEach
    void close() {
        if (world != null) {
            world.close();
        }
    }

    private String reason(Page page) {
        return page.document().selectFirst("#link-problem").attr("data-reason");
    }

    @Test
    void forgedTamperedAndMisdirectedLinksAreNotValidAndChangeNothing() {
        world = new ReaderWorld(dir, DatabaseKind.H2);
        Subscriber reader = world.active("tim@example.org", "Tim", Frequency.WEEKLY, "UTC", "en");
        String token = world.gazette.tokens().issue(TokenPurpose.PREFERENCES, reader);
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'Q' : 'A');

        for (String path : List.of("/preferences/forged", "/preferences/" + tampered, "/preferences/" + token + "x",
                "/unsubscribe/" + token, "/confirm/" + token, "/view/" + token, "/preferences/" + "A".repeat(500))) {
            Page page = world.get(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(reason(page)).isEqualTo("invalid");
            assertThat(page.document().selectFirst("h1").text()).isEqualTo("This link is not valid");
        }
        Page korean = world.get("/preferences/forged?lang=ko");
        assertThat(korean.document().selectFirst("h1").text()).isEqualTo("올바르지 않은 링크입니다");

        String csrf = world.get("/preferences/" + token).document().selectFirst("input[name=_csrf]").attr("value");
        assertThat(world.post("/preferences/" + tampered, ReaderWorld.form("_csrf", csrf, "name", "Changed")).status())
                .isEqualTo(404);
        assertThat(world.post("/unsubscribe/" + tampered, ReaderWorld.form("_csrf", csrf)).status()).isEqualTo(404);
        assertThat(world.post("/confirm/" + tampered, ReaderWorld.form("_csrf", csrf)).status()).isEqualTo(404);
        assertThat(world.subscriber("tim@example.org")).isEqualTo(reader);
    }

    @Test
    void anExpiredConfirmLinkARevokedLinkAndADeletedSubscribersLinkAreGone() {
        world = new ReaderWorld(dir, DatabaseKind.H2);
        Subscriber reader = world.active("tim@example.org", "Tim", Frequency.WEEKLY, "UTC", "en");
        String confirm = "/confirm/" + world.gazette.tokens().issue(TokenPurpose.CONFIRM, reader, Duration.ofHours(48));
        String preferences = world.path(TokenPurpose.PREFERENCES, reader);
        Subscriber other = world.active("del@example.org", "", Frequency.WEEKLY, "UTC", "en");
        String deleted = world.path(TokenPurpose.UNSUBSCRIBE, other);

        assertThat(world.get(confirm).status()).isEqualTo(200);
        world.clock.advance(Duration.ofHours(48));
        Page expired = world.get(confirm);
        assertThat(expired.status()).isEqualTo(410);
        assertThat(reason(expired)).isEqualTo("expired");
        assertThat(expired.document().selectFirst("h1").text()).isEqualTo("This link has expired");

        world.gazette.subscribers().revokeTokens(reader.id());
        Page revoked = world.get(preferences);
        assertThat(revoked.status()).isEqualTo(410);
        assertThat(reason(revoked)).isEqualTo("revoked");

        world.gazette.subscribers().delete(other.id());
        Page gone = world.get(deleted);
        assertThat(gone.status()).isEqualTo(410);
        assertThat(reason(gone)).isEqualTo("gone");
        assertThat(gone.document().select("#subscribe-link")).hasSize(1);
    }

    @Test
    void viewInBrowserShowsTheDigestThatWasSentEscapedAndNothingElse() throws Exception {
        Path feed = dir.resolve("feed.xml");
        Files.writeString(feed, FEED);
        world = new ReaderWorld(dir, DatabaseKind.H2, "sources: [{id: wire, type: feed, url: \"" + feed.toUri() + "\"}]");
        assertThat(world.gazette.collectNow().hasFailures()).isFalse();
        world.clock.advance(Duration.ofMinutes(1));
        world.gazette.subscribers().upsert(new SubscriberDraft("vi@example.org", "Vi", List.of("oncology"),
                Frequency.WEEKLY, ZoneId.of("Asia/Seoul"), Locale.KOREAN, null, null));
        Subscriber reader = world.subscriber("vi@example.org");
        world.gazette.digests().sendNow(null, 10, SendProgress.NONE);
        MimeMessage digest = world.awaitMessages(1).get(0);
        String view = world.link(digest, "/view/");

        world.clock.advance(Duration.ofDays(3));
        world.browser = ReaderWorld.newBrowser();
        Page page = world.get(world.path(view));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.response().headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.response().headers().firstValue("Content-Security-Policy")).hasValueSatisfying(p ->
                assertThat(p).contains("default-src 'none'"));
        assertThat(page.response().headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        Document sent = Jsoup.parse(ReaderWorld.part(digest, "text/html"));
        assertThat(page.document().selectFirst("h1").text()).isEqualTo(sent.selectFirst("h1").text());
        assertThat(articleLinks(page.document())).isEqualTo(articleLinks(sent)).contains("https://wire.example.org/tumour");
        assertThat(page.text()).contains("Tumour vaccine trial", "Lymphoma \">");
        assertThat(page.document().select("script, img")).isEmpty();
        assertThat(page.document().select("a[href^=javascript]")).isEmpty();

        // Revoking their links revokes this one too; a notice has no web copy.
        Delivery notice = world.gazette.digests().queueNotice(reader, DeliveryKind.NOTICE).orElseThrow();
        String noticeView = "/view/" + world.gazette.tokens().issue(TokenPurpose.VIEW, notice.id(), reader.tokenVersion(), null);
        assertThat(world.get(noticeView).status()).isEqualTo(404);
        world.gazette.subscribers().revokeTokens(reader.id());
        assertThat(world.get(world.path(view)).status()).isEqualTo(410);
    }

    private static Set<String> articleLinks(Document html) {
        return html.select("a[href^=https://wire.example.org]").stream().map(a -> a.attr("href")).collect(Collectors.toSet());
    }
}
