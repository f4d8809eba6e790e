package dev.gazette.digest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.item.Item;
import dev.gazette.subscriber.Subscriber;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alert emails as their readers see them: the query of each alert, the matched words in {@code <mark>} (and between
 * asterisks in the text part), escaped like everything else, summaries cut to a snippet around the first match,
 * an event's time in the reader's zone with its calendar link, and the alert links. {@link #main} writes a sample
 * to {@code docs/sample-alert.html}.
 */
class AlertRendererTest {
    @TempDir
    Path templates;

    static final AlertEmail.Links LINKS = new AlertEmail.Links("https://news.example.org/preferences/p",
            "https://news.example.org/preferences/p/alerts", "https://news.example.org/alerts/stop-all/s",
            "https://news.example.org/unsubscribe/u");

    static AlertEmail sample(Locale locale, String zone) {
        Subscriber reader = DigestSamples.subscriber("Jane Park", List.of("oncology"), zone, locale);
        Item gene = DigestSamples.article(31, "Gene editing with CRISPR repairs sickle cell genes in a small trial",
                "https://wire.example.org/news/2026/11/crispr-sickle-cell",
                "Doctors report that a one-time treatment using CRISPR gene editing let 9 of 10 patients stop "
                        + "transfusions for a year, in a fictional study.", Instant.parse("2026-11-27T09:00:00Z"),
                List.of("oncology"));
        Item summit = DigestSamples.event(32, "Genome editing summit 2027", "https://events.example.org/genome-2027",
                Instant.parse("2027-03-02T14:00:00Z"), Instant.parse("2027-03-02T22:00:00Z"), false,
                "Boston Convention Center", Instant.parse("2026-11-27T10:00:00Z"), List.of("oncology"));
        AlertEmail.Hit geneHit = new AlertEmail.Hit(gene, List.of(mark("Gene editing", true),
                mark(" with ", false), mark("CRISPR", true), mark(" repairs sickle cell genes in a small trial", false)),
                List.of(mark("Doctors report that a one-time treatment using ", false), mark("CRISPR", true),
                        mark(" ", false), mark("gene editing", true),
                        mark(" let 9 of 10 patients stop transfusions for a year, in a fictional study.", false)),
                null);
        AlertEmail.Hit summitHit = new AlertEmail.Hit(summit, List.of(mark("Genome ", false), mark("editing", true),
                mark(" summit 2027", false)), List.of(), "https://news.example.org/events/32-abc/event.ics");
        return new AlertEmail(reader, List.of(
                new AlertEmail.Section("\"gene editing\" OR crispr -mouse", "instant",
                        "https://news.example.org/alerts/stop/a1", List.of(geneHit), 2),
                new AlertEmail.Section("editing kind:event", "instant", "https://news.example.org/alerts/stop/a2",
                        List.of(summitHit), 0)), LINKS);
    }

    private static AlertEmail.Mark mark(String text, boolean matched) {
        return new AlertEmail.Mark(text, matched);
    }

    @Test
    void eachAlertShowsItsQueryAndItsItemsWithTheMatchedWordsMarked() {
        RenderedAlert email = new AlertRenderer(DigestSamples.config(templates)).render(sample(Locale.ENGLISH,
                "America/New_York"));

        assertThat(email.subject()).isEqualTo(
                "Gazette alert \u201c\"gene editing\" OR crispr -mouse\u201d, \u201cediting kind:event\u201d: 4 new matches");
        assertThat(email.itemCount()).isEqualTo(4);
        Document html = Jsoup.parse(email.html());
        assertThat(html.select("mark").eachText()).containsExactly("Gene editing", "CRISPR", "CRISPR", "gene editing",
                "editing");
        assertThat(html.text()).contains("Alert: \"gene editing\" OR crispr -mouse (as it happens)",
                "and 2 more matches", "Tuesday, March 2, 2027, 9:00 AM – 5:00 PM EST", "Boston Convention Center");
        assertThat(html.select("a[href=https://news.example.org/alerts/stop/a1]").text()).isEqualTo("Stop this alert");
        assertThat(html.select("a[href=https://news.example.org/events/32-abc/event.ics]").text())
                .isEqualTo("Add to calendar");
        assertThat(html.select("a[href=https://news.example.org/alerts/stop-all/s]").text()).isEqualTo("Stop all alerts");
        assertThat(html.select("a[href=https://news.example.org/unsubscribe/u]").text()).isEqualTo("Unsubscribe");
        assertThat(email.text()).contains("* *Gene editing* with *CRISPR* repairs sickle cell genes in a small\n  trial",
                "Stop this alert: https://news.example.org/alerts/stop/a1",
                "Add to calendar: https://news.example.org/events/32-abc/event.ics");
    }

    @Test
    void markupInAnItemIsTextInsideAndOutsideTheMarks() {
        Subscriber reader = DigestSamples.subscriber("<b>Jane</b>", List.of("oncology"), "UTC", Locale.ENGLISH);
        Item item = DigestSamples.article(40, "<img src=x onerror=alert(1)> crispr", "javascript:alert(2)", "",
                Instant.parse("2026-11-27T09:00:00Z"), List.of());
        AlertEmail email = new AlertEmail(reader, List.of(new AlertEmail.Section("crispr", "daily",
                "https://news.example.org/alerts/stop/a", List.of(new AlertEmail.Hit(item,
                        List.of(mark("<img src=x onerror=alert(1)> ", false), mark("<script>crispr</script>", true)),
                        List.of(), null)), 0)), LINKS);

        Document html = Jsoup.parse(new AlertRenderer(DigestSamples.config(templates)).render(email).html());

        assertThat(html.select("img, script, b")).isEmpty();
        assertThat(html.select("mark").text()).isEqualTo("<script>crispr</script>");
        assertThat(html.text()).contains("<img src=x onerror=alert(1)>", "Hello <b>Jane</b>,");
        assertThat(html.select("a[href^=javascript]")).isEmpty();
    }

    @Test
    void koreanReadersGetKoreanTexts() {
        RenderedAlert email = new AlertRenderer(DigestSamples.config(templates)).render(sample(Locale.KOREAN,
                "Asia/Seoul"));

        assertThat(email.subject()).startsWith("[Gazette 알림]").endsWith("새 결과 4건");
        assertThat(Jsoup.parse(email.html()).text()).contains("Jane Park님, 안녕하세요.", "이 알림 끄기", "캘린더에 추가",
                "2027년 3월 3일 수요일");
    }

    @Test
    void aLongSummaryIsCutToASnippetAroundItsFirstMatchOnSpaces() {
        String before = "word ".repeat(100);
        List<AlertEmail.Mark> marks = List.of(mark(before, false), mark("crispr", true), mark(" tail".repeat(100), false));

        List<AlertEmail.Mark> snippet = AlertRenderer.snippet(marks, 100);
        String text = AlertRenderer.text(snippet, true);

        assertThat(text).startsWith("… word").contains("*crispr*").endsWith(" …");
        assertThat(text.length()).isLessThanOrEqualTo(100 + 6);
        assertThat(snippet).filteredOn(AlertEmail.Mark::matched).extracting(AlertEmail.Mark::text)
                .containsExactly("crispr");
        assertThat(AlertRenderer.snippet(List.of(mark("short", false)), 100)).containsExactly(mark("short", false));
    }

    /** Writes the English sample to {@code docs/sample-alert.html}; run from the project root. */
    public static void main(String[] args) throws IOException {
        Path empty = Files.createTempDirectory("gazette-bundled-templates");
        RenderedAlert email = new AlertRenderer(DigestSamples.config(empty)).render(sample(Locale.ENGLISH,
                "America/New_York"));
        Files.writeString(Path.of("docs/sample-alert.html"), email.html(), StandardCharsets.UTF_8);
        System.out.println("Subject: " + email.subject());
        System.out.println();
        System.out.println(email.text());
        Files.delete(empty);
    }
}
