package dev.gazette.source.feed;

import static dev.gazette.source.feed.Feeds.byTitle;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gazette.item.ItemKind;
import dev.gazette.source.FetchedDocument;
import dev.gazette.source.ParsedItem;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's sample feed, samples/biotech-feed.xml, read as the demo reads it (a file: source). */
class SampleFeedTest {

    private static List<ParsedItem> sample() {
        byte[] body = Feeds.bytes("/samples/biotech-feed.xml");
        return new FeedParser().parse(new FetchedDocument(URI.create("file:///opt/gazette/samples/biotech-feed.xml"), body, null));
    }

    @Test
    void sampleFeedParsesIntoItsEightStories() {
        List<ParsedItem> items = sample();

        assertThat(items).hasSize(8);
        assertThat(items).extracting(ParsedItem::kind).containsOnly(ItemKind.ARTICLE);
        assertThat(items).extracting(ParsedItem::title).contains(
                "Halvorsen Therapeutics reports tumour shrinkage in Phase 2 pancreatic cancer trial",
                "Measles cases climb in three regions as childhood vaccination rates slip",
                "Twice-yearly HIV prevention injection enters late-stage trial",
                "Rapid tuberculosis test gives results in under an hour in field study",
                "한국 바이오 산업, 임상시험 승인 건수 사상 최대");
        // relative links resolve against the channel link, not the file: address
        assertThat(items).extracting(ParsedItem::link).containsExactly(
                "https://wire.example.org/news/2026/11/halvorsen-phase-2-pancreatic",
                "https://wire.example.org/news/2026/11/corvina-ldl-gene-editing",
                "https://wire.example.org/news/2026/11/measles-cases-climb",
                "https://wire.example.org/news/2026/11/hiv-prevention-injection",
                "https://wire.example.org/news/2026/11/rapid-tb-test",
                "https://wire.example.org/news/2026/11/rare-disease-review-pathway",
                "https://wire.example.org/ko/news/2026/11/clinical-trial-approvals",
                "https://wire.example.org/news/2026/11/bowel-screening-at-45");
        assertThat(items).allSatisfy(item -> {
            assertThat(item.publishedAt()).isBetween(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"));
            assertThat(item.categories()).isNotEmpty();
            assertThat(item.summaryHtml()).startsWith("<p>").doesNotContain("<script");
        });
        assertThat(items).flatExtracting(ParsedItem::categories).contains(
                "Oncology", "Cardiology", "Infectious disease", "Measles", "HIV", "Tuberculosis", "Health policy", "바이오 산업");
    }

    @Test
    void koreanStoryKeepsItsTextZoneAndCategories() {
        ParsedItem korean = byTitle(sample(), "한국 바이오 산업, 임상시험 승인 건수 사상 최대");

        assertThat(korean.link()).isEqualTo("https://wire.example.org/ko/news/2026/11/clinical-trial-approvals");
        assertThat(korean.publishedAt()).isEqualTo(Instant.parse("2026-11-10T01:00:00Z"));
        assertThat(korean.categories()).containsExactly("바이오 산업", "임상시험", "Health policy");
        assertThat(korean.summaryHtml()).contains("<strong>임상시험</strong>");
    }

    @Test
    void storyWithoutGuidIsIdentifiedByItsLink() {
        ParsedItem tb = byTitle(sample(), "Rapid tuberculosis test gives results in under an hour in field study");
        assertThat(tb.guid()).isEqualTo("https://wire.example.org/news/2026/11/rapid-tb-test");
        assertThat(tb.summaryHtml()).contains("href=\"https://wire.example.org/news/2026/11/rapid-tb-test#methods\"");
    }
}
