package dev.gazette.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.subscriber.Frequency;
import dev.gazette.subscriber.Subscriber;
import dev.gazette.subscriber.SubscriberStatus;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The emails about a subscription: confirmation and "subscribed already", in the reader's language and zone. */
class NoticeRendererTest {
    private static final String CONFIRM = "https://gazette.example.org/confirm/abc";
    private static final Instant EXPIRES = Instant.parse("2026-11-30T10:00:00Z");
    private static final String NASTY = "<script>alert(1)</script>\"><img src=x onerror=alert(2)>";

    @TempDir
    Path folder;

    private NoticeRenderer renderer() {
        return new NoticeRenderer(DigestSamples.config(folder), DigestSamples.topics());
    }

    private static Subscriber reader(String name, SubscriberStatus status, Frequency frequency, String zone, Locale locale) {
        return new Subscriber(7, "reader@example.org", name, status, List.of("oncology", "cardiology"), frequency,
                DayOfWeek.MONDAY, 8, ZoneId.of(zone), locale, 1, 1, EXPIRES, null);
    }

    @Test
    void theConfirmationNamesWhatWasAskedForAndTheLinksExpiryInTheReadersZoneWithoutFooterLinks() {
        RenderedNotice email = renderer().confirm(reader("Jane", SubscriberStatus.PENDING, Frequency.WEEKLY,
                "America/Los_Angeles", Locale.ENGLISH), CONFIRM, EXPIRES);

        assertThat(email.subject()).isEqualTo("Confirm your Gazette subscription");
        Document html = Jsoup.parse(email.html());
        assertThat(html.text()).contains("Hello Jane,", "weekly Gazette digests on Oncology, Cardiology",
                "Monday, November 30, 2026", "2:00", "PST", "ignore this email");
        assertThat(html.select("a[href=" + CONFIRM + "]")).hasSize(2);
        assertThat(html.select("a")).as("no preferences or unsubscribe links before confirming").hasSize(2);
        assertThat(email.text()).contains("Hello Jane, someone, probably you, asked for weekly Gazette digests",
                CONFIRM, "PST").doesNotContain("&", "<");
    }

    @Test
    void inKoreanAndWithANameFullOfMarkupEscaped() {
        RenderedNotice email = renderer().confirm(reader(NASTY, SubscriberStatus.PENDING, Frequency.DAILY, "Asia/Seoul",
                Locale.KOREAN), CONFIRM, EXPIRES);

        assertThat(email.subject()).isEqualTo("Gazette 구독을 확인해 주세요");
        Document html = Jsoup.parse(email.html());
        assertThat(html.select("script, img")).isEmpty();
        assertThat(html.text()).contains(NASTY + "님, 안녕하세요.", "일간", "2026년 11월 30일", "KST");
        assertThat(email.text()).contains(NASTY);
    }

    @Test
    void anAddressSubscribedAlreadyGetsItsPreferencesWithTheUsualFooter() {
        DigestLinks links = new DigestLinks("https://g.example.org/preferences/p", "https://g.example.org/unsubscribe/u", null);
        RenderedNotice email = renderer().alreadySubscribed(reader("", SubscriberStatus.ACTIVE, Frequency.WEEKLY, "UTC",
                Locale.ENGLISH), links);

        assertThat(email.subject()).isEqualTo("Your Gazette subscription");
        Document html = Jsoup.parse(email.html());
        assertThat(html.text()).contains("Hello,", "You are subscribed already", "weekly digests on Oncology, Cardiology",
                "nothing has changed").doesNotContain("works until");
        assertThat(html.select("a[href=https://g.example.org/preferences/p]")).hasSize(2);
        assertThat(html.select("a[href=https://g.example.org/unsubscribe/u]")).hasSize(1);
        assertThat(email.text()).contains("Manage your subscription:\nhttps://g.example.org/preferences/p",
                "Unsubscribe: https://g.example.org/unsubscribe/u");
    }

    @Test
    void anAddressThatLeftIsAskedWhetherToSubscribeAgain() {
        RenderedNotice email = renderer().subscribeAgain(reader("Lee", SubscriberStatus.UNSUBSCRIBED, Frequency.WEEKLY,
                "Europe/Berlin", Locale.ENGLISH), CONFIRM, EXPIRES);

        assertThat(email.subject()).isEqualTo("Subscribe to Gazette again?");
        Document html = Jsoup.parse(email.html());
        assertThat(html.text()).contains("Subscribe again?", "gets no Gazette digests", "Yes, subscribe me again",
                "CET");
        assertThat(html.select("a")).extracting(a -> a.attr("href")).containsOnly(CONFIRM);
        assertThat(email.text()).contains("confirm that this is your address:\n" + CONFIRM + "\n",
                "This link works until").doesNotContain("Yes, subscribe me again");
    }
}
