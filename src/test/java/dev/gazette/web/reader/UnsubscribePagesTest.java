package dev.gazette.web.reader;

import static dev.gazette.web.reader.ReaderWorld.form;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.db.DatabaseKind;
import dev.gazette.delivery.Delivery;
import dev.gazette.delivery.DeliveryStatus;
import dev.gazette.delivery.PlanMode;
import dev.gazette.delivery.SendProgress;
import dev.gazette.subscriber.Frequency;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.SubscriberStatus;
import dev.gazette.subscriber.TokenPurpose;
import dev.gazette.web.reader.ReaderWorld.Page;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Unsubscribing: the RFC 8058 one-click POST a mailbox provider sends (no cookies, no CSRF field, no redirect), the
 * page the link opens (which changes nothing), its button, and subscribing again from the page that confirms it.
 */
class UnsubscribePagesTest {
    @TempDir
    Path dir;

    private ReaderWorld world;

    @AfterEach
    void close() {
        if (world != null) {
            world.close();
        }
    }

    /** A POST as a mailbox provider's robot sends it: a fresh client without cookies, the RFC 8058 body. */
    private HttpResponse<String> oneClick(String path, String contentType, String body) throws Exception {
        HttpClient robot = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        return robot.send(HttpRequest.newBuilder(URI.create(world.base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void theOneClickPostUnsubscribesAtOnceWithoutCookiesOrRedirectAndTheQueuedDigestIsSkipped(DatabaseKind kind)
            throws Exception {
        world = new ReaderWorld(dir, kind);
        Subscriber reader = world.active("ona@example.org", "Ona", Frequency.WEEKLY, "UTC", "en");
        assertThat(world.gazette.digests().planner().plan(PlanMode.NOW, null, 10, due -> {})).isEqualTo(1);

        HttpResponse<String> answer = oneClick(world.path(TokenPurpose.UNSUBSCRIBE, reader),
                "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Location")).isEmpty();
        assertThat(answer.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(answer.body()).isEqualTo("Unsubscribed.\n");
        Subscriber after = world.subscriber("ona@example.org");
        assertThat(after.status()).isEqualTo(SubscriberStatus.UNSUBSCRIBED);

        world.gazette.digests().sendNow(null, 10, SendProgress.NONE);
        Delivery queued = world.gazette.digests().deliveries(reader.id(), 10).get(0);
        assertThat(queued.status()).isEqualTo(DeliveryStatus.SKIPPED);
        assertThat(queued.lastError()).contains("unsubscribed");
        assertThat(world.smtp.getReceivedMessages()).isEmpty();

        // Sent twice (providers retry): still 200, still unsubscribed.
        assertThat(oneClick(world.path(TokenPurpose.UNSUBSCRIBE, reader), "application/x-www-form-urlencoded",
                "List-Unsubscribe=One-Click").statusCode()).isEqualTo(200);
    }

    @Test
    void theOneClickPostAlsoComesAsMultipartOrWithoutAContentType() throws Exception {
        world = new ReaderWorld(dir, DatabaseKind.H2);
        Subscriber multipart = world.active("multi@example.org", "", Frequency.WEEKLY, "UTC", "en");
        Subscriber bare = world.active("bare@example.org", "", Frequency.WEEKLY, "UTC", "en");

        String body = "--b\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\nOne-Click\r\n--b--\r\n";
        assertThat(oneClick(world.path(TokenPurpose.UNSUBSCRIBE, multipart), "multipart/form-data; boundary=b", body)
                .statusCode()).isEqualTo(200);
        assertThat(oneClick(world.path(TokenPurpose.UNSUBSCRIBE, bare), "text/plain", "List-Unsubscribe=One-Click")
                .statusCode()).isEqualTo(200);

        assertThat(world.subscriber("multi@example.org").status()).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
        assertThat(world.subscriber("bare@example.org").status()).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
    }

    @Test
    void aOneClickPostWithABadTokenChangesNothing() throws Exception {
        world = new ReaderWorld(dir, DatabaseKind.H2);
        Subscriber reader = world.active("ona@example.org", "", Frequency.WEEKLY, "UTC", "en");
        String path = world.path(TokenPurpose.UNSUBSCRIBE, reader);
        String tampered = path.substring(0, path.length() - 2) + (path.endsWith("AA") ? "BA" : "AA");

        HttpResponse<String> answer = oneClick(tampered, "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click");
        HttpResponse<String> preferencesToken = oneClick("/unsubscribe/"
                + world.gazette.tokens().issue(TokenPurpose.PREFERENCES, reader),
                "application/x-www-form-urlencoded", "List-Unsubscribe=One-Click");

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(preferencesToken.statusCode()).as("a token for another page").isEqualTo(404);
        assertThat(world.subscriber("ona@example.org").status()).isEqualTo(SubscriberStatus.ACTIVE);
    }

    @Test
    void followingTheLinkChangesNothingAndTheButtonUnsubscribesThenOffersToSubscribeAgain() {
        world = new ReaderWorld(dir, DatabaseKind.H2);
        Subscriber reader = world.active("ona@example.org", "Ona", Frequency.WEEKLY, "Asia/Seoul", "ko");
        String path = world.path(TokenPurpose.UNSUBSCRIBE, reader);

        Page page = world.get(path);
        world.get(path);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.response().headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.response().headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(page.document().select("#unsubscribe-form button")).hasSize(1);
        assertThat(page.document().selectFirst("html").attr("lang")).as("in the reader's language").isEqualTo("ko");
        assertThat(page.text()).contains("ona@example.org", "다이제스트를 모두 중지할까요?");
        assertThat(world.subscriber("ona@example.org")).as("nothing changed by looking").isEqualTo(reader);

        Page unsubscribed = world.follow(world.submit(page, "#unsubscribe-form", Map.of()));
        assertThat(world.subscriber("ona@example.org").status()).isEqualTo(SubscriberStatus.UNSUBSCRIBED);
        assertThat(unsubscribed.document().select("#unsubscribed")).hasSize(1);
        assertThat(unsubscribed.document().select("#resubscribe-button")).hasSize(1);

        Page back = world.follow(world.submit(unsubscribed, "#resubscribe-form", Map.of()));
        assertThat(world.subscriber("ona@example.org").status()).isEqualTo(SubscriberStatus.ACTIVE);
        assertThat(back.document().select("#welcome-back")).hasSize(1);
        assertThat(back.document().selectFirst("#next-digest").text()).contains("Asia/Seoul");
    }

    @Test
    void theButtonNeedsTheFormsCsrfFieldAndASameSiteRequest() {
        world = new ReaderWorld(dir, DatabaseKind.H2);
        Subscriber reader = world.active("ona@example.org", "", Frequency.WEEKLY, "UTC", "en");
        String path = world.path(TokenPurpose.UNSUBSCRIBE, reader);
        Page page = world.get(path);
        String csrf = page.document().selectFirst("input[name=_csrf]").attr("value");

        assertThat(world.post(path, form("confirm", "1")).status()).as("no field").isEqualTo(403);
        assertThat(world.post(path, form("_csrf", csrf + "x")).status()).as("a wrong field").isEqualTo(403);
        assertThat(world.post(path, form("_csrf", csrf), "Sec-Fetch-Site", "cross-site").status()).as("another site")
                .isEqualTo(403);
        world.browser = ReaderWorld.newBrowser();
        assertThat(world.post(path, form("_csrf", csrf)).status()).as("another browser's field").isEqualTo(403);
        assertThat(world.subscriber("ona@example.org").status()).isEqualTo(SubscriberStatus.ACTIVE);
    }
}
