package dev.gazette.delivery;

import static dev.gazette.delivery.DigestEndToEndTest.part;
import static dev.gazette.delivery.DigestEndToEndTest.recipient;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.gazette.alert.Alert;
import dev.gazette.alert.AlertFrequency;
import dev.gazette.db.DatabaseKind;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.testing.FixtureServer;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Keyword alerts from the feed served over HTTP to the mail that arrives at a real SMTP server (GreenMail): sent after
 * the collection that found them, at most one "as it happens" email per interval with what arrived meanwhile
 * coalesced into the next, never twice for the same item (re-collection, restart), daily and weekly alerts at the
 * reader's local send time, and each email read as its reader sees it.
 */
class AlertDeliveryTest {
    @TempDir
    Path dir;

    private GreenMail smtp;

    @BeforeEach
    void startSmtp() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    private DigestWorld world(DatabaseKind kind) {
        DigestWorld world = new DigestWorld(dir, kind, "127.0.0.1", smtp.getSmtp().getPort(), "");
        world.importSubscribers(DigestWorld.SUBSCRIBERS);
        world.clock.advance(Duration.ofMinutes(1));
        return world;
    }

    private static Subscriber subscriber(DigestWorld world, String email) {
        return world.gazette.subscribers().findByEmail(email).orElseThrow();
    }

