package dev.gazette.web.reader;

import static dev.gazette.web.reader.ReaderWorld.form;
import static dev.gazette.web.reader.ReaderWorld.part;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.gazette.db.DatabaseKind;
import dev.gazette.delivery.Delivery;
import dev.gazette.delivery.DeliveryKind;
import dev.gazette.delivery.DeliveryStatus;
import dev.gazette.subscriber.Frequency;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.SubscriberStatus;
import dev.gazette.web.reader.ReaderWorld.Page;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Subscribing with double opt-in, over HTTP: the form, its errors, the confirmation email at a real SMTP server, the
 * confirm page and its button; an address that is on the list already; at most one email per address per interval;
 * unconfirmed sign-ups expiring.
 */
class SubscribePagesTest {
    @TempDir
    Path dir;

    private ReaderWorld world;

    @AfterEach
    void close() {
        if (world != null) {
            world.close();
        }
    }

    private Page subscribe(String email, String name, String... more) {
        Page page = world.get("/subscribe");
        Map<String, List<String>> changes = form("email", email, "name", name);
        changes.putAll(form(more));
        return world.submit(page, "#subscribe-form", changes);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aNewAddressIsPendingUntilItsOwnerPressesTheButtonInTheConfirmPage(DatabaseKind kind) throws Exception {
        world = new ReaderWorld(dir, kind);

        Page form = world.get("/");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.document().select("#subscribe-form input[name=topics]")).extracting(e -> e.attr("value"))
                .contains("oncology", "cardiology", "korea-biotech");
        assertThat(form.document().selectFirst("#time-zone option[selected]").attr("value"))
                .as("without JavaScript: the configured zone").isEqualTo("Europe/Berlin");
        assertThat(form.document().selectFirst("#time-zone").attr("data-guess")).isEqualTo("true");

        Page sent = subscribe("New.Reader@Example.org", "Nia Reader", "topics", "oncology", "topics", "cardiology",
                "frequency", "daily", "timeZone", "Asia/Seoul", "language", "ko");
        assertThat(sent.status()).isEqualTo(303);
        assertThat(sent.location()).isEqualTo("/subscribe/sent");
        assertThat(world.follow(sent).document().selectFirst("h1").text()).isEqualTo("Check your inbox");

        Subscriber pending = world.subscriber("new.reader@example.org");
        assertThat(pending.status()).isEqualTo(SubscriberStatus.PENDING);
        assertThat(pending.email()).isEqualTo("New.Reader@Example.org");
        assertThat(pending.name()).isEqualTo("Nia Reader");
        assertThat(pending.topics()).containsExactly("cardiology", "oncology");
        assertThat(pending.frequency()).isEqualTo(Frequency.DAILY);
        assertThat(pending.timeZone().getId()).isEqualTo("Asia/Seoul");
        assertThat(pending.locale().getLanguage()).isEqualTo("ko");
        assertThat(pending.sendDay()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(pending.confirmedAt()).isNull();

        MimeMessage email = world.awaitMessages(1).get(0);
        assertThat(ReaderWorld.recipient(email)).isEqualTo("New.Reader@Example.org");
        assertThat(email.getSubject()).isEqualTo("Gazette 구독을 확인해 주세요");
        assertThat(email.getHeader("List-Unsubscribe")).as("transactional mail").isNull();
        assertThat(email.getHeader("List-Unsubscribe-Post")).isNull();
        assertThat(part(email, "text/html")).contains("Nia Reader", "Oncology", "Cardiology", "KST")
                .doesNotContain("/unsubscribe/", "/preferences/");
        String confirmUrl = world.link(email, "/confirm/");
        assertThat(part(email, "text/plain")).contains(confirmUrl);
        Delivery recorded = awaitAttempt(pending.id()); // the ledger is updated just after the server took it
        assertThat(recorded.kind()).isEqualTo(DeliveryKind.CONFIRM);
        assertThat(recorded.status()).isEqualTo(DeliveryStatus.SENT);

        // A mail scanner following the link changes nothing: the page has a button.
        world.browser = ReaderWorld.newBrowser(); // the owner opens the link in another browser
        Page confirmPage = world.get(world.path(confirmUrl));
        assertThat(confirmPage.status()).isEqualTo(200);
        assertThat(confirmPage.document().selectFirst("html").attr("lang")).as("in their language").isEqualTo("ko");
        assertThat(confirmPage.document().select("#confirm-button")).hasSize(1);
        assertThat(world.subscriber("new.reader@example.org").status()).isEqualTo(SubscriberStatus.PENDING);

        Page confirmed = world.submit(confirmPage, "#confirm-form", Map.of());
        assertThat(confirmed.status()).isEqualTo(303);
        Page done = world.follow(confirmed);
        assertThat(done.document().select("#confirmed")).hasSize(1);
        assertThat(done.text()).contains("구독되었습니다", "Asia/Seoul");
        Subscriber active = world.subscriber("new.reader@example.org");
        assertThat(active.status()).isEqualTo(SubscriberStatus.ACTIVE);
        assertThat(active.confirmedAt()).isNotNull();
        assertThat(world.get(done.document().selectFirst("#preferences-link").attr("href")).status()).isEqualTo(200);

        // Pressing the button again (or reloading) changes nothing and sends nothing.
        assertThat(world.submit(confirmPage, "#confirm-form", Map.of()).status()).isEqualTo(303);
        assertThat(world.smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void anAddressOnTheListAlreadyGetsTheSamePageAndItsOwnerAnEmailWhileNothingChanges() throws Exception {
        world = new ReaderWorld(dir, DatabaseKind.H2);
        Subscriber known = world.active("kim@example.org", "Kim Known", Frequency.WEEKLY, "America/New_York", "en");

        Page forNew = world.follow(subscribe("someone.new@example.org", "", "topics", "oncology"));
        Page forKnown = world.follow(subscribe("KIM@example.org", "Mallory", "topics", "cardiology", "frequency", "daily"));

        assertThat(forKnown.status()).isEqualTo(forNew.status());
        assertThat(forKnown.document().selectFirst("main").outerHtml())
                .isEqualTo(forNew.document().selectFirst("main").outerHtml());
        List<MimeMessage> mail = world.awaitMessages(2);
        assertThat(world.subscriber("kim@example.org")).as("untouched").isEqualTo(known);

        MimeMessage notice = world.messagesTo("kim@example.org").get(0);
        assertThat(notice.getSubject()).isEqualTo("Your Gazette subscription");
        assertThat(notice.getHeader("List-Unsubscribe")).isNull();
        Document html = org.jsoup.Jsoup.parse(part(notice, "text/html"));
        assertThat(html.text()).contains("You are subscribed already", "Kim Known", "weekly", "Oncology")
                .doesNotContain("Mallory");
        String preferences = world.link(notice, "/preferences/");
        assertThat(world.get(world.path(preferences)).document().select("#preferences-form")).hasSize(1);
        assertThat(mail).hasSize(2);
        assertThat(world.gazette.digests().deliveries(known.id(), 10)).extracting(Delivery::kind)
                .containsExactly(DeliveryKind.NOTICE);
    }

    @Test
    void anAddressThatLeftIsOfferedToSubscribeAgainThroughItsOwnInbox() throws Exception {
        world = new ReaderWorld(dir, DatabaseKind.H2);
        Subscriber left = world.active("lee@example.org", "Lee Left", Frequency.WEEKLY, "UTC", "en");
        world.gazette.subscribers().unsubscribe(left.id());

        world.follow(subscribe("lee@example.org", "", "topics", "oncology"));

        MimeMessage notice = world.awaitMessages(1).get(0);
        assertThat(notice.getSubject()).isEqualTo("Subscribe to Gazette again?");
        assertThat(world.subscriber("lee@example.org").status()).as("not by the form").isEqualTo(SubscriberStatus.UNSUBSCRIBED);
        Page page = world.get(world.path(world.link(notice, "/confirm/")));
        assertThat(page.document().selectFirst("#confirm-button").text()).isEqualTo("Subscribe me again");
        world.follow(world.submit(page, "#confirm-form", Map.of()));
        assertThat(world.subscriber("lee@example.org").status()).isEqualTo(SubscriberStatus.ACTIVE);
    }

    @Test
    void oneEmailPerAddressPerIntervalHoweverOftenTheFormIsSent() throws Exception {
        world = new ReaderWorld(dir, DatabaseKind.H2);

        for (int i = 0; i < 5; i++) {
            assertThat(subscribe("flood@example.org", "", "topics", "oncology").status()).isEqualTo(303);
        }
        world.awaitMessages(1);
        Thread.sleep(300);
        assertThat(world.smtp.getReceivedMessages()).hasSize(1);

        world.clock.advance(Duration.ofMinutes(11));
        subscribe("flood@example.org", "", "topics", "oncology");
        List<MimeMessage> mail = world.awaitMessages(2);
        assertThat(mail.get(1).getSubject()).as("a pending address gets its confirm link again")
                .isEqualTo("Confirm your Gazette subscription");
        assertThat(world.subscriber("flood@example.org").status()).isEqualTo(SubscriberStatus.PENDING);
    }

    @Test
    void aConfirmationTheMailServerCouldNotTakeIsRecordedAndSentByTheNextDigestRun() throws Exception {
        world = new ReaderWorld(dir, DatabaseKind.H2);
        int port = world.smtp.getSmtp().getPort();
        world.smtp.stop();

        assertThat(world.follow(subscribe("patient@example.org", "", "topics", "oncology")).status()).isEqualTo(200);
        Subscriber pending = world.subscriber("patient@example.org");
        Delivery waiting = awaitAttempt(pending.id());
        assertThat(waiting.status()).isEqualTo(DeliveryStatus.QUEUED);
        assertThat(waiting.lastError()).isNotEmpty();

        GreenMail again = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        again.start();
        try {
            Thread.sleep(300); // past the retry pause (delivery.retry-base: 50ms)
            world.gazette.digests().sendDue();
            assertThat(again.waitForIncomingEmail(5000, 1)).isTrue();
            assertThat(again.getReceivedMessages()[0].getSubject()).isEqualTo("Confirm your Gazette subscription");
            Delivery sent = world.gazette.digests().deliveries(pending.id(), 10).get(0);
            assertThat(sent.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(sent.attempts()).isEqualTo(2);
        } finally {
            again.stop();
        }
    }

    private Delivery awaitAttempt(long subscriberId) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            List<Delivery> deliveries = world.gazette.digests().deliveries(subscriberId, 10);
            if (!deliveries.isEmpty() && deliveries.get(0).attempts() > 0
                    && deliveries.get(0).status() != DeliveryStatus.SENDING) {
                return deliveries.get(0);
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no attempt was made");
    }

    @Test
    void mistakesAreShownByFieldWithEveryValueKeptAndNothingStored() {
        world = new ReaderWorld(dir, DatabaseKind.H2);

        Page page = subscribe("not an address", "Ann <b>Bold</b>", "frequency", "weekly", "timeZone", "Asia/Tokyo",
                "language", "ko");

        assertThat(page.status()).isEqualTo(400);
        Document doc = page.document();
        assertThat(doc.select("#form-errors")).hasSize(1);
        assertThat(doc.selectFirst("#email-error").text()).isEqualTo("Enter a valid email address, such as name@example.org.");
        assertThat(doc.selectFirst("#topics-error").text()).isEqualTo("Choose at least one topic.");
        assertThat(doc.select("#name-error, #frequency-error, #time-zone-error, #language-error")).isEmpty();
        assertThat(doc.selectFirst("#email").attr("value")).isEqualTo("not an address");
        assertThat(doc.selectFirst("#name").attr("value")).isEqualTo("Ann <b>Bold</b>");
        assertThat(doc.selectFirst("#time-zone option[selected]").attr("value")).isEqualTo("Asia/Tokyo");
        assertThat(doc.selectFirst("#time-zone").attr("data-guess")).as("the reader's choice stays").isEqualTo("false");
        assertThat(doc.selectFirst("#language option[selected]").attr("value")).isEqualTo("ko");
        assertThat(doc.selectFirst("#frequency-weekly").hasAttr("checked")).isTrue();
        assertThat(doc.select("b")).as("the name is text, not markup").isEmpty();

        Page tampered = subscribe("ok@example.org", "Line\r\nBreak", "topics", "no-such-topic", "frequency", "hourly",
                "timeZone", "Mars/Olympus", "language", "xx");
        assertThat(tampered.status()).isEqualTo(400);
        assertThat(tampered.document().select("p.error:not(#form-errors)").eachAttr("id")).containsExactlyInAnyOrder("name-error",
                "topics-error", "frequency-error", "time-zone-error", "language-error");
        assertThat(world.gazette.subscribers().findByEmail("ok@example.org")).isEmpty();
    }

    @Test
    void theFormIsInKoreanWithLangKoAndItsLanguageIsPreselected() {
        world = new ReaderWorld(dir, DatabaseKind.H2);

        Page korean = world.get("/subscribe?lang=ko");

        assertThat(korean.document().selectFirst("h1").text()).isEqualTo("Gazette 구독하기");
        assertThat(korean.document().selectFirst("#subscribe-button").text()).isEqualTo("구독하기");
        assertThat(korean.document().selectFirst("#language option[selected]").attr("value")).isEqualTo("ko");
        assertThat(korean.text()).doesNotContain("??");
        assertThat(world.get("/subscribe").document().selectFirst("h1").text()).as("remembered").isEqualTo("Gazette 구독하기");
        assertThat(world.get("/subscribe?lang=en").document().selectFirst("h1").text()).isEqualTo("Subscribe to Gazette");
        assertThat(world.get("/subscribe/sent?lang=ko").document().selectFirst("h1").text()).isEqualTo("메일함을 확인하세요");
    }

    @Test
    void signUpsNotConfirmedInTimeAreDeletedByTheDigestTickAndTheirLinkSaysSo() throws Exception {
        world = new ReaderWorld(dir, DatabaseKind.H2);
        subscribe("late@example.org", "", "topics", "oncology");
        String link = world.link(world.awaitMessages(1).get(0), "/confirm/");
        world.active("kept@example.org", "", Frequency.WEEKLY, "UTC", "en");

        world.clock.advance(Duration.ofHours(47));
        assertThat(world.gazette.expireSignUps()).isZero();
        world.clock.advance(Duration.ofHours(2));
        assertThat(world.gazette.expireSignUps()).isEqualTo(1);

        assertThat(world.gazette.subscribers().findByEmail("late@example.org")).isEmpty();
        assertThat(world.gazette.subscribers().findByEmail("kept@example.org")).isPresent();
        Page expired = world.get(world.path(link));
        assertThat(expired.status()).isEqualTo(410);
        assertThat(expired.document().selectFirst("#link-problem").attr("data-reason")).isEqualTo("expired");
        assertThat(expired.document().select("#subscribe-link")).hasSize(1);
    }

    @Test
    void theOldUnauthenticatedOverviewIsGoneTheDashboardShowsSourcesAndItems() {
        world = new ReaderWorld(dir, DatabaseKind.H2);
        assertThat(world.get("/overview").status()).isEqualTo(404);
    }
}
