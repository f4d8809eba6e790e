package dev.gazette.source.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.gazette.config.PageSelectors;
import dev.gazette.item.ItemKind;
import dev.gazette.source.EventDetails;
import dev.gazette.source.FetchedDocument;
import dev.gazette.source.ParsedItem;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The demo's sample page, read with the two selector sets the demo configuration uses. */
class SamplePageTest {

    /** The demo's article source: the LATEST list. */
    static final PageSelectors LATEST = new PageSelectors(
            ItemKind.ARTICLE,
            "section.latest li.post-item",
            "h3.post-title",
            "h3.post-title a",
            "time.post-date",
            "p.post-teaser",
            null,
            null,
            null,
            List.of(),
            null,
            "en");

    /** The demo's event source: the EVENT list. */
    static final PageSelectors EVENTS = new PageSelectors(
            ItemKind.EVENT,
            "section.events li.event-item",
            "h3.event-name",
            "h3.event-name a",
            null,
            null,
            "time.event-date",
            null,
            "p.event-venue",
            List.of(),
            null,
            "en");

    private static final String SITE = "https://geneonline.example/";
    private static final Instant JAN_23 = Instant.parse("2026-01-23T00:00:00Z");

    private static FetchedDocument sample(String uri) {
        return new FetchedDocument(URI.create(uri), Pages.bytes("/samples/biotech-news.html"), null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:/opt/gazette/samples/biotech-news.html", "http://localhost:7070/samples/biotech-news.html"})
    void latestListsExactlyTheSevenArticlesWithAbsoluteLinks(String uri) {
        List<ParsedItem> articles = new PageParser(LATEST).parse(sample(uri));
        assertThat(articles)
                .extracting(ParsedItem::title, ParsedItem::publishedAt, ParsedItem::link)
                .containsExactly(
                        tuple("Forced Migrants in Ukraine Face Barriers to HIV and TB Care Amid Disrupted Healthcare Systems",
                                JAN_23, SITE + "news/forced-migrants-ukraine-hiv-tb-care"),
                        tuple("Residual Cardiovascular Risk Persists in Coronary Artery Disease Despite Advances in Treatment",
                                JAN_23, SITE + "news/residual-cardiovascular-risk-coronary-artery-disease"),
                        tuple("Advocacy-Informed Research and PRISM Framework Highlighted in Healthcare Policy Reform Strategies",
                                JAN_23, SITE + "news/advocacy-informed-research-prism-framework-policy-reform"),
                        tuple("Study Explores Link Between Red Blood Cell Distribution Width and Prognosis in Peripheral T-Cell Lymphoma",
                                JAN_23, SITE + "news/rdw-prognosis-peripheral-t-cell-lymphoma"),
                        tuple("Study Finds Jackdaw Contact Calls Exhibit Individual Variability for Social Communication",
                                JAN_23, SITE + "news/jackdaw-contact-calls-individual-variability"),
                        tuple("Study Analyzes Measles Infection Trends Among Children in Togo from 2020 to 2024",
                                JAN_23, SITE + "news/measles-trends-children-togo-2020-2024"),
                        tuple("Study in Thailand Finds Higher Osteoporosis Rates Among Type 2 Diabetes Patients",
                                JAN_23, SITE + "news/thailand-osteoporosis-type-2-diabetes"));
        assertThat(articles).extracting(ParsedItem::kind).containsOnly(ItemKind.ARTICLE);
        assertThat(articles).extracting(ParsedItem::guid).doesNotHaveDuplicates();
    }

    @Test
    void everyArticleHasAOneSentencePlainTeaser() {
        List<ParsedItem> articles = new PageParser(LATEST).parse(sample(SITE));
        assertThat(articles).allSatisfy(article -> assertThat(article.summaryHtml())
                .isNotBlank().doesNotContain("<").endsWith(".").hasSizeLessThan(200));
        assertThat(articles.get(0).summaryHtml()).startsWith("Displacement and damaged clinics");
    }

    @Test
    void theFeaturedArticleIsInNeitherList() {
        List<ParsedItem> all = new ArrayList<>(new PageParser(LATEST).parse(sample(SITE)));
        all.addAll(new PageParser(EVENTS).parse(sample(SITE)));
        assertThat(all).extracting(ParsedItem::title).hasSize(12)
                .noneMatch(title -> title.contains("South Korea"));
        assertThat(all).extracting(ParsedItem::publishedAt)
                .noneMatch(date -> date != null && date.toString().startsWith("2022"));
    }

    @Test
    void eventListsExactlyTheFiveEventsWithTheirDatesAndVenues() {
        List<ParsedItem> events = new PageParser(EVENTS).parse(sample("file:/opt/gazette/samples/biotech-news.html"));
        assertThat(events)
                .extracting(ParsedItem::title, ParsedItem::event)
                .containsExactly(
                        tuple("World Health Expo Dubai", allDay("2026-02-09", "Dubai Exhibition Centre, Dubai")),
                        tuple("BIO Asia 2026 (Life Science Partnerships)", allDay("2026-02-17", "Hyderabad, India")),
                        tuple("Rare Disease Week on Capitol Hill (Policy and Advocacy)",
                                allDay("2026-02-24", "Capitol Hill, Washington, D.C.")),
                        tuple("HIMSS26 (Digital Health & Hospital IT)", allDay("2026-03-09", "Las Vegas, Nevada")),
                        tuple("DCAT Week", allDay("2026-03-23", "New York, USA")));
        assertThat(events).extracting(ParsedItem::kind).containsOnly(ItemKind.EVENT);
        assertThat(events).extracting(ParsedItem::link).allMatch(link -> link.startsWith(SITE + "events/"));
        assertThat(events.get(0).guid()).isEqualTo(SITE + "events/world-health-expo-dubai#2026-02-09T00:00:00Z");
    }

    private static EventDetails allDay(String date, String venue) {
        return new EventDetails(Instant.parse(date + "T00:00:00Z"), null, true, null, venue);
    }
}
