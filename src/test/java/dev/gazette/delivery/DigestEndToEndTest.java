package dev.gazette.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.gazette.db.DatabaseKind;
import dev.gazette.subscriber.Frequency;
import dev.gazette.subscriber.SubscriberStatus;
import dev.gazette.subscriber.TokenClaim;
import dev.gazette.subscriber.TokenPurpose;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * From sources served over HTTP to the mail that arrives at a real SMTP server (GreenMail): collected, subscribers
 * imported, a weekly send run, and each message read as its recipient would read it.
 */
class DigestEndToEndTest {
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

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void eachSubscriberGetsTheirTopicsInTheirZoneAndLanguageOnce(DatabaseKind kind) throws Exception {
        try (DigestWorld world = new DigestWorld(dir, kind, "127.0.0.1", smtp.getSmtp().getPort(), "")) {
            assertThat(world.gazette.collectNow().hasFailures()).isFalse();
            world.clock.advance(java.time.Duration.ofMinutes(1));
            assertThat(world.importSubscribers(DigestWorld.SUBSCRIBERS).rejected()).isZero();
            world.gazette.subscribers().unsubscribe(world.subscriberId("cy@example.org"));

            SendReport report = world.gazette.digests().sendNow(Frequency.WEEKLY, Integer.MAX_VALUE, SendProgress.NONE);

            // ana and jisoo have news; bo's topic has none (skipped); cy left; dee is daily
            assertThat(report).isEqualTo(new SendReport(3, 2, 1, 0, 0));
            Map<String, MimeMessage> byRecipient = Arrays.stream(smtp.getReceivedMessages())
                    .collect(Collectors.toMap(DigestEndToEndTest::recipient, m -> m));
            assertThat(byRecipient).containsOnlyKeys("ana@example.org", "jisoo@example.org");

            MimeMessage ana = byRecipient.get("ana@example.org");
            Document anaHtml = Jsoup.parse(part(ana, "text/html"));
            String anaText = part(ana, "text/plain");
            assertThat(anaHtml.text()).contains("Tumour vaccine trial shrinks pancreatic cancer",
                    "Cardiology and oncology summit", "COEX, Seoul", "PST");
            // 09:00 in Seoul on 10 December is 16:00 on 9 December in Los Angeles
            assertThat(anaHtml.text()).contains("December 9, 2026").containsPattern("4:00\\s?PM");
            assertThat(anaHtml.text()).doesNotContain("Heart failure drug", "Hospital IT", "한국 바이오");
            assertThat(anaHtml.select("a[href=https://wire.example.org/tumour]"))
                    .as("tagged oncology and infectious disease, listed once").hasSize(1);
            assertThat(anaText).contains("Tumour vaccine trial shrinks pancreatic cancer", "https://wire.example.org/tumour",
                    "Cardiology and oncology summit");
            assertThat(ana.getSubject()).contains("Gazette");
            assertThat(((InternetAddress) ana.getFrom()[0]).getPersonal()).isEqualTo("Gazette News");

            MimeMessage jisoo = byRecipient.get("jisoo@example.org");
            Document jisooHtml = Jsoup.parse(part(jisoo, "text/html"));
            assertThat(jisoo.getSubject()).contains("주간");
            assertThat(((InternetAddress) jisoo.getRecipients(Message.RecipientType.TO)[0]).getPersonal()).isEqualTo("김지수");
            assertThat(jisooHtml.text()).contains("Heart failure drug cuts hospital stays", "한국 바이오 기업, 신약 임상 3상 돌입",
                    "다가오는 행사", "Cardiology and oncology summit", "12월 10일", "오전 9:00", "KST", "구독 취소");
            assertThat(jisooHtml.text()).doesNotContain("Tumour vaccine", "Hospital IT");
            assertThat(part(jisoo, "text/plain")).contains("다가오는 행사", "KST");

            // feed HTML arrives escaped, and a javascript: link is not a link
            assertThat(anaHtml.select("script")).isEmpty();
            assertThat(anaHtml.select("img")).isEmpty();
            assertThat(anaHtml.select("a[href^=javascript]")).isEmpty();
            assertThat(anaHtml.text()).contains("Lymphoma").doesNotContain("alert(");
            assertThat(anaHtml.select("a:contains(Lymphoma)")).as("its javascript: link is no link").isEmpty();

            for (MimeMessage message : byRecipient.values()) {
                String email = recipient(message);
                long id = world.subscriberId(email);
                String listUnsubscribe = message.getHeader("List-Unsubscribe")[0];
                assertThat(listUnsubscribe).matches("<https://news\\.example\\.org/unsubscribe/[A-Za-z0-9_-]+>, "
                        + "<mailto:news@example\\.org\\?subject=unsubscribe%20[A-Za-z0-9_-]+>");
                assertThat(message.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
                assertThat(message.getHeader("Message-ID")[0]).isEqualTo("<gazette." + id + ".weekly-2026-11-23@example.org>");
                Matcher token = Pattern.compile("/unsubscribe/([A-Za-z0-9_-]+)>").matcher(listUnsubscribe);
                assertThat(token.find()).isTrue();
                TokenClaim claim = world.gazette.tokens().verify(TokenPurpose.UNSUBSCRIBE, token.group(1)).orElseThrow();
                assertThat(claim.isCurrentFor(world.gazette.subscribers().find(id).orElseThrow())).isTrue();
                // the footer links to the preference centre and to unsubscribing
                Document html = Jsoup.parse(part(message, "text/html"));
                assertThat(html.select("a[href^=https://news.example.org/preferences/]")).isNotEmpty();
                assertThat(html.select("a[href^=https://news.example.org/unsubscribe/]")).isNotEmpty();
                assertThat(part(message, "text/plain")).contains("https://news.example.org/unsubscribe/");
            }

            DeliveryLedger ledger = world.gazette.digests().ledger();
            Delivery skipped = ledger.find(world.subscriberId("bo@example.org"), "weekly:2026-11-23").orElseThrow();
            assertThat(skipped.status()).isEqualTo(DeliveryStatus.SKIPPED);
            assertThat(skipped.lastError()).isEqualTo("nothing new");
            assertThat(ledger.find(world.subscriberId("cy@example.org"), "weekly:2026-11-23")).isEmpty();
            assertThat(world.gazette.subscribers().findByEmail("cy@example.org").orElseThrow().status())
                    .isEqualTo(SubscriberStatus.UNSUBSCRIBED);

            // a second run for the same period sends nothing
            SendReport again = world.gazette.digests().sendNow(Frequency.WEEKLY, Integer.MAX_VALUE, SendProgress.NONE);
            assertThat(again).isEqualTo(SendReport.NOTHING);
            assertThat(smtp.getReceivedMessages()).hasSize(2);
        }
    }

    @ParameterizedTest
    @EnumSource(value = DatabaseKind.class, names = "H2")
    void aTestSendGoesToTheTestAddressAndDoesNotCountAsTheirs(DatabaseKind kind) throws Exception {
        try (DigestWorld world = new DigestWorld(dir, kind, "127.0.0.1", smtp.getSmtp().getPort(), "")) {
            world.gazette.collectNow();
            world.clock.advance(java.time.Duration.ofMinutes(1));
            world.importSubscribers(DigestWorld.SUBSCRIBERS);
            var jisoo = world.gazette.subscribers().findByEmail("jisoo@example.org").orElseThrow();

            Delivery test = world.gazette.digests().sendTest(jisoo, "editor@example.org");

            assertThat(test.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(test.kind()).isEqualTo(DeliveryKind.TEST);
            MimeMessage received = smtp.getReceivedMessages()[0];
            assertThat(recipient(received)).isEqualTo("editor@example.org");
            assertThat(received.getSubject()).startsWith("[Test] ").contains("주간");
            assertThat(Jsoup.parse(part(received, "text/html")).text()).contains("Heart failure drug cuts hospital stays");

            // jisoo's own digest still goes out, with the same articles
            world.gazette.digests().sendNow(Frequency.WEEKLY, Integer.MAX_VALUE, SendProgress.NONE);
            assertThat(Arrays.stream(smtp.getReceivedMessages()).map(DigestEndToEndTest::recipient))
                    .contains("jisoo@example.org");
        }
    }

    static String recipient(MimeMessage message) {
        try {
            return ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0]).getAddress();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decoded body of the message's part of that type. */
    static String part(MimeMessage message, String type) throws Exception {
        MimeMultipart parts = (MimeMultipart) message.getContent();
        assertThat(message.getContentType()).startsWith("multipart/alternative");
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            if (part.isMimeType(type)) {
                assertThat(part.getContentType()).containsIgnoringCase("charset=UTF-8");
                return (String) part.getContent();
            }
        }
        throw new AssertionError("no " + type + " part in " + List.of(message.getSubject()));
    }
}