    private List<MimeMessage> mailTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipient(m).equals(address)).toList();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void anAsItHappensAlertArrivesAfterTheCollectionWithTheMatchedWordsMarkedAndNeverTwice(DatabaseKind kind)
            throws Exception {
        try (DigestWorld world = world(kind)) {
            Subscriber ana = subscriber(world, "ana@example.org");
            world.gazette.alerts().create(ana, "\"pancreatic cancer\" OR lymphoma -mouse", AlertFrequency.INSTANT);
            world.clock.advance(Duration.ofMinutes(1));

            world.gazette.collectOnSchedule("wire");

            List<MimeMessage> mail = mailTo("ana@example.org");
            assertThat(mail).hasSize(1);
            MimeMessage alert = mail.get(0);
            assertThat(alert.getSubject()).isEqualTo(
                    "Gazette alert \u201c\"pancreatic cancer\" OR lymphoma -mouse\u201d: 2 new matches");
            assertThat(alert.getHeader("List-Unsubscribe")[0]).startsWith("<https://news.example.org/alerts/stop-all/");
            assertThat(alert.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
            assertThat(alert.getHeader("List-Id")[0]).isEqualTo("Gazette alerts <alerts.example.org>");

            Document html = Jsoup.parse(part(alert, "text/html"));
            assertThat(html.select("mark").eachText()).contains("Lymphoma")
                    .anySatisfy(m -> assertThat(m).containsIgnoringCase("pancreatic"))
                    .anySatisfy(m -> assertThat(m).containsIgnoringCase("cancer"));
            assertThat(html.text()).contains("Tumour vaccine trial shrinks pancreatic cancer",
                    "Lymphoma \">", "Stop this alert", "Manage your alerts", "Stop all alerts")
                    .doesNotContain("Heart failure");
            assertThat(html.select("script, img")).as("markup from a feed title stays text").isEmpty();
            assertThat(html.select("a[href^=javascript]")).isEmpty();
            Element stop = html.selectFirst("a:containsOwn(Stop this alert)");
            assertThat(stop.attr("href")).startsWith("https://news.example.org/alerts/stop/");
            String text = part(alert, "text/plain");
            assertThat(text).contains("*Lymphoma*", "https://wire.example.org/tumour", "Stop this alert: https://");

            Delivery delivery = world.gazette.digests().deliveries(ana.id(), 10).get(0);
            assertThat(delivery.kind()).isEqualTo(DeliveryKind.ALERT);
            assertThat(delivery.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(delivery.itemCount()).isEqualTo(2);

            // the same feed again, once unchanged and once with an item edited: nothing is alerted twice
            world.clock.advance(Duration.ofHours(1));
            world.gazette.collectOnSchedule("wire");
            world.sources.route("/feed.xml", FixtureServer.Route.ok(DigestWorld.FEED.replace(
                    "A Phase 2 study of a personalised vaccine.", "Updated: a Phase 2 study."), "application/rss+xml"));
            world.clock.advance(Duration.ofHours(1));
            world.gazette.collectOnSchedule("wire");
            world.gazette.digests().sendDue();
            assertThat(mailTo("ana@example.org")).hasSize(1);
        }
    }

    @Test
    void anItemChangedToMatchIsAlertedOnceAndAChangeToAnItemAlertedBeforeIsNot() throws Exception {
        try (DigestWorld world = world(DatabaseKind.H2)) {
            Subscriber ana = subscriber(world, "ana@example.org");
            world.gazette.alerts().create(ana, "rehospitalisation OR tumour", AlertFrequency.INSTANT);
            world.clock.advance(Duration.ofMinutes(1));
            world.gazette.collectOnSchedule("wire");
            assertThat(mailTo("ana@example.org")).singleElement()
                    .satisfies(m -> assertThat(part(m, "text/html")).contains("Tumour vaccine trial")
                            .doesNotContain("Heart failure"));

            // the heart failure story is corrected and now mentions rehospitalisation; the tumour story is edited too
            world.sources.route("/feed.xml", FixtureServer.Route.ok(DigestWorld.FEED
                    .replace("Fewer readmissions in a cardiology trial.", "Less rehospitalisation in a cardiology trial.")
                    .replace("A Phase 2 study of a personalised vaccine.", "Updated: a Phase 2 study."),
                    "application/rss+xml"));
            world.clock.advance(Duration.ofMinutes(20));
            world.gazette.collectOnSchedule("wire");

            List<MimeMessage> mail = mailTo("ana@example.org");
            assertThat(mail).hasSize(2);
            assertThat(Jsoup.parse(part(mail.get(1), "text/html")).text()).contains("Heart failure drug cuts hospital stays")
                    .doesNotContain("Tumour vaccine");
        }
    }

    @Test
    void matchesWithinTheIntervalAreCoalescedIntoOneLaterEmail() throws Exception {
        try (DigestWorld world = world(DatabaseKind.H2)) {
            Subscriber ana = subscriber(world, "ana@example.org");
            world.gazette.alerts().create(ana, "vaccine", AlertFrequency.INSTANT);
            world.clock.advance(Duration.ofMinutes(1));
            world.gazette.collectOnSchedule("wire");
            assertThat(mailTo("ana@example.org")).as("the tumour vaccine item").hasSize(1);

            world.clock.advance(Duration.ofMinutes(5));
            feed(world, item("measles", "Measles vaccine drive reaches rural clinics"));
            world.gazette.collectOnSchedule("wire");
            world.clock.advance(Duration.ofMinutes(4));
            feed(world, item("measles", "Measles vaccine drive reaches rural clinics"),
                    item("malaria", "Malaria vaccine approved for infants"));
            world.gazette.collectOnSchedule("wire");
            world.gazette.digests().sendDue();
            assertThat(mailTo("ana@example.org")).as("within 15 minutes of the first: they wait").hasSize(1);

            world.clock.advance(Duration.ofMinutes(7)); // 16 minutes after the first email
            world.gazette.digests().sendDue();

            List<MimeMessage> mail = mailTo("ana@example.org");
            assertThat(mail).hasSize(2);
            assertThat(mail.get(1).getSubject()).endsWith(": 2 new matches");
            assertThat(Jsoup.parse(part(mail.get(1), "text/html")).text())
                    .contains("Measles vaccine drive reaches rural clinics", "Malaria vaccine approved for infants")
                    .doesNotContain("Tumour vaccine");
            world.clock.advance(Duration.ofHours(1));
            world.gazette.digests().sendDue();
            assertThat(mailTo("ana@example.org")).hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void aRestartLosesNoPendingAlertAndSendsItOnce(DatabaseKind kind) throws Exception {
        try (DigestWorld world = world(kind)) {
            Subscriber ana = subscriber(world, "ana@example.org");
            world.gazette.alerts().create(ana, "tumour", AlertFrequency.INSTANT);
            world.clock.advance(Duration.ofMinutes(1));
            world.gazette.collectNow(); // matched, not sent: the process then stops
            world.gazette.close();

            world.gazette = world.open(world.clock);
            world.gazette.digests().sendDue();
            world.gazette.digests().sendDue();
            world.gazette.collectNow();
            world.clock.advance(Duration.ofHours(1));
            world.gazette.digests().sendDue();

            assertThat(mailTo("ana@example.org")).singleElement()
                    .satisfies(m -> assertThat(m.getSubject()).contains("tumour", "1 new match"));
        }
    }

    @Test
    void dailyAndWeeklyAlertsGoOutAtTheReadersLocalSendTime() throws Exception {
        try (DigestWorld world = world(DatabaseKind.H2)) {
            // jisoo: Seoul, send hour 08:00 (the default); ana: Los Angeles, weekly on Monday 08:00
            Subscriber jisoo = subscriber(world, "jisoo@example.org");
            Subscriber ana = subscriber(world, "ana@example.org");
            world.gazette.alerts().create(jisoo, "바이오", AlertFrequency.DAILY);
            world.gazette.alerts().create(ana, "vaccine", AlertFrequency.WEEKLY);
            world.clock.advance(Duration.ofMinutes(1));
            world.gazette.collectOnSchedule("wire"); // Saturday 28 Nov, 19:02 in Seoul, 02:02 in Los Angeles
            world.gazette.digests().sendDue();
            assertThat(mailTo("jisoo@example.org")).isEmpty();

            world.clock.set("2026-11-28T22:59:00Z"); // 07:59 on Sunday in Seoul
            world.gazette.digests().sendDue();
            assertThat(mailTo("jisoo@example.org")).isEmpty();
            world.clock.set("2026-11-28T23:00:30Z"); // 08:00 in Seoul
            world.gazette.digests().sendDue();
            List<MimeMessage> korean = mailTo("jisoo@example.org");
            assertThat(korean).extracting(AlertDeliveryTest::subject).hasSize(1);
            assertThat(korean.get(0).getSubject()).isEqualTo("[Gazette 알림] \u201c바이오\u201d: 새 결과 1건");
            Document html = Jsoup.parse(part(korean.get(0), "text/html"));
            assertThat(html.select("mark").eachText()).contains("바이오");
            assertThat(html.text()).contains("한국 바이오 기업, 신약 임상 3상 돌입", "이 알림 끄기");

            world.clock.set("2026-11-30T15:59:00Z"); // 07:59 on Monday in Los Angeles
            world.gazette.digests().sendDue();
            assertThat(mailTo("ana@example.org")).isEmpty();
            world.clock.set("2026-11-30T16:00:30Z");
            world.gazette.digests().sendDue();
            assertThat(mailTo("ana@example.org")).filteredOn(m -> subject(m).startsWith("Gazette alert"))
                    .singleElement().satisfies(m -> assertThat(subject(m)).contains("vaccine"));
            world.clock.set("2026-11-30T18:00:00Z"); // later on: her weekly digest came, no second alert
            world.gazette.digests().sendDue();
            assertThat(mailTo("jisoo@example.org")).extracting(AlertDeliveryTest::subject)
                    .filteredOn(s -> s.startsWith("[Gazette 알림]")).hasSize(1);
        }
    }

    @Test
    void aPausedAlertOrAnUnsubscribedReaderGetsNothing() throws Exception {
        try (DigestWorld world = world(DatabaseKind.H2)) {
            Subscriber ana = subscriber(world, "ana@example.org");
            Subscriber bo = subscriber(world, "bo@example.org");
            Alert paused = world.gazette.alerts().create(ana, "tumour", AlertFrequency.INSTANT);
            world.gazette.alerts().pause(paused.id());
            world.gazette.alerts().create(bo, "tumour", AlertFrequency.INSTANT);
            world.gazette.subscribers().unsubscribe(bo.id());
            world.clock.advance(Duration.ofMinutes(1));

            world.gazette.collectOnSchedule("wire");
            world.gazette.digests().sendDue();

            assertThat(mailTo("ana@example.org")).isEmpty();
            assertThat(mailTo("bo@example.org")).isEmpty();
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String item(String guid, String title) {
        return "<item><title>" + title + "</title><link>https://wire.example.org/" + guid + "</link><guid>" + guid
                + "</guid><description>" + title + ".</description></item>";
    }

    /** The sample feed with these items added at its top. */
    private static void feed(DigestWorld world, String... items) {
        world.sources.route("/feed.xml", FixtureServer.Route.ok(DigestWorld.FEED.replace("<description>d</description>",
                "<description>d</description>" + String.join("", items)), "application/rss+xml"));
    }

}
